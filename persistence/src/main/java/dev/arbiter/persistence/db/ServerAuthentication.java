package dev.arbiter.persistence.db;

import dev.arbiter.persistence.access.Jdbc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import org.postgresql.PGConnection;

/**
 * How the embedded server authenticates: every role, the superuser included, gives its password
 * (scram-sha-256); nothing is trusted. A trusted superuser would make any other account on the
 * machine a database superuser, and through {@code COPY ... TO PROGRAM} able to run programs as the
 * desktop user.
 *
 * <p>The switch is ordered so that a crash at any point leaves a way in: the password file is
 * written first, then the role gets that password while the old trust still lets us in, and only
 * then is {@code pg_hba.conf} replaced. Each step is repeated until the file is Arbiter's.
 */
final class ServerAuthentication {

  static final String HBA =
      """
      # Written by Arbiter. Every role, the superuser included, gives its password;
      # the superuser's is in $ARBITER_HOME/pgpass, readable by the desktop user only.
      local   all   all                      scram-sha-256
      host    all   all        127.0.0.1/32  scram-sha-256
      host    all   all        ::1/128       scram-sha-256
      """;

  private static final Duration RELOAD_TIMEOUT = Duration.ofSeconds(30);

  private ServerAuthentication() {}

  /**
   * Whether a data folder's {@code pg_hba.conf} still trusts some login: a folder from before
   * passwords, or one whose switch was interrupted.
   */
  static boolean trusts(Path dataDirectory) {
    Path hba = hbaFile(dataDirectory);
    try {
      return Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
          .map(line -> line.replaceFirst("#.*", "").trim())
          .anyMatch(line -> Arrays.asList(line.split("\\s+")).contains("trust"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + hba, e);
    }
  }

  /**
   * Makes the running server ask every role for its password, the superuser for the one in {@code
   * login}, which the pgpass file already holds. Connecting with it works before the switch too,
   * since trust ignores the password.
   */
  static void requirePasswords(SuperuserLogin login, Path dataDirectory)
      throws SQLException, IOException {
    Path hba = hbaFile(dataDirectory);
    if (Files.readString(hba, StandardCharsets.UTF_8).equals(HBA)) {
      return;
    }
    try (Connection c = login.open("postgres");
        Statement s = c.createStatement()) {
      // The verifier is computed here, so the password itself never reaches the server's log.
      c.unwrap(PGConnection.class)
          .alterUserPassword(
              EmbeddedServer.SUPERUSER, login.password().toCharArray(), "scram-sha-256");
      OffsetDateTime loaded = loadTime(c);
      PrivateFiles.writeAtomically(hba, HBA.getBytes(StandardCharsets.UTF_8));
      s.execute("SELECT pg_reload_conf()");
      awaitReload(login, loaded);
    }
  }

  /**
   * The reload is a signal the postmaster handles in its own time; wait until it has re-read the
   * files, so nobody (a test included) can log in by the old trust after this returns.
   */
  private static void awaitReload(SuperuserLogin login, OffsetDateTime before) throws SQLException {
    long deadline = System.nanoTime() + RELOAD_TIMEOUT.toNanos();
    while (true) {
      try (Connection fresh = login.open("postgres")) {
        if (loadTime(fresh).isAfter(before)) {
          return;
        }
      }
      if (System.nanoTime() > deadline) {
        throw new SQLException("the embedded server did not reload pg_hba.conf");
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new SQLException("interrupted while the server reloads pg_hba.conf", e);
      }
    }
  }

  // A new session reports when the postmaster last read the configuration files.
  private static OffsetDateTime loadTime(Connection c) throws SQLException {
    return Jdbc.list(
            c,
            "SELECT pg_conf_load_time() AS loaded",
            row -> row.instant("loaded").atOffset(ZoneOffset.UTC))
        .get(0);
  }

  private static Path hbaFile(Path dataDirectory) {
    return dataDirectory.resolve("pg_hba.conf");
  }
}
