package dev.arbiter.tools.demo;

import static dev.arbiter.tools.demo.DemoFixtures.BASE;
import static dev.arbiter.tools.demo.DemoFixtures.SEED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the base demo contains: every state the screens show, and a consistent ledger. */
class DemoDataContentIT {

  static TestDatabase base;
  static DemoLoadSummary baseSummary;

  @BeforeAll
  static void loadBaseDemo() throws SQLException {
    base = TestDatabase.fresh();
    baseSummary = DemoFixtures.load(base, DemoScale.of(1), SEED);
  }

  @Test
  void baseDemoHasEveryStateKindAndRequirement() throws SQLException {
    assertThat(values("SELECT DISTINCT status FROM disputes"))
        .containsExactlyInAnyOrder(
            "open",
            "under_review",
            "awaiting_parties",
            "escalated",
            "settling",
            "resolved",
            "closed");
    assertThat(values("SELECT DISTINCT status FROM escrow_checkpoints"))
        .containsExactlyInAnyOrder(
            "pending", "submitted", "approved", "released", "on_hold", "refunded", "cancelled");
    assertThat(values("SELECT DISTINCT approval_requirement FROM escrow_checkpoints"))
        .containsExactlyInAnyOrder("auto", "single", "dual");
    assertThat(values("SELECT DISTINCT kind FROM contracts"))
        .containsExactlyInAnyOrder("gig_order", "fixed_price", "hourly", "project_stage");
    assertThat(values("SELECT DISTINCT currency FROM contracts")).contains("USD", "EUR", "GBP");
    assertThat(values("SELECT DISTINCT status FROM settlements"))
        .containsExactlyInAnyOrder("proposed", "executed", "sent_back", "withdrawn");
    assertThat(values("SELECT DISTINCT status FROM workspace_invites"))
        .containsExactlyInAnyOrder("pending", "accepted", "revoked", "expired");
    assertThat(values("SELECT DISTINCT status FROM moderation_flags"))
        .containsExactlyInAnyOrder("open", "dismissed", "actioned");
    assertThat(values("SELECT DISTINCT decision FROM moderation_flags WHERE decision IS NOT NULL"))
        .containsExactlyInAnyOrder("dismiss", "hide_content", "warn_user", "suspend_user");
    assertThat(values("SELECT DISTINCT severity FROM moderation_flags"))
        .containsExactlyInAnyOrder("low", "medium", "high", "critical");
    assertThat(values("SELECT DISTINCT visibility FROM contact_notes"))
        .containsExactlyInAnyOrder("private", "workspace", "compliance");
    assertThat(values("SELECT DISTINCT type FROM workspaces"))
        .contains("agency", "company", "studio");
    assertThat(values("SELECT DISTINCT status FROM users"))
        .contains("active", "warned", "suspended");
    assertThat(values("SELECT DISTINCT kind FROM users"))
        .containsExactlyInAnyOrder("client", "freelancer", "agency_owner");
    assertThat(values("SELECT DISTINCT priority FROM disputes"))
        .containsExactlyInAnyOrder("low", "normal", "high", "urgent");
    assertThat(values("SELECT DISTINCT role FROM workspace_members"))
        .contains("owner", "admin", "member", "viewer");
    assertThat(values("SELECT DISTINCT status FROM workspace_members"))
        .containsExactlyInAnyOrder("active", "suspended", "removed");
    assertThat(values("SELECT DISTINCT outcome FROM disputes WHERE outcome IS NOT NULL"))
        .containsExactlyInAnyOrder("release_to_payee", "refund_to_payer", "split", "dismissed");
    assertThat(values("SELECT DISTINCT coalesce(assigned_to, '-') FROM disputes"))
        .containsExactlyInAnyOrder("demo_support", "-");
    assertThat(
            values(
                "SELECT DISTINCT visibility || ':' || coalesce(author_staff, 'party')"
                    + " FROM dispute_messages"))
        .contains("parties:party", "parties:demo_support", "internal:demo_support");
    assertThat(baseSummary.disputes()).isEqualTo(300);
    assertThat(baseSummary.totalRows()).isBetween(3_000L, 20_000L);
  }

  @Test
  void baseDemoShowsPlentyOfOpenWorkOnEveryScreen() throws SQLException {
    // A busy desk, not a marketplace's history (that is the scaled demo, DemoRealismIT).
    assertThat(number("SELECT count(*) FROM disputes WHERE status NOT IN ('resolved', 'closed')"))
        .isGreaterThanOrEqualTo(120);
    assertThat(
            number(
                "SELECT count(*) FROM escrow_checkpoints"
                    + " WHERE status IN ('submitted', 'approved', 'on_hold')"))
        .isGreaterThanOrEqualTo(100);
    assertThat(number("SELECT count(*) FROM moderation_items WHERE status = 'open'"))
        .isGreaterThanOrEqualTo(15);
  }

