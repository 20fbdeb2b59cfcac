package dev.arbiter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data folders from before superuser passwords: the superuser trusted over TCP and the Unix socket,
 * no pgpass file. The next start gives the superuser a password, keeps the data, and survives being
 * interrupted half way.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class EmbeddedServerUpgradeIT {

  /** What earlier versions wrote to pg_hba.conf. */
  private static final String TRUST_ERA_HBA =
      """
      # Written by Arbiter. Local demo server: the superuser trusts local connections,
      # every other role must give its password.
      local   all   postgres                 trust
      host    all   postgres   127.0.0.1/32  trust
      host    all   postgres   ::1/128       trust
      local   all   all                      scram-sha-256
      host    all   all        127.0.0.1/32  scram-sha-256
      host    all   all        ::1/128       scram-sha-256
      """;

  @TempDir Path folder;

  @Test
  void aTrustEraDataFolderGetsASuperuserPasswordAndKeepsItsData() throws Exception {
    ArbiterHome home = trustEraHome();

    try (EmbeddedServer server = EmbeddedServer.start(home, 0)) {
      String password = PgPassFile.read(home.pgpassFile()).orElseThrow();
      try (Connection c =
          DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", password)) {
        assertThat(count(c, "SELECT count(*) FROM kept WHERE note = 'from before'")).isEqualTo(1);
      }
      assertThatThrownBy(
              () -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", ""))
          .isInstanceOf(SQLException.class);
      assertThat(ServerAuthentication.trusts(home.pgData())).isFalse();
    }
  }

  @Test
  void anUpgradeInterruptedAfterWritingPgpassFinishesOnTheNextStart() throws Exception {
    ArbiterHome home = trustEraHome();
    // The crash: the password is in the file, but neither the role nor pg_hba.conf has it yet.
    String written = PgPassFile.newPassword();
    PgPassFile.write(home.pgpassFile(), written);

    try (EmbeddedServer server = EmbeddedServer.start(home, 0)) {
      assertThat(server.superuserPassword()).isEqualTo(written);
      try (Connection c =
          DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", written)) {
        assertThat(count(c, "SELECT count(*) FROM kept")).isEqualTo(1);
      }
      assertThatThrownBy(
              () -> DriverManager.getConnection(server.jdbcUrl("postgres"), "postgres", "x"))
          .isInstanceOf(SQLException.class);
    }
    // And the next start finds everything in place.
    try (EmbeddedServer again = EmbeddedServer.start(home, 0);
        Connection c = again.superuserConnection("postgres")) {
      assertThat(count(c, "SELECT count(*) FROM kept")).isEqualTo(1);
    }
  }

  @Test
  void aPasswordFolderWhosePgpassIsGoneIsRefusedAtOnceNamingTheFile() throws Exception {
    ArbiterHome home = new ArbiterHome(folder.resolve("home"));
    EmbeddedServer.start(home, 0).close();
    Files.delete(home.pgpassFile());

    assertThatThrownBy(() -> EmbeddedServer.start(home, 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining(home.pgpassFile().toString());
    // Refused before any server starts, not after zonky's 30 s wait for a login that must fail.
    assertThat(home.pgData().resolve("postmaster.pid")).doesNotExist();
  }

  /** A data folder as earlier versions left it, holding one row, with no pgpass file. */
  private ArbiterHome trustEraHome() throws Exception {
    ArbiterHome home = new ArbiterHome(folder.resolve("home"));
    Files.createDirectories(home.root());
    try (EmbeddedPostgres old =
        EmbeddedPostgres.builder()
            .setDataDirectory(home.pgData())
            .setCleanDataDirectory(false)
            .start()) {
      try (Connection c = old.getPostgresDatabase().getConnection();
          Statement s = c.createStatement()) {
        s.execute("CREATE TABLE kept (note text)");
        s.execute("INSERT INTO kept VALUES ('from before')");
        s.execute("CHECKPOINT");
      }
    }
    Files.writeString(home.pgData().resolve("pg_hba.conf"), TRUST_ERA_HBA);
    assertThat(home.pgpassFile()).doesNotExist();
    return home;
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
