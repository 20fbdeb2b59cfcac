package dev.arbiter.tools.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sampling by id windows: bounded reads, every row reachable, filters respected. */
class IdWindowsIT {

  private static TestDatabase db;

  @BeforeAll
  static void users() throws Exception {
    db = TestDatabase.fresh();
    try (Connection superuser = db.superuser();
        Statement s = superuser.createStatement()) {
      // Fixture rows only: skip the per-row audit chain, which would make this the slow part.
      s.execute("SET session_replication_role = replica");
      s.execute(
          "INSERT INTO users (email, display_name, kind, status)"
              + " SELECT 'u' || i || '@mail.example', 'User ' || i, 'client',"
              + " CASE WHEN i % 10 = 0 THEN 'closed' ELSE 'active' END"
              + " FROM generate_series(1, 20000) i");
    }
  }

  private static List<Long> sample(Connection c, SplittableRandom r) throws Exception {
    return IdWindows.sample(
        c,
        r,
        "users",
        "SELECT id FROM users WHERE id BETWEEN ? AND ? AND status = 'active' ORDER BY id LIMIT ?",
        row -> row.getLong("id"));
  }

  @Test
  void samplesAreFullFilteredAndSpreadOverTheWholeTable() throws Exception {
    Set<Long> seen = new HashSet<>();
    try (Connection c = db.migrator()) {
      SplittableRandom r = new SplittableRandom(5);
      for (int i = 0; i < 200; i++) {
        List<Long> ids = sample(c, r);
        assertThat(ids).hasSize(IdWindows.LIMIT).doesNotHaveDuplicates();
        seen.addAll(ids);
      }
      List<Long> closed = List.copyOf(seen).stream().filter(id -> id % 10 == 0).toList();
      assertThat(closed).as("closed users are filtered out").isEmpty();
    }
    long lowest = seen.stream().mapToLong(Long::longValue).min().orElseThrow();
    long highest = seen.stream().mapToLong(Long::longValue).max().orElseThrow();
    assertThat(lowest).isLessThan(1_000);
    assertThat(highest).isGreaterThan(19_000);
  }

  @Test
  void aSmallTableIsSampledFromEveryPartNotJustItsStart() throws Exception {
    try (Connection c = db.superuser();
        Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute("SET LOCAL session_replication_role = replica");
      s.execute("DELETE FROM users WHERE id > 300");
      Set<Long> firstIds = new HashSet<>();
      SplittableRandom r = new SplittableRandom(9);
      for (int i = 0; i < 20; i++) {
        firstIds.add(sample(c, r).get(0));
      }
      assertThat(firstIds).hasSizeGreaterThan(10);
      c.rollback();
    }
  }
}