  @Test
  void baseDemoHasTheDetailQueuesNeed() throws SQLException {
    // Open cases: some past their response deadline, some not yet, some with a deadline action.
    assertThat(
            number(
                "SELECT count(*) FROM disputes WHERE status NOT IN ('resolved', 'closed')"
                    + " AND response_due_at < '"
                    + BASE
                    + "'"))
        .isPositive();
    assertThat(
            number(
                "SELECT count(*) FROM disputes WHERE status NOT IN ('resolved', 'closed')"
                    + " AND response_due_at > '"
                    + BASE
                    + "'"))
        .isPositive();
    assertThat(number("SELECT count(*) FROM disputes WHERE deadline_action IS NOT NULL"))
        .isPositive();
    assertThat(
            number(
                "SELECT count(*) FROM disputes WHERE status IN ('resolved', 'closed')"
                    + " AND (outcome IS NULL OR resolved_by IS NULL OR resolved_at IS NULL)"))
        .isZero();
    assertThat(number("SELECT count(*) FROM disputes WHERE reference !~ '^DSP-[0-9]{6}$'"))
        .isZero();
    // Settling cases have an open proposal; resolved ones with money an executed, journalled one.
    assertThat(
            number(
                "SELECT count(*) FROM disputes d WHERE status = 'settling' AND NOT EXISTS"
                    + " (SELECT 1 FROM settlements s WHERE s.dispute_id = d.id AND s.status = 'proposed')"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM disputes d WHERE status IN ('resolved', 'closed')"
                    + " AND outcome <> 'dismissed' AND NOT EXISTS (SELECT 1 FROM settlements s"
                    + " JOIN journals j ON j.id = s.journal_id AND j.settlement_id = s.id"
                    + " WHERE s.dispute_id = d.id AND s.status = 'executed')"))
        .isZero();
    // Release queue gates: a CSAT threshold not met, dual approvals by two distinct reviewers.
    assertThat(
            number(
                "SELECT count(*) FROM escrow_checkpoints cp JOIN escrows e ON e.id = cp.escrow_id"
                    + " JOIN contracts c ON c.id = e.contract_id WHERE cp.status IN ('submitted', 'approved')"
                    + " AND cp.csat_threshold IS NOT NULL AND coalesce(c.csat_score, 0) < cp.csat_threshold"))
        .isPositive();
    assertThat(
            number(
                "SELECT count(*) FROM escrow_checkpoints cp WHERE status IN ('approved', 'released')"
                    + " AND approval_requirement = 'dual' AND released_by IS DISTINCT FROM 'auto_release'"
                    + " AND (SELECT count(DISTINCT reviewer) FROM release_approvals a"
                    + "      WHERE a.checkpoint_id = cp.id AND a.decision = 'approve') <> 2"
                    + " AND NOT EXISTS (SELECT 1 FROM journals j WHERE j.checkpoint_id = cp.id"
                    + "                 AND j.kind = 'settlement')"))
        .isZero();
    assertThat(values("SELECT DISTINCT reviewer FROM release_approvals"))
        .containsExactlyInAnyOrder("demo_finance", "demo_finance2");
    assertThat(
            number(
                "SELECT count(*) FROM release_approvals a JOIN escrow_checkpoints cp"
                    + " ON cp.id = a.checkpoint_id WHERE a.reviewer = cp.requested_by"))
        .isZero();
    // Flags: several on one item, some claimed by the moderator; hidden messages were actioned.
    assertThat(
            number(
                "SELECT count(*) FROM (SELECT 1 FROM moderation_flags GROUP BY entity_type,"
                    + " entity_id HAVING count(*) > 1) g"))
        .isPositive();
    assertThat(
            number(
                "SELECT count(*) FROM moderation_flags WHERE status = 'open'"
                    + " AND assigned_to = 'demo_moderator'"))
        .isPositive();
    assertThat(
            number(
                "SELECT count(*) FROM dispute_messages m WHERE hidden_at IS NOT NULL AND NOT"
                    + " EXISTS (SELECT 1 FROM moderation_flags f WHERE f.entity_type = 'dispute_message'"
                    + " AND f.entity_id = m.id AND f.decision = 'hide_content')"))
        .isZero();
    // Evidence: real content whose stored digest is its SHA-256.
    assertThat(number("SELECT count(*) FROM dispute_evidence")).isPositive();
    assertThat(
            number(
                "SELECT count(*) FROM dispute_evidence WHERE sha256 <> sha256(content)"
                    + " OR size_bytes <> octet_length(content)"))
        .isZero();
    // Invites keep only a token digest; one note corrects another.
    assertThat(number("SELECT count(*) FROM contact_notes WHERE supersedes_id IS NOT NULL"))
        .isPositive();
    assertThat(number("SELECT count(*) FROM contracts WHERE csat_score IS NOT NULL")).isPositive();
  }

