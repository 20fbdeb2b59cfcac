package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.audit.AuditFixture.Written;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One record's history: every change by anyone, oldest first, and nothing of other records. */
class RecordHistoryServiceIT {

  private static TestDatabase db;
  private static Written w;

  @BeforeAll
  static void entries() throws SQLException {
    db = TestDatabase.fresh();
    w = AuditFixture.write(db);
  }

  @Test
  void disputeHistoryListsEveryWriterOldestFirst() throws SQLException {
    RecordHistoryService service = new RecordHistoryService(db.access("demo_finance"), false);

    RecordHistory history = service.history("disputes", w.seed().dispute());
    List<Long> oldestFirst =
        new ArrayList<>(
            AuditFixture.idsWhere(
                db,
                "entity_type = 'disputes' AND entity_id = ?",
                Long.toString(w.seed().dispute())));
    Collections.reverse(oldestFirst);

    assertThat(history.changes())
        .extracting(AuditRecord::id)
        .isSorted()
        .containsExactlyElementsOf(oldestFirst);
    assertThat(history.changes())
        .extracting(AuditRecord::action)
        .startsWith("insert")
        .contains("update");
    assertThat(history.changes())
        .extracting(AuditRecord::actor)
        .contains("demo_support", "user:42");
    assertThat(history.earlierOmitted()).isFalse();
  }

  @Test
  void historyIncludesTruncatesOfItsTable() throws SQLException {
    long note;
    try (Connection owner = db.migrator()) {
      note =
          dev.arbiter.persistence.contract.Fixtures.id(
              owner,
              "INSERT INTO contact_notes (workspace_id, body, visibility) VALUES (?, 'hello',"
                  + " 'workspace')",
              w.seed().workspace());
      owner.createStatement().execute("TRUNCATE contact_notes");
    }
    RecordHistory history =
        new RecordHistoryService(db.access("demo_admin"), true).history("contact_notes", note);
    assertThat(history.changes())
        .extracting(AuditRecord::action)
        .containsExactly("insert", "truncate");
    assertThat(history.changes().get(1).summary()).isEqualTo("every row removed");
  }

  @Test
  void unknownRecordHasAnEmptyHistory() {
    assertThat(
            new RecordHistoryService(db.access("demo_admin"), true)
                .history("users", "987654")
                .changes())
        .isEmpty();
  }
}
