package dev.arbiter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.audit.AuditAction;
import dev.arbiter.model.audit.AuditEntry;
import dev.arbiter.model.contracts.Contract;
import dev.arbiter.model.contracts.ContractKind;
import dev.arbiter.model.disputes.DeadlineAction;
import dev.arbiter.model.disputes.Dispute;
import dev.arbiter.model.disputes.DisputeEvidence;
import dev.arbiter.model.disputes.DisputeMessage;
import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.model.disputes.Settlement;
import dev.arbiter.model.disputes.SettlementStatus;
import dev.arbiter.model.escrow.ApprovalDecision;
import dev.arbiter.model.escrow.ApprovalRequirement;
import dev.arbiter.model.escrow.CheckpointStatus;
import dev.arbiter.model.escrow.Escrow;
import dev.arbiter.model.escrow.EscrowCheckpoint;
import dev.arbiter.model.escrow.EscrowStatus;
import dev.arbiter.model.escrow.ReleaseApproval;
import dev.arbiter.model.ledger.EntryDirection;
import dev.arbiter.model.ledger.Journal;
import dev.arbiter.model.ledger.JournalKind;
import dev.arbiter.model.ledger.LedgerEntry;
import dev.arbiter.model.ledger.Wallet;
import dev.arbiter.model.ledger.WalletKind;
import dev.arbiter.model.moderation.FlagDecision;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.model.moderation.ModerationFlag;
import dev.arbiter.model.moderation.Severity;
import dev.arbiter.model.money.Money;
import dev.arbiter.model.presence.ConsolePresence;
import dev.arbiter.model.presence.PresenceEntityType;
import dev.arbiter.model.presence.PresenceKey;
import dev.arbiter.model.presence.PresenceMode;
import dev.arbiter.model.users.User;
import dev.arbiter.model.users.UserKind;
import dev.arbiter.model.users.UserStatus;
import dev.arbiter.model.workspaces.ContactNote;
import dev.arbiter.model.workspaces.InviteRole;
import dev.arbiter.model.workspaces.InviteStatus;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.model.workspaces.Workspace;
import dev.arbiter.model.workspaces.WorkspaceInvite;
import dev.arbiter.model.workspaces.WorkspaceMember;
import dev.arbiter.model.workspaces.WorkspaceType;
import dev.arbiter.persistence.testing.TestDatabase;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rows written with plain SQL, as the backend and the money functions write them, load through
 * every mapping for every staff role: the column grants allow each select, and enums, money and
 * timestamps come back as written.
 */
class HibernateRoundTripIT {

  private static final Instant DUE = Instant.parse("2026-05-01T17:00:00Z");

  private static TestDatabase db;

