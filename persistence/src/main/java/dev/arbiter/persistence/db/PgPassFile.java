package dev.arbiter.persistence.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The embedded server's superuser password, kept in {@code $ARBITER_HOME/pgpass} in libpq's
 * password-file format ({@code hostname:port:database:username:password}), so that {@code
 * PGPASSFILE=$ARBITER_HOME/pgpass psql -h localhost -p PORT -U postgres arbiter} works as well as
 * Arbiter's own connections. The file is 0600: libpq ignores a password file others can read, and
 * whoever reads it is the database's superuser. The port is {@code *} because the embedded server
 * takes a free port on each start.
 */
public final class PgPassFile {

  private static final int PASSWORD_BYTES = 32;
  private static final SecureRandom RANDOM = new SecureRandom();

  private PgPassFile() {}

  /** A new random password: 32 bytes, base64url, so it needs no escaping in the file. */
  public static String newPassword() {
    byte[] bytes = new byte[PASSWORD_BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Writes {@code password} for the superuser on localhost, atomically, mode 0600. */
  public static void write(Path file, String password) {
    String line = ":*:*:" + EmbeddedServer.SUPERUSER + ":" + escape(password) + "\n";
    try {
      PrivateFiles.writeAtomically(
          file, ("localhost" + line + "127.0.0.1" + line).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the superuser's password to " + file, e);
    }
  }

  /** The superuser's password from {@code file}, or empty when there is no file or no entry. */
  public static Optional<String> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        List<String> fields = fields(line);
        if (fields.size() == 5 && EmbeddedServer.SUPERUSER.equals(fields.get(3))) {
          return Optional.of(fields.get(4));
        }
      }
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the superuser's password from " + file, e);
    }
  }

  /** Splits a line on unescaped colons, undoing libpq's {@code \:} and {@code \\} escapes. */
  static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (ch == '\\' && i + 1 < line.length()) {
        field.append(line.charAt(++i));
      } else if (ch == ':' && fields.size() < 4) {
        fields.add(field.toString());
        field.setLength(0);
      } else {
        field.append(ch);
      }
    }
    fields.add(field.toString());
    return fields;
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace(":", "\\:");
  }
}
