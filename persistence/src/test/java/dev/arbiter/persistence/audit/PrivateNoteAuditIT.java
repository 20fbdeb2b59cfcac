package dev.arbiter.persistence.audit;

import static dev.arbiter.persistence.contract.Fixtures.id;
import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.audit.AuditEntries.Row;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A private contact note's body never reaches the audit log, which every member of staff reads
 * (V83): its entries carry a SHA-256 of the body instead, which the author can check against the
 * note. Notes other staff may read are audited in full, and the chain verifies either way.
 */
class PrivateNoteAuditIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static TestDatabase db;
  private static Connection owner;
  private static long workspace;

  @BeforeAll
  static void createWorkspace() throws SQLException {
    db = TestDatabase.fresh();
    owner = db.migrator();
    workspace = Fixtures.seed(owner).workspace();
  }

  @AfterAll
  static void close() throws SQLException {
    owner.close();
  }

  @Test
  void privateNoteIsAuditedWithADigestThatOnlyItsAuthorCanCheck() throws Exception {
    String body = "Owner seemed evasive about the Büro invoice – " + marker();
    long before = AuditEntries.lastId(db);
    long note;
    try (Connection admin = db.as("demo_admin")) {
      note = insertNote(admin, body, "private", null);
    }

    Row entry = single(before);
    assertThat(entry.action()).isEqualTo("insert");
    assertThat(entry.entityId()).isEqualTo(Long.toString(note));
    try (Connection support = db.as("demo_support")) {
      assertThat(value(support, "SELECT body FROM contact_notes WHERE id = ?", note)).isNull();
      List<Seen> seen = auditAs(support, note);
      assertThat(seen).hasSize(1);
      assertThat(seen.get(0).oldValues()).isNull();
      JsonNode values = JSON.readTree(seen.get(0).newValues());
      assertThat(values.has("body")).isTrue();
      assertThat(values.get("body").isNull()).isTrue();
      assertThat(values.get("visibility").asText()).isEqualTo("private");
      assertThat(values.get("author").asText()).isEqualTo("demo_admin");
      assertThat(values.get("workspace_id").asLong()).isEqualTo(workspace);
      assertThat(anywhereInTheLog(support, body)).isZero();

      String authorReads;
      try (Connection author = db.as("demo_admin")) {
        authorReads = (String) value(author, "SELECT body FROM contact_notes WHERE id = ?", note);
      }
      assertThat(authorReads).isEqualTo(body);
      assertThat(values.get("body_sha256").asText()).isEqualTo(sha256(authorReads));
    }
  }

  @Test
  void supersedingAPrivateNoteAddsOneEntryAndWithholdsTheNewPrivateBody() throws Exception {
    String first = "Prefers calls after six " + marker();
    String second = "Correction: prefers calls before nine " + marker();
    String open = "Correction for the whole team: prefers e-mail " + marker();
    long earlier;
    long before;
    long newer;
    long replaced;
    long corrected;
    try (Connection support = db.as("demo_support")) {
      earlier = insertNote(support, first, "private", null);
      before = AuditEntries.lastId(db);
      newer = insertNote(support, second, "private", earlier);
      assertThat(single(before).entityId()).isEqualTo(Long.toString(newer));

      replaced = insertNote(support, "Asked for a discount " + marker(), "private", null);
      before = AuditEntries.lastId(db);
      corrected = insertNote(support, open, "workspace", replaced);
    }
    // A note others may read is audited in full, whatever it supersedes.
    JsonNode correction = JSON.readTree(single(before).newValues());
    assertThat(correction.get("body").asText()).isEqualTo(open);
    assertThat(correction.has("body_sha256")).isFalse();
    assertThat(correction.get("supersedes_id").asLong()).isEqualTo(replaced);

    try (Connection admin = db.as("demo_admin")) {
      JsonNode values = JSON.readTree(auditAs(admin, newer).get(0).newValues());
      assertThat(values.get("body").isNull()).isTrue();
      assertThat(values.get("body_sha256").asText()).isEqualTo(sha256(second));
      assertThat(values.get("supersedes_id").asLong()).isEqualTo(earlier);
      assertThat(anywhereInTheLog(admin, first)).isZero();
      assertThat(anywhereInTheLog(admin, second)).isZero();
      assertThat(auditAs(admin, corrected)).hasSize(1);
    }
  }

  @Test
  void editsOfAPrivateNoteWithholdTheBodyInBothImages() throws Exception {
    String draft = "Suspect two accounts, same person " + marker();
    String edited = "Two accounts confirmed, same person " + marker();
    long note;
    try (Connection admin = db.as("demo_admin")) {
      note = insertNote(admin, draft, "private", null);
    }
    // Staff cannot edit notes; the schema owner (a loader, a DBA) can, and is audited the same.
    long before = AuditEntries.lastId(db);
    update(owner, "UPDATE contact_notes SET body = ? WHERE id = ?", edited, note);
    JsonNode[] edit = images(single(before));
    assertThat(edit[0].get("body").isNull()).isTrue();
    assertThat(edit[0].get("body_sha256").asText()).isEqualTo(sha256(draft));
    assertThat(edit[1].get("body").isNull()).isTrue();
    assertThat(edit[1].get("body_sha256").asText()).isEqualTo(sha256(edited));

    // Made readable to the workspace: what it said while private stays out of the log.
    before = AuditEntries.lastId(db);
    update(owner, "UPDATE contact_notes SET visibility = 'workspace' WHERE id = ?", note);
    JsonNode[] published = images(single(before));
    assertThat(published[0].get("visibility").asText()).isEqualTo("private");
    assertThat(published[1].get("visibility").asText()).isEqualTo("workspace");
    assertThat(published[0].get("body").isNull()).isTrue();
    assertThat(published[1].get("body").isNull()).isTrue();
    assertThat(published[1].get("body_sha256").asText()).isEqualTo(sha256(edited));

    // Made private again: both images withheld too, once more one entry.
    before = AuditEntries.lastId(db);
    update(owner, "UPDATE contact_notes SET visibility = 'private' WHERE id = ?", note);
    JsonNode[] hidden = images(single(before));
    assertThat(hidden[0].get("body").isNull()).isTrue();
    assertThat(hidden[1].get("body").isNull()).isTrue();

    before = AuditEntries.lastId(db);
    update(owner, "DELETE FROM contact_notes WHERE id = ?", note);
    Row deleted = single(before);
    assertThat(deleted.action()).isEqualTo("delete");
    assertThat(deleted.newValues()).isNull();
    JsonNode old = JSON.readTree(deleted.oldValues());
    assertThat(old.get("body").isNull()).isTrue();
    assertThat(old.get("body_sha256").asText()).isEqualTo(sha256(edited));

    try (Connection support = db.as("demo_support")) {
      assertThat(anywhereInTheLog(support, draft)).isZero();
      assertThat(anywhereInTheLog(support, edited)).isZero();
    }
  }

  @Test
  void workspaceNoteIsAuditedWithItsBodyAsBefore() throws Exception {
    String body = "Asked for an invoice copy " + marker();
    String edited = "Asked for two invoice copies " + marker();
    long before = AuditEntries.lastId(db);
    long note;
    try (Connection support = db.as("demo_support")) {
      note = insertNote(support, body, "workspace", null);
    }
    JsonNode inserted = JSON.readTree(single(before).newValues());
    assertThat(inserted.get("body").asText()).isEqualTo(body);
    assertThat(inserted.has("body_sha256")).isFalse();

    before = AuditEntries.lastId(db);
    update(owner, "UPDATE contact_notes SET body = ? WHERE id = ?", edited, note);
    JsonNode[] edit = images(single(before));
    assertThat(edit[0].get("body").asText()).isEqualTo(body);
    assertThat(edit[1].get("body").asText()).isEqualTo(edited);
    assertThat(edit[0].has("body_sha256")).isFalse();
    assertThat(edit[1].has("body_sha256")).isFalse();
  }

  @Test
  void consoleHistoryShowsAnAdminNoPrivateBodyAndTheChainVerifiesForStaff() throws Exception {
    String body = "Thinks the owner is about to sell the agency " + marker();
    long note;
    try (Connection support = db.as("demo_support")) {
      note = insertNote(support, body, "private", null);
    }
    update(owner, "UPDATE contact_notes SET body = body || ' (confirmed)' WHERE id = ?", note);

    // Admins see hidden keys in the console; a withheld body is not a hidden key, it is not there.
    RecordHistory history =
        new RecordHistoryService(db.access("demo_admin"), true).history("contact_notes", note);
    assertThat(history.changes())
        .extracting(AuditRecord::action)
        .containsExactly("insert", "update");
    assertThat(history.changes())
        .allSatisfy(
            r -> {
              assertThat(String.valueOf(r.oldValues())).doesNotContain("about to sell");
              assertThat(String.valueOf(r.newValues())).doesNotContain("about to sell");
              assertThat(r.changes())
                  .noneSatisfy(c -> assertThat(c.before() + c.after()).contains("about to sell"));
            });

    assertThat(new AuditChainVerifier().verify(db.superuserDataSource()).intact()).isTrue();
    assertThat(new AuditChainVerifier().verify(db.dataSource("demo_support", "demo")).intact())
        .isTrue();
  }

  /** An audit entry as a member of staff reads it. */
  private record Seen(long id, String action, String oldValues, String newValues) {}

  private static List<Seen> auditAs(Connection c, long note) throws SQLException {
    List<Seen> seen = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, action, old_values::text, new_values::text FROM audit_log"
                + " WHERE entity_type = 'contact_notes' AND entity_id = ? ORDER BY id")) {
      ps.setString(1, Long.toString(note));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seen.add(new Seen(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        }
      }
    }
    return seen;
  }

  /** How many entries of the whole log, read as {@code c}, contain {@code text} anywhere. */
  private static long anywhereInTheLog(Connection c, String text) throws SQLException {
    return (Long)
        value(
            c,
            "SELECT count(*) FROM audit_log a WHERE strpos(a::text, ?) > 0"
                + " OR strpos(coalesce(a.old_values ->> 'body', ''), ?) > 0"
                + " OR strpos(coalesce(a.new_values ->> 'body', ''), ?) > 0",
            text,
            text,
            text);
  }

  private static long insertNote(Connection c, String body, String visibility, Long supersedes)
      throws SQLException {
    return id(
        c,
        "INSERT INTO contact_notes (workspace_id, body, visibility, supersedes_id)"
            + " VALUES (?, ?, ?, ?)",
        workspace,
        body,
        visibility,
        supersedes);
  }

  private static Row single(long afterId) throws SQLException {
    List<Row> entries = AuditEntries.after(db, afterId);
    assertThat(entries).as("one audit entry per change").hasSize(1);
    assertThat(entries.get(0).entityType()).isEqualTo("contact_notes");
    return entries.get(0);
  }

  private static JsonNode[] images(Row entry) throws IOException {
    assertThat(entry.action()).isEqualTo("update");
    return new JsonNode[] {JSON.readTree(entry.oldValues()), JSON.readTree(entry.newValues())};
  }

  private static String marker() {
    return UUID.randomUUID().toString();
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