  @Test
  void everythingThatHappenedLiesBeforeTheBaseTimeAndInOrder() throws SQLException {
    Map<String, String> pastColumns = new LinkedHashMap<>();
    pastColumns.put("users", "created_at, updated_at");
    pastColumns.put("workspaces", "created_at, updated_at");
    pastColumns.put("workspace_members", "joined_at, removed_at, updated_at");
    pastColumns.put("workspace_invites", "created_at, accepted_at, revoked_at");
    pastColumns.put("contact_notes", "created_at, updated_at");
    pastColumns.put("contracts", "created_at, started_at, ended_at, updated_at");
    pastColumns.put("escrows", "created_at, updated_at");
    pastColumns.put("escrow_checkpoints", "created_at, submitted_at, released_at, updated_at");
    pastColumns.put("release_approvals", "created_at");
    pastColumns.put("disputes", "opened_at, resolved_at, updated_at");
    pastColumns.put("settlements", "proposed_at, decided_at, updated_at");
    pastColumns.put("journals", "created_at");
    pastColumns.put("ledger_entries", "created_at");
    pastColumns.put("wallets", "created_at, updated_at");
    pastColumns.put("dispute_messages", "created_at, hidden_at, updated_at");
    pastColumns.put("dispute_evidence", "created_at");
    pastColumns.put("moderation_flags", "created_at, claimed_at, decided_at, updated_at");
    for (Map.Entry<String, String> table : pastColumns.entrySet()) {
      for (String column : table.getValue().split(", ")) {
        assertThat(
                number(
                    "SELECT count(*) FROM "
                        + table.getKey()
                        + " WHERE "
                        + column
                        + " >= '"
                        + BASE
                        + "'"))
            .as(table.getKey() + "." + column)
            .isZero();
      }
    }
    assertThat(number("SELECT count(*) FROM disputes WHERE resolved_at <= opened_at")).isZero();
    assertThat(number("SELECT count(*) FROM escrow_checkpoints WHERE released_at < submitted_at"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM dispute_messages m JOIN disputes d ON d.id = m.dispute_id"
                    + " WHERE m.created_at < d.opened_at OR m.created_at > coalesce(d.resolved_at, m.created_at)"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM moderation_flags WHERE claimed_at < created_at"
                    + " OR decided_at < claimed_at"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM ledger_entries le JOIN escrows e ON true"
                    + " JOIN journals j ON j.id = le.journal_id AND j.escrow_id = e.id"
                    + " WHERE j.kind <> 'funding' AND le.created_at < (SELECT f.created_at FROM journals f"
                    + " WHERE f.escrow_id = e.id AND f.kind = 'funding')"))
        .isZero();
    // Deadlines and expiries may lie ahead: that is what makes queues and invites live.
    assertThat(
            number(
                "SELECT count(*) FROM workspace_invites WHERE status = 'pending'"
                    + " AND expires_at > '"
                    + BASE
                    + "'"))
        .isPositive();
  }

