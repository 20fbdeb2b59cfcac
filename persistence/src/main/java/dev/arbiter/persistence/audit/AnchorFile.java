package dev.arbiter.persistence.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The file {@code audit anchor --out} writes and {@code audit verify --anchor} reads: comment lines
 * starting with {@code #}, then one line {@code <entry id>:<sha-256 hex> [<time of the entry>]}. A
 * file holding only {@link ChainAnchor#format()} reads as well, so an anchor copied by hand from
 * the console's output works too.
 */
public final class AnchorFile {

  private AnchorFile() {}

  /** The anchor line: {@code id:hex} and, when known, the entry's time in UTC. */
  public static String line(ChainHead head) {
    String at =
        head.occurredAt() == null
            ? ""
            : " " + DateTimeFormatter.ISO_INSTANT.format(head.occurredAt());
    return head.anchor().format() + at;
  }

  /**
   * The text of an anchor file for {@code head}; {@code source} names the database and {@code
   * fileName} is what the file will be called, for the hint on how to use it. Writing it is the
   * caller's business, under its own rules for replacing files.
   */
  public static String contents(ChainHead head, String source, String fileName) {
    return String.join(
        "\n",
        "# Arbiter audit chain anchor: the newest entry of " + source + ".",
        "# Keep this file outside the database. Check the chain still reaches it with",
        "#   arbiter audit verify --anchor " + fileName,
        line(head),
        "");
  }

  /**
   * Reads an anchor file.
   *
   * @throws IllegalArgumentException when the file holds no anchor line
   * @throws UncheckedIOException when the file cannot be read
   */
  public static ChainAnchor read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the anchor file " + file, e);
    }
    for (String raw : lines) {
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String first = line.split("\\s+", 2)[0];
      try {
        return ChainAnchor.parse(first);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(file + " is not an anchor file: " + e.getMessage(), e);
      }
    }
    throw new IllegalArgumentException(file + " holds no anchor line (<entry id>:<sha-256 hex>)");
  }
}
