package dev.arbiter.persistence.audit;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes export rows in one format. Every row carries its chain hashes, and every field the hash
 * covers is written exactly (occurred_at to the microsecond, values as the server's JSON text, the
 * salt as hex), so a row of the file can later be re-hashed, and its hashes compared with the
 * database or an anchor. The salt comes last, so the columns before it stay where they were before
 * entries had one (V88).
 */
abstract class ExportWriter {

  static final String[] COLUMNS = {
    "id",
    "occurred_at",
    "actor",
    "db_user",
    "action",
    "command",
    "entity_type",
    "entity_id",
    "request_id",
    "client_info",
    "old_values",
    "new_values",
    "hidden_keys",
    "prev_hash",
    "hash",
    "salt"
  };

  private static final DateTimeFormatter MICROS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

  /** One row as exported; values are JSON text or null; salt hex or null (entries before V88). */
  record Row(
      long id,
      Instant occurredAt,
      String actor,
      String dbUser,
      String action,
      String command,
      String entityType,
      String entityId,
      String requestId,
      String clientInfo,
      String oldValues,
      String newValues,
      int hiddenKeys,
      String prevHash,
      String hash,
      String salt) {}

  protected final Writer out;

  ExportWriter(Writer out) {
    this.out = out;
  }

  static ExportWriter of(ExportFormat format, Writer out) {
    return format == ExportFormat.CSV ? new Csv(out) : new JsonLines(out);
  }

  abstract void header() throws IOException;

  abstract void row(Row row) throws IOException;

  static String time(Instant at) {
    return MICROS.format(at);
  }

  private static final class Csv extends ExportWriter {

    Csv(Writer out) {
      super(out);
    }

    @Override
    void header() throws IOException {
      out.write(String.join(",", COLUMNS));
      out.write("\r\n");
    }

    @Override
    void row(Row r) throws IOException {
      out.write(Long.toString(r.id()));
      out.write(',');
      out.write(time(r.occurredAt()));
      for (String field :
          new String[] {
            r.actor(),
            r.dbUser(),
            r.action(),
            r.command(),
            r.entityType(),
            r.entityId(),
            r.requestId(),
            r.clientInfo(),
            r.oldValues(),
            r.newValues()
          }) {
        out.write(',');
        field(field);
      }
      out.write(',');
      out.write(Integer.toString(r.hiddenKeys()));
      out.write(',');
      out.write(r.prevHash());
      out.write(',');
      out.write(r.hash());
      out.write(',');
      field(r.salt());
      out.write("\r\n");
    }

    // NULL is an empty field; any text, even empty, is quoted when it must be, and "" when empty.
    private void field(String value) throws IOException {
      if (value == null) {
        return;
      }
      boolean quote =
          value.isEmpty()
              || value.indexOf(',') >= 0
              || value.indexOf('"') >= 0
              || value.indexOf('\n') >= 0
              || value.indexOf('\r') >= 0;
      if (!quote) {
        out.write(value);
        return;
      }
      out.write('"');
      out.write(value.replace("\"", "\"\""));
      out.write('"');
    }
  }

  private static final class JsonLines extends ExportWriter {

    JsonLines(Writer out) {
      super(out);
    }

    @Override
    void header() {
      // Every line names its fields.
    }

    @Override
    void row(Row r) throws IOException {
      StringBuilder line = new StringBuilder(256);
      line.append("{\"id\": ").append(r.id());
      text(line, "occurred_at", time(r.occurredAt()));
      text(line, "actor", r.actor());
      text(line, "db_user", r.dbUser());
      text(line, "action", r.action());
      text(line, "command", r.command());
      text(line, "entity_type", r.entityType());
      text(line, "entity_id", r.entityId());
      text(line, "request_id", r.requestId());
      text(line, "client_info", r.clientInfo());
      line.append(", \"old_values\": ").append(r.oldValues() == null ? "null" : r.oldValues());
      line.append(", \"new_values\": ").append(r.newValues() == null ? "null" : r.newValues());
      line.append(", \"hidden_keys\": ").append(r.hiddenKeys());
      text(line, "prev_hash", r.prevHash());
      text(line, "hash", r.hash());
      text(line, "salt", r.salt());
      line.append("}\n");
      out.write(line.toString());
    }

    private static void text(StringBuilder line, String name, String value) {
      line.append(", \"").append(name).append("\": ");
      if (value == null) {
        line.append("null");
      } else {
        line.append(
            JsonValues.jsonbText(com.fasterxml.jackson.databind.node.TextNode.valueOf(value)));
      }
    }
  }
}