  @Test
  void everyJournalBalancesAndEveryWalletIsExplainedByItsEntries() throws SQLException {
    assertThat(
            number(
                "SELECT count(*) FROM (SELECT journal_id, currency FROM ledger_entries"
                    + " GROUP BY journal_id, currency HAVING sum(CASE direction WHEN 'credit'"
                    + " THEN amount_minor ELSE -amount_minor END) <> 0 OR count(*) < 2) bad"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM journals j WHERE NOT EXISTS"
                    + " (SELECT 1 FROM ledger_entries e WHERE e.journal_id = j.id)"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM wallets w WHERE balance_minor <> coalesce((SELECT"
                    + " sum(CASE direction WHEN 'credit' THEN amount_minor ELSE -amount_minor END)"
                    + " FROM ledger_entries e WHERE e.wallet_id = w.id), 0)"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM (SELECT balance_after, sum(CASE direction WHEN"
                    + " 'credit' THEN amount_minor ELSE -amount_minor END) OVER (PARTITION BY wallet_id"
                    + " ORDER BY id) AS running FROM ledger_entries) e WHERE balance_after <> running"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM (SELECT wallet_id, created_at, lag(created_at) OVER"
                    + " (PARTITION BY wallet_id ORDER BY id) AS before FROM ledger_entries) e"
                    + " WHERE created_at < before"))
        .isZero();
    assertThat(values("SELECT DISTINCT kind FROM wallets"))
        .containsExactlyInAnyOrder("user", "escrow_holding", "platform_fee", "external_clearing");
    assertThat(
            number(
                "SELECT count(*) FROM escrows WHERE released_minor + refunded_minor"
                    + " > funded_minor"))
        .isZero();
    // Escrow totals are exactly what their journals moved in and out of the holding wallets.
    assertThat(
            number(
                "SELECT count(*) FROM escrows e LEFT JOIN (SELECT j.escrow_id,"
                    + " sum(CASE WHEN j.kind = 'funding' THEN le.amount_minor ELSE 0 END) AS funded,"
                    + " sum(CASE WHEN j.kind <> 'funding' THEN le.amount_minor ELSE 0 END) AS paid_out"
                    + " FROM journals j JOIN ledger_entries le ON le.journal_id = j.id"
                    + " JOIN wallets w ON w.id = le.wallet_id AND w.kind = 'escrow_holding'"
                    + " GROUP BY j.escrow_id) m ON m.escrow_id = e.id WHERE e.funded_minor <>"
                    + " coalesce(m.funded, 0) OR e.released_minor + e.refunded_minor <>"
                    + " coalesce(m.paid_out, 0)"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM escrows e WHERE released_minor <> (SELECT"
                    + " coalesce(sum(released_minor), 0) FROM escrow_checkpoints cp WHERE cp.escrow_id = e.id)"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM journals WHERE kind = 'release' AND checkpoint_id IN"
                    + " (SELECT id FROM escrow_checkpoints WHERE status <> 'released')"))
        .isZero();
  }

  @Test
  void auditLogRecordsEveryRowOnceUnderARealisticActor() throws SQLException {
    long audited = number("SELECT count(*) FROM audit_log WHERE command = 'demo_data'");
    assertThat(audited).isEqualTo(baseSummary.totalRows() + 1);
    assertThat(values("SELECT DISTINCT actor FROM audit_log WHERE command = 'demo_data'"))
        .contains(
            "demo_backend",
            "demo_support",
            "demo_finance",
            "demo_finance2",
            "demo_moderator",
            "demo_admin",
            "demo_data_loader");
    assertThat(
            values("SELECT new_values ->> 'mode' FROM audit_log WHERE entity_type = 'demo_data'"))
        .containsExactly("audited");
    // Each entry names its row and carries its values, so per-record history works on demo data.
    assertThat(
            number(
                "SELECT count(*) FROM audit_log WHERE command = 'demo_data'"
                    + " AND entity_type <> 'demo_data' AND (entity_id IS NULL"
                    + " OR new_values ->> 'id' IS DISTINCT FROM entity_id)"))
        .isZero();
    assertThat(
            number(
                "SELECT count(*) FROM audit_log WHERE entity_type = 'dispute_evidence'"
                    + " AND new_values ?? 'content'"))
        .isZero();
  }

  @Test
  void auditedLoadWithholdsPrivateNoteBodiesLikeAnyWriter() throws SQLException {
    // The loader's rows go through the contact notes audit trigger (V83): a fresh install's log
    // holds a digest of each private note, never its text; other notes keep their text.
    String notes =
        "SELECT count(*) FROM audit_log a JOIN contact_notes n ON n.id::text = a.entity_id"
            + " WHERE a.entity_type = 'contact_notes' AND a.action = 'insert' AND ";
    long privateNotes = number("SELECT count(*) FROM contact_notes WHERE visibility = 'private'");
    assertThat(privateNotes).isPositive();
    assertThat(
            number(
                notes
                    + "n.visibility = 'private' AND a.new_values -> 'body' = 'null'::jsonb"
                    + " AND a.new_values ->> 'body_sha256'"
                    + " = encode(sha256(convert_to(n.body, 'UTF8')), 'hex')"))
        .isEqualTo(privateNotes);
    assertThat(number(notes + "n.visibility = 'private' AND strpos(a::text, n.body) > 0")).isZero();
    assertThat(number(notes + "n.visibility <> 'private' AND a.new_values ->> 'body' = n.body"))
        .isEqualTo(number("SELECT count(*) FROM contact_notes WHERE visibility <> 'private'"));
  }

  private static Set<String> values(String sql) throws SQLException {
    return DemoFixtures.values(base, sql);
  }

  private static long number(String sql) throws SQLException {
    return DemoFixtures.number(base, sql);
  }
}