  @BeforeAll
  static void writeOneRowPerTable() throws SQLException {
    db = TestDatabase.fresh();
    try (Connection c = db.migrator();
        Statement s = c.createStatement()) {
      s.execute(
          """
          INSERT INTO users (id, email, display_name, kind, status, country) VALUES
            (1, 'cleo@example.com', 'Cleo Client', 'client', 'active', 'PT'),
            (2, 'fred@example.com', 'Fred Freelancer', 'freelancer', 'warned', NULL),
            (3, 'ana@example.com', 'Ana Agency', 'agency_owner', 'active', 'DE');
          INSERT INTO workspaces (id, owner_id, name, slug, type, timezone, default_currency)
            VALUES (1, 3, 'Pixel Forge', 'pixel-forge', 'studio', 'Europe/Berlin', 'EUR');
          INSERT INTO workspace_members (id, workspace_id, user_id, role, invited_by) VALUES
            (1, 1, 3, 'owner', NULL), (2, 1, 2, 'member', 3);
          INSERT INTO workspace_invites (id, workspace_id, email, role, token_hash, expires_at,
                                         invited_by)
            VALUES (1, 1, 'new@example.com', 'manager', sha256('secret-token'),
                    now() + interval '7 days', 3);
          INSERT INTO contact_notes (id, workspace_id, subject_user_id, author, body, visibility)
            VALUES (1, 1, 2, 'demo_admin', 'Prefers email.', 'compliance');
          INSERT INTO contracts (id, reference, kind, title, client_id, freelancer_id,
                                 workspace_id, currency, value_minor, csat_score)
            VALUES (1, 'PRJ-0042', 'project_stage', 'Brand refresh', 1, 2, 1, 'EUR', 50000, 4.50);
          INSERT INTO escrows (id, contract_id, currency, funded_minor, status)
            VALUES (1, 1, 'EUR', 50000, 'held');
          INSERT INTO escrow_checkpoints (id, escrow_id, seq, label, amount_minor, currency, status,
                                          approval_requirement, csat_threshold, submitted_at)
            VALUES (1, 1, 1, 'Moodboard', 20000, 'EUR', 'submitted', 'dual', 4.00, now());
          INSERT INTO release_approvals (id, checkpoint_id, reviewer, decision, note)
            VALUES (1, 1, 'demo_finance', 'approve', 'Looks complete');
          INSERT INTO wallets (id, owner_user_id, kind, currency, balance_minor) VALUES
            (1, 2, 'user', 'EUR', 0),
            (2, NULL, 'escrow_holding', 'EUR', 50000),
            (3, NULL, 'external_clearing', 'EUR', -50000);
          INSERT INTO journals (id, idempotency_key, request_fingerprint, kind, description,
                                escrow_id, created_by)
            VALUES (1, 'fund-0001-escrow-1', 'f1', 'funding', 'Client funds escrow', 1,
                    'demo_finance');
          INSERT INTO ledger_entries (id, journal_id, wallet_id, direction, amount_minor, currency,
                                      balance_after) VALUES
            (1, 1, 3, 'debit', 50000, 'EUR', -50000),
            (2, 1, 2, 'credit', 50000, 'EUR', 50000);
          INSERT INTO disputes (id, reference, contract_id, escrow_id, checkpoint_id, opened_by,
                                reason_code, priority, status, assigned_to, amount_disputed_minor,
                                currency, response_due_at, deadline_action)
            VALUES (1, 'DSP-000101', 1, 1, 1, 1, 'late_delivery', 'urgent', 'escalated',
                    'demo_support', 20000, 'EUR', '2026-05-01T17:00:00Z', 'auto_escalate');
          INSERT INTO dispute_messages (id, dispute_id, author_user_id, author_staff, visibility,
                                        body) VALUES
            (1, 1, 1, NULL, 'parties', 'Still waiting for the moodboard.'),
            (2, 1, NULL, 'demo_support', 'internal', 'Freelancer was ill; ask for a new date.');
          INSERT INTO dispute_evidence (id, dispute_id, uploaded_by, file_name, mime_type,
                                        size_bytes, sha256, content)
            VALUES (1, 1, 1, 'brief.pdf', 'application/pdf', 3, sha256('\\x010203'),
                    '\\x010203');
          INSERT INTO settlements (id, dispute_id, outcome, payee_minor, payer_minor, currency,
                                   reason, proposed_by)
            VALUES (1, 1, 'split', 12000, 8000, 'EUR', 'Partly delivered', 'demo_support');
          INSERT INTO moderation_flags (id, entity_type, entity_id, reporter_id, reason, severity,
                                        status, assigned_to, claimed_at, decision,
                                        decision_reason, decided_by, decided_at)
            VALUES (1, 'dispute_message', 1, 2, 'harassment', 'critical', 'actioned',
                    'demo_moderator', now(), 'hide_content', 'Insults', 'demo_moderator', now());
          INSERT INTO console_presence (console_id, staff_login, entity_type, entity_id, mode)
            VALUES ('00000000-0000-0000-0000-000000000001', 'demo_support', 'dispute', 1,
                    'editing');
          """);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo_support", "demo_finance", "demo_moderator", "demo_admin"})
  void everyEntityLoadsWithItsValuesForEveryStaffRole(String login) {
    try (SessionFactory sf = HibernateFactory.build(db.dataSource(login, "demo"))) {
      sf.inTransaction(
          s -> {
            assertPeople(s);
            assertWorkspaces(s);
            assertMoney(s);
            // The ledger is finance's and admins' to read.
            if (login.equals("demo_finance") || login.equals("demo_admin")) {
              assertLedger(s);
            }
            assertDisputes(s);
            assertModerationAuditAndPresence(s);
          });
    }
  }

  private static void assertPeople(Session s) {
    User fred = s.find(User.class, 2L);
    assertThat(fred.getKind()).isEqualTo(UserKind.FREELANCER);
    assertThat(fred.getStatus()).isEqualTo(UserStatus.WARNED);
    assertThat(fred.getCountry()).isNull();
    assertThat(s.find(User.class, 3L).getKind()).isEqualTo(UserKind.AGENCY_OWNER);
  }

  private static void assertWorkspaces(Session s) {
    Workspace studio = s.find(Workspace.class, 1L);
    assertThat(studio.getType()).isEqualTo(WorkspaceType.STUDIO);
    assertThat(studio.getTimezone()).isEqualTo("Europe/Berlin");
    assertThat(studio.getDefaultCurrency()).isEqualTo("EUR");

    WorkspaceMember member = s.find(WorkspaceMember.class, 2L);
    assertThat(member.getRole()).isEqualTo(MemberRole.MEMBER);
    assertThat(member.getInvitedBy()).isEqualTo(3L);

    WorkspaceInvite invite = s.find(WorkspaceInvite.class, 1L);
    assertThat(invite.getRole()).isEqualTo(InviteRole.MANAGER);
    assertThat(invite.getStatus()).isEqualTo(InviteStatus.PENDING);
    assertThat(invite.isUsableAt(Instant.now())).isTrue();

    ContactNote note = s.find(ContactNote.class, 1L);
    assertThat(note.getVisibility()).isEqualTo(NoteVisibility.COMPLIANCE);
    assertThat(note.getAuthor()).isEqualTo("demo_admin");
  }

  private static void assertMoney(Session s) {
    Contract contract = s.find(Contract.class, 1L);
    assertThat(contract.getKind()).isEqualTo(ContractKind.PROJECT_STAGE);
    assertThat(contract.getValue()).isEqualTo(Money.of(50000, "EUR"));
    assertThat(contract.getCsatScore()).isEqualByComparingTo("4.5");

    Escrow escrow = s.find(Escrow.class, 1L);
    assertThat(escrow.getStatus()).isEqualTo(EscrowStatus.HELD);
    assertThat(escrow.getHeld()).isEqualTo(Money.of(50000, "EUR"));

    EscrowCheckpoint checkpoint = s.find(EscrowCheckpoint.class, 1L);
    assertThat(checkpoint.getStatus()).isEqualTo(CheckpointStatus.SUBMITTED);
    assertThat(checkpoint.getApprovalRequirement()).isEqualTo(ApprovalRequirement.DUAL);
    assertThat(checkpoint.getAmount()).isEqualTo(Money.of(20000, "EUR"));
    assertThat(checkpoint.csatGatePasses(contract.getCsatScore())).isTrue();
    assertThat(checkpoint.getCsatThreshold()).isEqualByComparingTo(new BigDecimal("4.00"));

    ReleaseApproval approval = s.find(ReleaseApproval.class, 1L);
    assertThat(approval.getDecision()).isEqualTo(ApprovalDecision.APPROVE);
    assertThat(approval.getReviewer()).isEqualTo("demo_finance");
  }

  private static void assertLedger(Session s) {
    Wallet clearing = s.find(Wallet.class, 3L);
    assertThat(clearing.getKind()).isEqualTo(WalletKind.EXTERNAL_CLEARING);
    assertThat(clearing.getBalance()).isEqualTo(Money.of(-50000, "EUR"));
    assertThat(s.find(Wallet.class, 1L).getOwnerUserId()).isEqualTo(2L);

    Journal journal = s.find(Journal.class, 1L);
    assertThat(journal.getKind()).isEqualTo(JournalKind.FUNDING);
    assertThat(journal.getIdempotencyKey()).isEqualTo("fund-0001-escrow-1");

    LedgerEntry debit = s.find(LedgerEntry.class, 1L);
    LedgerEntry credit = s.find(LedgerEntry.class, 2L);
    assertThat(debit.getDirection()).isEqualTo(EntryDirection.DEBIT);
    assertThat(debit.getSignedAmount().plus(credit.getSignedAmount()).isZero()).isTrue();
    assertThat(credit.getBalanceAfter()).isEqualTo(Money.of(50000, "EUR"));
  }

  private static void assertDisputes(Session s) {
    Dispute dispute = s.find(Dispute.class, 1L);
    assertThat(dispute.getReference()).isEqualTo("DSP-000101");
    assertThat(dispute.getReasonCode()).isEqualTo(ReasonCode.LATE_DELIVERY);
    assertThat(dispute.getPriority()).isEqualTo(DisputePriority.URGENT);
    assertThat(dispute.getPriorityRank()).isEqualTo(4);
    assertThat(dispute.getStatus()).isEqualTo(DisputeStatus.ESCALATED);
    assertThat(dispute.getAssignedTo()).isEqualTo("demo_support");
    assertThat(dispute.getAmountDisputed()).isEqualTo(Money.of(20000, "EUR"));
    assertThat(dispute.getResponseDueAt()).isEqualTo(DUE);
    assertThat(dispute.getDeadlineAction()).isEqualTo(DeadlineAction.AUTO_ESCALATE);
    assertThat(dispute.getOutcome()).isNull();
    assertThat(dispute.getPayeeShare()).isEmpty();

    DisputeMessage party = s.find(DisputeMessage.class, 1L);
    DisputeMessage internal = s.find(DisputeMessage.class, 2L);
    assertThat(party.isFromStaff()).isFalse();
    assertThat(internal.getVisibility()).isEqualTo(MessageVisibility.INTERNAL);
    assertThat(internal.getAuthorStaff()).isEqualTo("demo_support");

    DisputeEvidence evidence = s.find(DisputeEvidence.class, 1L);
    assertThat(evidence.getSizeBytes()).isEqualTo(3);
    assertThat(evidence.getSha256Hex())
        .isEqualTo("039058c6f2c0cb492c533b0a4d14ef77cc0f78abccced5287d84a1a2011cfb81");

    Settlement settlement = s.find(Settlement.class, 1L);
    assertThat(settlement.getOutcome()).isEqualTo(DisputeOutcome.SPLIT);
    assertThat(settlement.getStatus()).isEqualTo(SettlementStatus.PROPOSED);
    assertThat(settlement.getPayee().plus(settlement.getPayer()))
        .isEqualTo(dispute.getAmountDisputed());
    assertThat(settlement.getProposedBy()).isEqualTo("demo_support");
  }

  private static void assertModerationAuditAndPresence(Session s) {
    ModerationFlag flag = s.find(ModerationFlag.class, 1L);
    assertThat(flag.getEntityType()).isEqualTo(FlaggedEntityType.DISPUTE_MESSAGE);
    assertThat(flag.getSeverity()).isEqualTo(Severity.CRITICAL);
    assertThat(flag.getSeverityRank()).isEqualTo(Severity.CRITICAL.rank());
    assertThat(flag.getStatus()).isEqualTo(FlagStatus.ACTIONED);
    assertThat(flag.getDecision()).isEqualTo(FlagDecision.HIDE_CONTENT);

    AuditEntry first = s.find(AuditEntry.class, 1L);
    assertThat(first.getAction()).isEqualTo(AuditAction.INSERT);
    assertThat(first.getPrevHash()).containsOnly(0).hasSize(32);
    assertThat(first.getHash()).hasSize(32);
    Long total =
        s.createSelectionQuery("select count(*) from AuditEntry", Long.class).getSingleResult();
    assertThat(total).isGreaterThan(20);

    ConsolePresence presence =
        s.find(
            ConsolePresence.class,
            new PresenceKey(
                java.util.UUID.fromString("00000000-0000-0000-0000-000000000001"),
                "demo_support",
                PresenceEntityType.DISPUTE,
                1L));
    assertThat(presence.getMode()).isEqualTo(PresenceMode.EDITING);
    assertThat(presence.getHeartbeatAt()).isNotNull();
  }
}
