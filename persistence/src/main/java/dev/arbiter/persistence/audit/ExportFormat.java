package dev.arbiter.persistence.audit;

import java.util.Locale;

/** The file formats an audit export can be written in. */
public enum ExportFormat {
  /**
   * RFC 4180 CSV with a header row. As in PostgreSQL's COPY, NULL is an empty unquoted field and an
   * empty text a quoted {@code ""}, so the hashed content survives the round trip.
   */
  CSV("csv"),
  /** One JSON object per line; old and new values are embedded as the server's own JSON text. */
  JSON_LINES("jsonl");

  private final String extension;

  ExportFormat(String extension) {
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** {@code csv} or {@code jsonl} (also {@code json-lines}), any case. */
  public static ExportFormat parse(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "csv" -> CSV;
      case "jsonl", "json-lines", "ndjson" -> JSON_LINES;
      default ->
          throw new IllegalArgumentException("unknown export format '" + text + "': csv or jsonl");
    };
  }
}
