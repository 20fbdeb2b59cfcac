package dev.arbiter.persistence.disputes;

import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.arbiter.model.disputes.DeadlineAction;
import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.persistence.disputes.DisputeActionRefused.FieldChange;
import dev.arbiter.persistence.disputes.DisputeActionRefused.Reason;
import dev.arbiter.persistence.disputes.DisputeCommand.Assign;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangePriority;
import dev.arbiter.persistence.disputes.DisputeCommand.ChangeStatus;
import dev.arbiter.persistence.disputes.DisputeCommand.PostMessage;
import dev.arbiter.persistence.disputes.DisputeCommand.ProposeSettlement;
import dev.arbiter.persistence.disputes.DisputeCommand.SetDeadline;
import dev.arbiter.persistence.disputes.DisputeFixtures.Deal;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every support action through the service on the embedded database, refusals included. */
class DisputeActionServiceIT {

  private static TestDatabase db;
  private static SupportDesk support;
  private static Deal deal;

  @BeforeAll
  static void open() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      deal = DisputeFixtures.deal(owner, "Clara Client", "Frank Freelancer", 20_000);
    }
    support = SupportDesk.open(db, "demo_support", StaffRole.SUPPORT);
  }

  @AfterAll
  static void close() {
    support.close();
  }

  @Test
  void assignToMeIsAuditedWithTheActorCommandAndRequestKey() throws Exception {
    long id = dispute("under_review");
    String key = DisputeCommand.newKey();
    ActionResult result =
        support.actions.execute(new Assign(seen(id), "demo_support", "Sam Support", key));

    assertThat(result.replayed()).isFalse();
    assertThat(result.message()).contains("assigned to you");
    try (Connection c = db.superuser()) {
      assertThat(value(c, "SELECT assigned_to FROM disputes WHERE id = ?", id))
          .isEqualTo("demo_support");
      assertThat(value(c, "SELECT version FROM disputes WHERE id = ?", id))
          .isEqualTo(result.version());
      assertThat(
              value(
                  c,
                  "SELECT actor || ' ' || command || ' ' || request_id FROM audit_log"
                      + " WHERE entity_type = 'disputes' AND entity_id = ? AND action = 'update'",
                  Long.toString(id)))
          .isEqualTo("demo_support dispute.assign " + key);
      assertThat(
              value(
                  c,
                  "SELECT staff_login || ' ' || description FROM dispute_commands"
                      + " WHERE idempotency_key = ?",
                  key))
          .asString()
          .startsWith("demo_support Assign DSP-");
    }
  }

  @Test
  void assigningToSomeoneWhoIsNotASupportAgentIsRefusedOnTheAssigneeField() throws Exception {
    long id = dispute("under_review");
    assertThat(
            refused(
                () ->
                    support.actions.execute(
                        new Assign(seen(id), "demo_finance", null, DisputeCommand.newKey()))))
        .satisfies(r -> assertThat(r.field()).isEqualTo("assignee"))
        .hasMessageContaining("not an active support agent");
    assertThat(column(id, "assigned_to")).isNull();
  }

  @Test
  void replyAndInternalNoteAreStoredApartWithTheAgentAsAuthor() throws Exception {
    long id = dispute("under_review");
    support.actions.execute(
        new PostMessage(seen(id), MessageVisibility.PARTIES, "We are looking into it.", key()));
    support.actions.execute(
        new PostMessage(seen(id), MessageVisibility.INTERNAL, "Client seems right.", key()));

    DisputeCase loaded = support.cases.load(id).orElseThrow();
    assertThat(loaded.messages())
        .extracting(m -> m.visibility() + ":" + m.author() + ":" + m.body())
        .containsExactly(
            "PARTIES:Sam Support:We are looking into it.",
            "INTERNAL:Sam Support:Client seems right.");
    assertThat(loaded.timeline())
        .extracting(TimelineEntry::command)
        .contains("dispute.reply", "dispute.note");
  }

  @Test
  void anEmptyReplyIsRefusedOnTheBodyFieldAndNothingIsSaved() throws Exception {
    long id = dispute("under_review");
    assertThat(
            refused(
                () ->
                    support.actions.execute(
                        new PostMessage(seen(id), MessageVisibility.PARTIES, "  \n ", key()))))
        .satisfies(r -> assertThat(r.field()).isEqualTo("body"));
    assertThat(count("SELECT count(*) FROM dispute_messages WHERE dispute_id = " + id)).isZero();
  }

  @Test
  void anIllegalStatusChangeIsRefusedByTheServiceAndByTheDatabase() throws Exception {
    long id = dispute("open");
    assertThat(
            refused(
                () ->
                    support.actions.execute(
                        new ChangeStatus(seen(id), DisputeStatus.ESCALATED, key()))))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION))
        .hasMessage("A dispute cannot move from open to escalated.");
    try (Connection c = db.as("demo_support");
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.execute("UPDATE disputes SET status = 'escalated' WHERE id = " + id))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
    }
    assertThat(column(id, "status")).isEqualTo("open");
  }

  @Test
  void resolvingIsLeftToFinanceExecution() throws Exception {
    long id = dispute("settling");
    assertThat(
            refused(
                () ->
                    support.actions.execute(
                        new ChangeStatus(seen(id), DisputeStatus.RESOLVED, key()))))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION))
        .hasMessageContaining("only through its finance action");
  }

  @Test
  void escalatingAndStatusChangesFollowTheLegalPath() throws Exception {
    long id = dispute("open");
    support.actions.execute(new ChangeStatus(seen(id), DisputeStatus.UNDER_REVIEW, key()));
    support.actions.execute(new ChangeStatus(seen(id), DisputeStatus.AWAITING_PARTIES, key()));
    support.actions.execute(new ChangeStatus(seen(id), DisputeStatus.ESCALATED, key()));
    assertThat(column(id, "status")).isEqualTo("escalated");
    assertThat(
            value(
                db.superuser(),
                "SELECT command FROM audit_log WHERE entity_type = 'disputes' AND entity_id = ?"
                    + " ORDER BY id DESC LIMIT 1",
                Long.toString(id)))
        .isEqualTo("dispute.escalate");
  }

  @Test
  void aStaleViewIsRefusedAndShowsWhatChangedAndWho() throws Exception {
    long id = dispute("under_review");
    DisputeSnapshot opened = seen(id);
    try (Connection other = db.as("demo_support");
        Statement s = other.createStatement()) {
      s.execute("UPDATE disputes SET priority = 'urgent' WHERE id = " + id);
    }

    assertThat(
            refused(
                () ->
                    support.actions.execute(
                        new Assign(opened, "demo_support", "Sam Support", key()))))
        .satisfies(
            r -> {
              assertThat(r.reason()).isEqualTo(Reason.STALE);
              assertThat(r.changes())
                  .containsExactly(new FieldChange("priority", "normal", "urgent"));
            })
        .hasMessageContaining("was changed by demo_support")
        .hasMessageContaining("priority normal → urgent")
        .hasMessageContaining("nothing was saved");
    assertThat(column(id, "assigned_to")).isNull();
  }

  @Test
  void theSameKeyActsOnceAndRefusesOtherArguments() throws Exception {
    long id = dispute("under_review");
    String key = key();
    PostMessage reply = new PostMessage(seen(id), MessageVisibility.PARTIES, "Hello", key);
    support.actions.execute(reply);
    ActionResult again = support.actions.execute(reply);

    assertThat(again.replayed()).isTrue();
    assertThat(count("SELECT count(*) FROM dispute_messages WHERE dispute_id = " + id)).isOne();
    assertThat(
            refused(
                () ->
                    support.actions.execute(
                        new PostMessage(seen(id), MessageVisibility.PARTIES, "Different", key))))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.KEY_REUSED));
  }

  @Test
  void aModeratorCannotAssignAndTheDatabaseRefusesItToo() throws Exception {
    long id = dispute("under_review");
    try (SupportDesk moderator = SupportDesk.open(db, "demo_moderator", StaffRole.MODERATOR)) {
      assertThat(
              refused(
                  () ->
                      moderator.actions.execute(new Assign(seen(id), "demo_support", null, key()))))
          .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.NOT_PERMITTED));
    }
    // A console that wrongly believes the login is support still gets the database's refusal.
    try (SupportDesk pretending = SupportDesk.open(db, "demo_moderator", StaffRole.SUPPORT)) {
      assertThat(
              refused(
                  () ->
                      pretending.actions.execute(
                          new Assign(seen(id), "demo_support", null, key()))))
          .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.NOT_PERMITTED))
          .hasMessageStartingWith("The database refused: permission denied");
    }
    try (Connection c = db.as("demo_moderator");
        Statement s = c.createStatement()) {
      assertThatThrownBy(
              () -> s.execute("UPDATE disputes SET assigned_to = 'demo_support' WHERE id = " + id))
          .isInstanceOf(SQLException.class)
          .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
    }
    assertThat(column(id, "assigned_to")).isNull();
  }

  @Test
  void aDeadlineInThePastIsRefusedAndAFutureOneIsSetWithItsAction() throws Exception {
    long id = dispute("under_review");
    assertThat(
            refused(
                () ->
                    support.actions.execute(
                        new SetDeadline(
                            seen(id), Instant.now().minus(1, ChronoUnit.HOURS), null, key()))))
        .satisfies(r -> assertThat(r.field()).isEqualTo("due"));
    Instant due = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    support.actions.execute(new SetDeadline(seen(id), due, DeadlineAction.AUTO_ESCALATE, key()));
    DisputeCase loaded = support.cases.load(id).orElseThrow();
    assertThat(loaded.header().responseDueAt()).isEqualTo(due);
    assertThat(loaded.header().deadlineAction()).isEqualTo(DeadlineAction.AUTO_ESCALATE);
  }

  @Test
  void priorityChangesOnOpenCasesButNotOnClosedOnes() throws Exception {
    long id = dispute("awaiting_parties");
    support.actions.execute(new ChangePriority(seen(id), DisputePriority.HIGH, key()));
    assertThat(column(id, "priority")).isEqualTo("high");
    long closed = dispute("closed");
    assertThat(
            refused(
                () ->
                    support.actions.execute(
                        new ChangePriority(seen(closed), DisputePriority.HIGH, key()))))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.INVALID))
        .hasMessageContaining("is closed");
  }

  @Test
  void theDatabaseRefusesAProposalThatDoesNotFitItsDisputeEvenAsRawSql() throws Exception {
    long id = dispute("escalated");
    try (Connection c = db.as("demo_support");
        Statement s = c.createStatement()) {
      for (String values :
          new String[] {
            "'split', 1000, 1000, 'USD'",
            "'release_to_payee', 999999, 0, 'USD'",
            "'refund_to_payer', 0, 100, 'EUR'"
          }) {
        assertThatThrownBy(
                () ->
                    s.execute(
                        "INSERT INTO settlements (dispute_id, outcome, payee_minor, payer_minor,"
                            + " currency, reason) VALUES ("
                            + id
                            + ", "
                            + values
                            + ", 'agreed')"))
            .as(values)
            .isInstanceOf(SQLException.class)
            .hasMessageContaining("settlement")
            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
      }
    }
  }

  @Test
  void settlementSharesMustAddUpAndStayWithinWhatIsHeld() throws Exception {
    long id = dispute("escalated");
    assertThat(refused(() -> propose(id, DisputeOutcome.SPLIT, 1000, 1000, false)))
        .satisfies(r -> assertThat(r.field()).isEqualTo("shares"))
        .hasMessageContaining("The disputed amount is 50.00 USD");
    try (Connection owner = db.migrator()) {
      owner
          .createStatement()
          .execute("UPDATE escrows SET released_minor = 17000 WHERE id = " + deal.escrow());
      try {
        assertThat(refused(() -> propose(id, DisputeOutcome.RELEASE_TO_PAYEE, 5000, 0, false)))
            .satisfies(r -> assertThat(r.field()).isEqualTo("shares"))
            .hasMessage("Only 30.00 USD is held; the settlement would pay out 50.00 USD.");
      } finally {
        owner
            .createStatement()
            .execute("UPDATE escrows SET released_minor = 0 WHERE id = " + deal.escrow());
      }
    }
    assertThat(count("SELECT count(*) FROM settlements WHERE dispute_id = " + id)).isZero();
    assertThat(column(id, "status")).isEqualTo("escalated");
  }

  @Test
  void aCaseUnderReviewSettlesOnlyWhenEscalatedFirst() throws Exception {
    long id = dispute("under_review");
    assertThat(refused(() -> propose(id, DisputeOutcome.SPLIT, 3000, 2000, false)))
        .satisfies(r -> assertThat(r.reason()).isEqualTo(Reason.ILLEGAL_TRANSITION))
        .hasMessageContaining("Escalate and propose");

    propose(id, DisputeOutcome.SPLIT, 3000, 2000, true);

    assertThat(column(id, "status")).isEqualTo("settling");
    try (Connection c = db.superuser()) {
      assertThat(
              value(
                  c,
                  "SELECT outcome || ' ' || payee_minor || ' ' || payer_minor || ' ' || status"
                      + " || ' ' || proposed_by FROM settlements WHERE dispute_id = ?",
                  id))
          .isEqualTo("split 3000 2000 proposed demo_support");
      assertThat(
              count(
                  "SELECT count(*) FROM audit_log WHERE command = 'dispute.propose_settlement'"
                      + " AND entity_type IN ('disputes', 'settlements') AND (entity_id = '"
                      + id
                      + "' OR new_values ->> 'dispute_id' = '"
                      + id
                      + "')"))
          .isEqualTo(3);
    }
  }

  @Test
  void takingACaseBackFromSettlingWithdrawsTheProposal() throws Exception {
    long id = dispute("escalated");
    propose(id, DisputeOutcome.DISMISSED, 0, 0, false);
    support.actions.execute(new ChangeStatus(seen(id), DisputeStatus.ESCALATED, key()));
    assertThat(column(id, "status")).isEqualTo("escalated");
    assertThat(
            value(
                db.superuser(),
                "SELECT status || ' ' || decided_by FROM settlements WHERE dispute_id = ?",
                id))
        .isEqualTo("withdrawn demo_support");
  }

  @Test
  void theCaseShowsPartiesContractEscrowAndHidesPrivateMetadataFromAgents() throws Exception {
    long id;
    try (Connection owner = db.migrator()) {
      id =
          DisputeFixtures.open()
              .status("under_review")
              .metadata(
                  "{\"order\": {\"size\": \"L\", \"private_phone\": \"555\"},"
                      + " \"_internal_score\": 9}")
              .insert(owner, deal);
      owner
          .createStatement()
          .execute(
              "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency)"
                  + " VALUES ("
                  + deal.escrow()
                  + ", 1, 'Design', 8000, 'USD')");
      owner
          .createStatement()
          .execute(
              "INSERT INTO dispute_evidence (dispute_id, uploaded_by, file_name, mime_type,"
                  + " size_bytes, sha256, content) VALUES ("
                  + id
                  + ", "
                  + deal.client()
                  + ", 'brief.txt', 'text/plain', 3, sha256('abc'), 'abc')");
    }
    DisputeCase loaded = support.cases.load(id).orElseThrow();
    assertThat(loaded.client().name()).isEqualTo("Clara Client");
    assertThat(loaded.freelancer().name()).isEqualTo("Frank Freelancer");
    assertThat(loaded.client().history()).isNotEmpty().allMatch(p -> p.side().equals("client"));
    assertThat(loaded.contract().reference()).isEqualTo(deal.contractReference());
    assertThat(loaded.escrow().heldMinor()).isEqualTo(20_000);
    assertThat(loaded.checkpoints())
        .extracting(c -> c.label() + " " + c.heldMinor())
        .contains("Design 8000");
    assertThat(loaded.evidence())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.sha256Hex())
                  .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
              assertThat(e.stored()).isTrue();
              assertThat(support.cases.evidenceContent(e.id()).orElseThrow())
                  .containsExactly('a', 'b', 'c');
            });
    assertThat(loaded.metadata())
        .extracting(m -> m.path() + "=" + m.value())
        .containsExactly("order.size=L");
    assertThat(loaded.contract().metadata())
        .extracting(DisputeCase.MetadataEntry::path)
        .containsExactly("channel");
    assertThat(loaded.timeline())
        .extracting(TimelineEntry::summary)
        .anyMatch(s -> s.startsWith("opened DSP-"));

    try (SupportDesk admin = SupportDesk.open(db, "demo_admin", StaffRole.ADMIN)) {
      assertThat(admin.cases.load(id).orElseThrow().metadata())
          .extracting(DisputeCase.MetadataEntry::path)
          .containsExactly("order.size", "order.private_phone", "_internal_score");
    }
  }

  private static ActionResult propose(
      long id, DisputeOutcome outcome, long payee, long payer, boolean escalateFirst) {
    return support.actions.execute(
        new ProposeSettlement(
            seen(id),
            outcome,
            payee,
            payer,
            "Both parties agreed on a call.",
            escalateFirst,
            key()));
  }

  private static long dispute(String status) throws SQLException {
    try (Connection owner = db.migrator()) {
      return DisputeFixtures.open().status(status).insert(owner, deal);
    }
  }

  private static DisputeActionRefused refused(ThrowingCallable call) {
    DisputeActionRefused refusal = catchThrowableOfType(DisputeActionRefused.class, call);
    assertThat(refusal).as("refused").isNotNull();
    return refusal;
  }

  private static DisputeSnapshot seen(long id) {
    return support.cases.load(id).orElseThrow().snapshot();
  }

  private static String key() {
    return DisputeCommand.newKey();
  }

  private static Object column(long id, String column) throws SQLException {
    try (Connection c = db.superuser()) {
      return value(c, "SELECT " + column + " FROM disputes WHERE id = ?", id);
    }
  }

  private static long count(String sql) throws SQLException {
    try (Connection c = db.superuser()) {
      return ((Number) value(c, sql)).longValue();
    }
  }
}
