package dev.arbiter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.common.TransitionTable;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.SettlementStatus;
import dev.arbiter.model.escrow.CheckpointStatus;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The console's status rules are the database's, row for row. */
class StatusRulesIT {

  private static final List<TransitionTable<?>> JAVA_RULES =
      List.of(
          DisputeStatus.rules(),
          CheckpointStatus.rules(),
          FlagStatus.rules(),
          SettlementStatus.rules());

  private static TestDatabase db;

  @BeforeAll
  static void migrate() {
    db = TestDatabase.fresh();
  }

  @Test
  void javaTransitionsEqualTheStatusTransitionsTableInBothDirections() throws SQLException {
    List<String> database = new ArrayList<>();
    // Read as a staff login: the console reads the same rows at run time.
    try (Connection c = db.as("demo_support");
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT entity, from_status, to_status, by_owner_only FROM status_transitions")) {
      while (rs.next()) {
        database.add(row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBoolean(4)));
      }
    }

    List<String> java = new ArrayList<>();
    for (TransitionTable<?> table : JAVA_RULES) {
      table
          .transitions()
          .forEach(
              t ->
                  java.add(
                      row(table.entity(), t.from().dbValue(), t.to().dbValue(), t.byOwnerOnly())));
    }

    assertThat(java).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(database);
  }

  @Test
  void everyStatusTriggerStartsNewRecordsWhereJavaDoes() throws SQLException {
    Map<String, String> triggerArgs = new HashMap<>();
    try (Connection c = db.superuser();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                """
                SELECT encode(t.tgargs, 'escape')
                  FROM pg_trigger t
                  JOIN pg_proc p ON p.oid = t.tgfoid
                 WHERE p.proname = 'enforce_status_transition' AND NOT t.tgisinternal
                """)) {
      while (rs.next()) {
        // Arguments are NUL-terminated: entity, then its initial status.
        String[] args = rs.getString(1).split("\\\\000");
        triggerArgs.put(args[0], args[1]);
      }
    }

    Map<String, String> javaInitial = new HashMap<>();
    for (TransitionTable<?> table : JAVA_RULES) {
      javaInitial.put(table.entity(), table.initial().dbValue());
    }
    assertThat(triggerArgs).isEqualTo(javaInitial);
  }

  private static String row(String entity, String from, String to, boolean byOwnerOnly) {
    return entity + ": " + from + " -> " + to + (byOwnerOnly ? " (money function only)" : "");
  }
}
