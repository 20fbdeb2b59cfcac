package dev.arbiter.persistence.workspaces;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ContactNotesIT {

  private static TestDatabase db;
  private Connection owner;
  private WorkspaceFixture ws;
  private WorkspaceAdminService admin;
  private WorkspaceAdminService support;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @BeforeEach
  void fixture() throws SQLException {
    owner = db.migrator();
    ws = WorkspaceFixture.create(owner);
    admin = new WorkspaceAdminService(db.access("demo_admin"), Clock.systemUTC());
    support = new WorkspaceAdminService(db.access("demo_support"), Clock.systemUTC());
  }

  @AfterEach
  void close() throws SQLException {
    owner.close();
  }

  private WorkspaceDetails detailsAs(String login, boolean isAdmin) {
    return new WorkspaceDetailService(db.access(login), isAdmin).load(ws.workspace());
  }

  @Test
  void supportMayAddANoteAndTheDatabaseStampsTheAuthor() throws SQLException {
    long note =
        support.addNote(
            ws.workspace(),
            ws.plainUser(),
            "Asked for an invoice copy",
            NoteVisibility.WORKSPACE,
            null);

    assertThat(value(owner, "SELECT author FROM contact_notes WHERE id = ?", note))
        .isEqualTo("demo_support");
    assertThat(detailsAs("demo_admin", true).notes())
        .anySatisfy(n -> assertThat(n.id()).isEqualTo(note));
  }

  @Test
  void privateNoteIsVisibleOnlyToItsAuthor() {
    long note =
        admin.addNote(ws.workspace(), null, "Owner seemed evasive", NoteVisibility.PRIVATE, null);

    assertThat(detailsAs("demo_admin", true).notes()).extracting(n -> n.id()).contains(note);
    assertThat(detailsAs("demo_support", false).notes())
        .extracting(n -> n.id())
        .doesNotContain(note);
  }

  @Test
  void complianceNoteCannotBeEditedOrDeletedEvenByTheOwnerOnlySuperseded() throws SQLException {
    long note =
        admin.addNote(
            ws.workspace(), null, "KYC documents verified", NoteVisibility.COMPLIANCE, null);

    assertThatThrownBy(
            () -> update(owner, "UPDATE contact_notes SET body = 'x' WHERE id = ?", note))
        .hasMessageContaining("cannot be edited or deleted");
    assertThatThrownBy(() -> update(owner, "DELETE FROM contact_notes WHERE id = ?", note))
        .hasMessageContaining("cannot be edited or deleted");
    try (Connection c = db.as("demo_admin")) {
      assertThatThrownBy(() -> update(c, "DELETE FROM contact_notes WHERE id = ?", note))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }

    assertThatThrownBy(
            () ->
                support.addNote(ws.workspace(), null, "never mind", NoteVisibility.WORKSPACE, note))
        .hasMessageContaining("only be superseded by another compliance note");
    long newer =
        support.addNote(
            ws.workspace(), null, "KYC re-verified after expiry", NoteVisibility.COMPLIANCE, note);

    assertThat(detailsAs("demo_support", false).notes())
        .filteredOn(n -> n.id() == note)
        .singleElement()
        .satisfies(n -> assertThat(n.supersededBy()).isEqualTo(newer));
    assertThatThrownBy(
            () ->
                admin.addNote(
                    ws.workspace(), null, "second supersede", NoteVisibility.COMPLIANCE, note))
        .hasMessageContaining("contact_notes_superseded_once");
  }

  @Test
  void aNoteCannotBeWrittenInSomeoneElsesName() throws SQLException {
    try (Connection c = db.as("demo_support")) {
      update(
          c,
          "INSERT INTO contact_notes (workspace_id, body, visibility) VALUES (?, 'hello', 'private')",
          ws.workspace());
      assertThatThrownBy(
              () ->
                  update(
                      c,
                      "INSERT INTO contact_notes (workspace_id, author, body, visibility)"
                          + " VALUES (?, 'demo_admin', 'forged', 'workspace')",
                      ws.workspace()))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void settingsHideInternalAndPrivateKeysFromNonAdmins() {
    assertThat(detailsAs("demo_support", false).settingsJson())
        .contains("theme", "plan")
        .doesNotContain("_internal_score", "private_note");
    assertThat(detailsAs("demo_admin", true).settingsJson())
        .contains("_internal_score", "private_note");
  }

  @Test
  void detailsShowMembersInvitesContractsAndTheTimeline() throws SQLException {
    admin.changeRole(
        ws.plainMember(),
        (Integer)
            value(owner, "SELECT version FROM workspace_members WHERE id = ?", ws.plainMember()),
        dev.arbiter.model.workspaces.MemberRole.VIEWER);

    WorkspaceDetails details = detailsAs("demo_support", false);

    assertThat(details.members()).hasSize(4);
    assertThat(details.members().get(0).isOwner()).isTrue();
    assertThat(details.members())
        .filteredOn(m -> m.id() == ws.contactMember())
        .singleElement()
        .satisfies(m -> assertThat(m.activeContracts()).isEqualTo(ws.contractReference()));
    assertThat(details.invites())
        .filteredOn(i -> i.id() == ws.overdueInvite())
        .singleElement()
        .satisfies(i -> assertThat(i.overdue()).isTrue());
    assertThat(details.contracts()).extracting(c -> c.reference()).contains(ws.contractReference());
    assertThat(details.timeline())
        .anySatisfy(
            t -> {
              assertThat(t.by().text()).isEqualTo("demo_admin");
              assertThat(t.summary()).isEqualTo("role: member -> viewer");
            });
  }
}
