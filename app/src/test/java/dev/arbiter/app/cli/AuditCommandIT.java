package dev.arbiter.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code arbiter audit verify|anchor} against a shared server (a test database, as a staff login)
 * and once against an embedded server of its own. Tampering is done as the superuser with the audit
 * triggers out of the way, as an attacker with full access would.
 */
class AuditCommandIT {

  @TempDir Path home;

  private record Run(int exitCode, String out, String err) {}

  private static TestDatabase chain() throws SQLException {
    TestDatabase db = TestDatabase.fresh();
    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      s.execute(
          "INSERT INTO users (email, display_name, kind)"
              + " SELECT 'cli' || g || '@example.test', 'Cli ' || g, 'client'"
              + " FROM generate_series(1, 200) g");
    }
    return db;
  }

  private Run arbiter(TestDatabase db, String... args) {
    Map<String, String> env = new HashMap<>();
    env.put("ARBITER_HOME", home.toString());
    if (db != null) {
      env.put("ARBITER_DB_URL", db.jdbcUrl());
      env.put("ARBITER_DB_USER", "demo_moderator");
      env.put("ARBITER_DB_PASSWORD", "demo");
    }
    return run(env, args);
  }

  private static Run run(Map<String, String> env, String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var cli = ArbiterCli.commandLine(env);
      cli.setOut(new PrintWriter(System.out, true));
      cli.setErr(new PrintWriter(System.err, true));
      int code = cli.execute(args);
      return new Run(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void verifyExitsZeroOnACleanChain() throws SQLException {
    TestDatabase db = chain();
    long last = lastId(db);

    Run run = arbiter(db, "audit", "verify");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("intact: " + last + " entries verified (entries 1 to " + last + ")")
        .contains("head " + last + ":")
        .contains("unsealed: none (entries are sealed within 5.0 s)");
  }

  @Test
  void verifyCountsEntriesNotYetSealedApartAndSealsNone() throws SQLException {
    TestDatabase db = chain();
    long last = lastId(db);
    // A REPEATABLE READ writer leaves its entry to the next sealer (decision 8).
    try (Connection owner = db.migrator()) {
      owner.setAutoCommit(false);
      owner.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      owner
          .createStatement()
          .execute(
              "INSERT INTO users (email, display_name, kind)"
                  + " VALUES ('late@example.test', 'Late', 'client')");
      owner.commit();
    }

    Run run = arbiter(db, "audit", "verify");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("intact: " + last + " entries verified")
        .contains("unsealed: 1 entry not yet in the chain, oldest written ");
    assertThat(lastId(db)).isEqualTo(last);
  }

  @Test
  void entriesTheLoginMayNotReadAreCheckedByTheirLinksAndCounted() throws SQLException {
    TestDatabase db = chain();
    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      // Wallets are the ledger's: a moderator may not read their entries (V88).
      s.execute(
          "INSERT INTO wallets (owner_user_id, kind, currency) SELECT id, 'user', 'USD'"
              + " FROM users WHERE email LIKE 'cli%' ORDER BY id LIMIT 3");
    }
    long last = lastId(db);

    Run verify = arbiter(db, "audit", "verify");
    Run anchor = arbiter(db, "audit", "anchor");

    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.out())
        .startsWith("intact: " + last + " entries verified (entries 1 to " + last + ")")
        .contains(
            "\n3 entries you may not read were checked by their links only; verify as an admin"
                + " to check their content.\n");
    assertThat(anchor.exitCode()).as(anchor.err()).isZero();
    assertThat(anchor.out().strip()).matches(last + ":[0-9a-f]{64}");
  }

  @Test
  void verifyExitsOneNamingTheTamperedEntryAndHowItBroke() throws SQLException {
    TestDatabase db = chain();
    tamper(db, "UPDATE audit_log SET new_values = '{\"display_name\": \"Mallory\"}' WHERE id = 77");

    Run run = arbiter(db, "audit", "verify");

    assertThat(run.exitCode()).as(run.err()).isEqualTo(ArbiterCli.FINDINGS);
    assertThat(run.out())
        .startsWith("BROKEN at entry 77 (changed): entry 77 was changed")
        .contains("entries 1 to 76 are intact");
  }

  @Test
  void verifyNamesADeletedEntryMissing() throws SQLException {
    TestDatabase db = chain();
    tamper(db, "DELETE FROM audit_log WHERE id = 40");

    Run run = arbiter(db, "audit", "verify");

    assertThat(run.exitCode()).isEqualTo(ArbiterCli.FINDINGS);
    assertThat(run.out()).startsWith("BROKEN at entry 40 (missing)");
  }

  @Test
  void verifyFromAnEntryChecksOnlyFromThere() throws SQLException {
    TestDatabase db = chain();
    tamper(db, "UPDATE audit_log SET actor = 'mallory' WHERE id = 5");
    long last = lastId(db);

    Run from = arbiter(db, "audit", "verify", "--from", "6");

    assertThat(from.exitCode()).as(from.out() + from.err()).isZero();
    assertThat(from.out()).startsWith("intact: " + (last - 5) + " entries verified (entries 6 to");
    assertThat(arbiter(db, "audit", "verify", "--from", "5").exitCode())
        .isEqualTo(ArbiterCli.FINDINGS);
  }

  @Test
  void anchorWrittenToAFileIsReadBackAndCatchesATruncatedTail() throws Exception {
    TestDatabase db = chain();
    Path anchorFile = Files.createDirectory(home.resolve("anchors")).resolve("head.anchor");

    Run anchor = arbiter(db, "audit", "anchor", "--out", anchorFile.toString());
    assertThat(anchor.exitCode()).as(anchor.err()).isZero();
    long last = lastId(db);
    String text = Files.readString(anchorFile);
    assertThat(text).containsPattern("(?m)^" + last + ":[0-9a-f]{64} \\d{4}-\\d\\d-\\d\\dT");
    assertThat(anchor.out()).startsWith("anchor " + last + ":");

    Run intact = arbiter(db, "audit", "verify", "--anchor", anchorFile.toString());
    assertThat(intact.exitCode()).as(intact.out() + intact.err()).isZero();
    assertThat(intact.out()).contains("the chain still reaches anchor entry " + last);

    long keep = last - 3;
    tamper(
        db,
        "DELETE FROM audit_log WHERE id > " + keep,
        "UPDATE audit_chain_head SET last_id = "
            + keep
            + ", last_hash = (SELECT hash FROM audit_log WHERE id = "
            + keep
            + ")");

    assertThat(arbiter(db, "audit", "verify").exitCode())
        .as("without the anchor the shorter chain looks whole")
        .isZero();
    Run truncated = arbiter(db, "audit", "verify", "--anchor", anchorFile.toString());
    assertThat(truncated.exitCode()).isEqualTo(ArbiterCli.FINDINGS);
    assertThat(truncated.out())
        .startsWith("BROKEN at entry " + (keep + 1) + " (truncated)")
        .contains("the anchor names entry " + last);
  }

  @Test
  void anchorWithoutOutPrintsTheHeadLine() throws SQLException {
    TestDatabase db = chain();
    Run run = arbiter(db, "audit", "anchor");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out().trim()).matches(lastId(db) + ":[0-9a-f]{64} \\S+Z");
  }

  @Test
  void anchorRefusesWhenTheHeadDisagreesWithTheLog() throws SQLException {
    TestDatabase db = chain();
    tamper(db, "UPDATE audit_chain_head SET last_hash = sha256(last_hash)");
    Run run = arbiter(db, "audit", "anchor");
    assertThat(run.exitCode()).isEqualTo(ArbiterCli.FINDINGS);
    assertThat(run.err()).contains("another hash");
  }

  @Test
  void badUsageAndUnreadableInputAreExitTwo() throws Exception {
    TestDatabase db = chain();
    Path garbage = Files.writeString(home.resolve("bad.anchor"), "# nothing here\nnot-an-anchor\n");

    assertThat(arbiter(db, "audit", "verify", "--from", "0").exitCode()).isEqualTo(2);
    assertThat(arbiter(db, "audit", "verify", "--from", "999999").err()).contains("ends at entry");
    Run bad = arbiter(db, "audit", "verify", "--anchor", garbage.toString());
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err()).contains("not an anchor file").doesNotContain("\tat ");
    assertThat(arbiter(db, "audit", "verify", "--anchor", home.resolve("none").toString()).err())
        .contains("could not read the anchor file");
    Run noUser =
        run(
            Map.of("ARBITER_HOME", home.toString(), "ARBITER_DB_URL", db.jdbcUrl()),
            "audit",
            "verify");
    assertThat(noUser.exitCode()).isEqualTo(2);
    assertThat(noUser.err()).contains("set ARBITER_DB_USER");
    Run wrongPassword =
        run(
            Map.of(
                "ARBITER_HOME",
                home.toString(),
                "ARBITER_DB_URL",
                db.jdbcUrl(),
                "ARBITER_DB_USER",
                "demo_support",
                "ARBITER_DB_PASSWORD",
                "wrong"),
            "audit",
            "verify");
    assertThat(wrongPassword.exitCode()).isEqualTo(2);
    assertThat(wrongPassword.err()).startsWith("arbiter: could not connect to demo_support on");
  }

  @Test
  void exportWritesExactlyTheFilteredEntriesNewestFirst() throws Exception {
    TestDatabase db = chain();
    Path csv = home.resolve("users.csv");
    Path jsonl = home.resolve("users.jsonl");

    Run run =
        arbiter(
            db, "export", "--out", csv.toString(), "--entity-type", "users", "--action", "insert");
    Run lines = arbiter(db, "export", "--out", jsonl.toString(), "--entity-type", "users");

    java.util.List<Long> expected = new java.util.ArrayList<>();
    try (Connection c = db.superuser();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT id FROM audit_log WHERE entity_type = 'users' AND action = 'insert'"
                        + " ORDER BY id DESC")) {
      while (rs.next()) {
        expected.add(rs.getLong(1));
      }
    }
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out().trim()).isEqualTo("exported " + expected.size() + " entries to " + csv);
    java.util.List<String> rows = Files.readAllLines(csv);
    assertThat(rows.get(0)).startsWith("id,occurred_at,actor,db_user,action");
    assertThat(rows.stream().skip(1).map(l -> Long.valueOf(l.substring(0, l.indexOf(',')))))
        .containsExactlyElementsOf(expected);
    assertThat(lines.exitCode()).isZero();
    assertThat(Files.readAllLines(jsonl))
        .allMatch(l -> l.startsWith("{\"id\": "))
        .hasSizeGreaterThanOrEqualTo(expected.size());

    Path other = home.resolve("other.csv");
    assertThat(arbiter(db, "export", "--out", other.toString(), "--role", "pilot").err())
        .contains("'pilot' is not a role");
    assertThat(arbiter(db, "export", "--out", other.toString(), "--from", "yesterday").exitCode())
        .isEqualTo(2);
  }

  @Test
  void exportReplacesAFileOnlyWithForceAndWritesItForItsOwnerOnly() throws Exception {
    TestDatabase db = chain();
    Path csv = Files.writeString(home.resolve("audit.csv"), "an earlier export");
    Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("rw-r--r--"));

    Run refused = arbiter(db, "export", "--out", csv.toString(), "--entity-type", "users");
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err())
        .isEqualTo("arbiter: " + csv + " already exists; add --force to replace it\n");
    assertThat(csv).hasContent("an earlier export");

    Run forced =
        arbiter(db, "export", "--out", csv.toString(), "--entity-type", "users", "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readAllLines(csv).get(0)).startsWith("id,occurred_at,actor");
    assertThat(Files.getPosixFilePermissions(csv))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    try (var names = Files.list(home)) {
      assertThat(names.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".part"));
    }
  }

  @Test
  void anchorReplacesAFileOnlyWithForceAndWritesItForItsOwnerOnly() throws Exception {
    TestDatabase db = chain();
    Path anchorFile = Files.writeString(home.resolve("head.anchor"), "# an older anchor\n");

    Run refused = arbiter(db, "audit", "anchor", "--out", anchorFile.toString());
    assertThat(refused.exitCode()).isEqualTo(2);
    assertThat(refused.err()).contains("already exists; add --force to replace it");
    assertThat(anchorFile).hasContent("# an older anchor");

    Run forced = arbiter(db, "audit", "anchor", "--out", anchorFile.toString(), "--force");
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readString(anchorFile))
        .containsPattern("(?m)^" + lastId(db) + ":[0-9a-f]{64}");
    assertThat(Files.getPosixFilePermissions(anchorFile))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
  }

  @Test
  void verifyOnTheEmbeddedServerStartsMigratesAndVerifies() {
    Run run = arbiter(null, "audit", "verify");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("intact: ");
    assertThat(home.resolve("server.json")).doesNotExist();
  }

  private static long lastId(TestDatabase db) throws SQLException {
    try (Connection c = db.superuser();
        var rs = c.createStatement().executeQuery("SELECT max(id) FROM audit_log")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void tamper(TestDatabase db, String... sql) throws SQLException {
    try (Connection c = db.superuser();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SET LOCAL session_replication_role = replica");
      for (String statement : sql) {
        s.execute(statement);
      }
      c.commit();
    }
  }
}
