package dev.arbiter.persistence.escrow;

import dev.arbiter.model.escrow.Escrow;
import dev.arbiter.model.escrow.EscrowCheckpoint;
import dev.arbiter.model.escrow.ReleaseApproval;
import dev.arbiter.model.ledger.Journal;
import dev.arbiter.model.ledger.LedgerEntry;
import dev.arbiter.model.ledger.Wallet;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.escrow.CheckpointDetail.Approval;
import dev.arbiter.persistence.escrow.CheckpointDetail.Checkpoint;
import dev.arbiter.persistence.escrow.CheckpointDetail.CheckpointLine;
import dev.arbiter.persistence.escrow.CheckpointDetail.Contract;
import dev.arbiter.persistence.escrow.CheckpointDetail.Entry;
import dev.arbiter.persistence.escrow.CheckpointDetail.EscrowTotals;
import dev.arbiter.persistence.escrow.CheckpointDetail.Party;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.timeline.TimelineRows;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/**
 * Reads one checkpoint with everything around it, in one read-only snapshot and five statements
 * whatever the number of approvals or journals: the checkpoint with its escrow and the escrow's
 * checkpoints, the approvals, and the ledger entries with their journals and wallets are entities
 * fetched by joins; the contract, its parties and the gates ({@code checkpoint_gates}, a function)
 * and the audit timeline (summaries worked out in SQL) are read by column name.
 */
public final class CheckpointDetailService {

  private static final String CHECKPOINT =
      "select c from EscrowCheckpoint c join fetch c.escrow e join fetch e.checkpoints s"
          + " where c.id = :id order by s.seq";

  private static final String AROUND =
      "SELECT k.id AS contract_id, k.reference AS contract_reference, k.title AS contract_title,"
          + " k.kind AS contract_kind, k.status AS contract_status,"
          + " k.csat_score AS contract_csat_score,"
          + " payer.id AS payer_id, payer.display_name AS payer_name, payer.email AS payer_email,"
          + " payer.status AS payer_status,"
          + " payee.id AS payee_id, payee.display_name AS payee_name, payee.email AS payee_email,"
          + " payee.status AS payee_status, "
          + CheckpointGates.COLUMNS
          + " FROM escrows e JOIN contracts k ON k.id = e.contract_id"
          + " JOIN users payer ON payer.id = k.client_id"
          + " JOIN users payee ON payee.id = k.freelancer_id"
          + " CROSS JOIN LATERAL checkpoint_gates(?) g WHERE e.id = ?";

  // A reviewer without a staff account (an automation login, a removed account) shows as the login.
  private static final String APPROVALS =
      "select a, coalesce(s.displayName, a.reviewer) from ReleaseApproval a"
          + " left join StaffAccount s on s.loginRole = a.reviewer"
          + " where a.checkpointId = :id order by a.createdAt, a.id";

  private static final String LEDGER =
      "select le from LedgerEntry le join fetch le.journal j join fetch le.wallet w"
          + " left join fetch w.owner where j.checkpointId = :id order by j.id, le.id";

  private static final String TIMELINE =
      "SELECT "
          + TimelineRows.COLUMNS
          + ", CASE a.entity_type"
          + " WHEN 'escrow_checkpoints' THEN CASE"
          + "   WHEN a.action = 'insert' THEN 'created as ' || (a.new_values ->> 'status')"
          + "   WHEN a.old_values ->> 'status' IS DISTINCT FROM a.new_values ->> 'status'"
          + "   THEN 'status ' || (a.old_values ->> 'status') || ' → ' || (a.new_values ->> 'status')"
          + "   ELSE 'changed ' || coalesce((SELECT string_agg(n.key, ', ' ORDER BY n.key)"
          + "     FROM jsonb_each(a.new_values) n WHERE n.key NOT IN ('version', 'updated_at')"
          + "     AND n.value IS DISTINCT FROM a.old_values -> n.key), 'nothing') END"
          + " WHEN 'release_approvals' THEN (a.new_values ->> 'reviewer') || ' decided '"
          + "   || (a.new_values ->> 'decision') || coalesce(': ' || (a.new_values ->> 'note'), '')"
          + " ELSE 'journal ' || a.entity_id || ' posted: ' || (a.new_values ->> 'description') END"
          + " AS summary FROM audit_log a"
          + " WHERE (a.entity_type = 'escrow_checkpoints' AND a.entity_id = CAST(? AS text))"
          + " OR (a.entity_type = 'release_approvals' AND a.entity_id IN"
          + "   (SELECT id::text FROM release_approvals WHERE checkpoint_id = ?))"
          + " OR (a.entity_type = 'journals' AND a.entity_id IN"
          + "   (SELECT id::text FROM journals WHERE checkpoint_id = ?))"
          + " ORDER BY a.id DESC LIMIT 200";

  /** What the checkpoint's entities do not hold: its contract, parties and gates. */
  private record Around(Contract contract, Party payer, Party payee, CheckpointGates gates) {}

  private final DataAccess access;

  public CheckpointDetailService(DataAccess access) {
    this.access = access;
  }

  /** The checkpoint and its surroundings, or empty if it does not exist. */
  public Optional<CheckpointDetail> load(long checkpointId) {
    return StaffDatabaseException.wrap(
        "Could not load checkpoint " + checkpointId,
        () -> access.snapshot(session -> read(session, checkpointId)));
  }

  private static Optional<CheckpointDetail> read(Session session, long id) {
    Optional<EscrowCheckpoint> found =
        session
            .createSelectionQuery(CHECKPOINT, EscrowCheckpoint.class)
            .setParameter("id", id)
            .uniqueResultOptional();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    EscrowCheckpoint checkpoint = found.get();
    Escrow escrow = checkpoint.getEscrow();
    Around around =
        Sql.one(
            session,
            AROUND,
            r ->
                new Around(
                    contract(r), party(r, "payer"), party(r, "payee"), CheckpointGates.of(r)),
            id,
            escrow.getId());
    return Optional.of(
        new CheckpointDetail(
            checkpoint(checkpoint),
            around.contract(),
            around.payer(),
            around.payee(),
            totals(escrow),
            around.gates(),
            escrow.getCheckpoints().stream().map(CheckpointDetailService::line).toList(),
            approvals(session, id),
            ledger(session, id),
            TimelineRows.read(session, TIMELINE, id, id, id)));
  }

  private static Checkpoint checkpoint(EscrowCheckpoint c) {
    return new Checkpoint(
        c.getId(),
        c.getSeq(),
        c.getLabel(),
        c.getAmount().minor(),
        c.getReleased().minor(),
        c.getAmount().currency(),
        c.getStatus().dbValue(),
        c.getApprovalRequirement().dbValue(),
        c.getCsatThreshold(),
        c.getSubmittedAt(),
        c.getAutoReleaseAt(),
        c.getRequestedBy(),
        c.getHoldReason(),
        c.getReleasedAt(),
        c.getReleasedBy(),
        c.getPayoutReference(),
        c.getVersion());
  }

  private static EscrowTotals totals(Escrow e) {
    return new EscrowTotals(
        e.getId(),
        e.getCurrency(),
        e.getStatus().dbValue(),
        e.getFunded().minor(),
        e.getReleased().minor(),
        e.getRefunded().minor());
  }

  private static CheckpointLine line(EscrowCheckpoint c) {
    return new CheckpointLine(
        c.getId(),
        c.getSeq(),
        c.getLabel(),
        c.getAmount().minor(),
        c.getReleased().minor(),
        c.getStatus().dbValue());
  }

  private static Contract contract(Row r) {
    return new Contract(
        r.getLong("contract_id"),
        r.text("contract_reference"),
        r.text("contract_title"),
        r.text("contract_kind"),
        r.text("contract_status"),
        r.decimal("contract_csat_score"));
  }

  private static Party party(Row r, String role) {
    return new Party(
        r.getLong(role + "_id"),
        r.text(role + "_name"),
        r.text(role + "_email"),
        r.text(role + "_status"));
  }

  private static List<Approval> approvals(Session session, long id) {
    return session.createSelectionQuery(APPROVALS, Object[].class).setParameter("id", id).stream()
        .map(
            pair -> {
              ReleaseApproval a = (ReleaseApproval) pair[0];
              return new Approval(
                  a.getReviewer(),
                  (String) pair[1],
                  a.getDecision().dbValue(),
                  a.getNote(),
                  a.getOverrideReason(),
                  a.getCreatedAt());
            })
        .toList();
  }

  private static List<Entry> ledger(Session session, long id) {
    return session.createSelectionQuery(LEDGER, LedgerEntry.class).setParameter("id", id).stream()
        .map(
            le -> {
              Journal j = le.getJournal();
              return new Entry(
                  j.getId(),
                  j.getKind().dbValue(),
                  j.getDescription(),
                  j.getCreatedBy(),
                  j.getCreatedAt(),
                  le.getId(),
                  account(le.getWallet()),
                  le.getDirection().dbValue(),
                  le.getAmount().minor(),
                  le.getAmount().currency(),
                  le.getBalanceAfter().minor());
            })
        .toList();
  }

  /** The name staff know a wallet by: its owner's for a user's wallet, else the platform's. */
  private static String account(Wallet w) {
    return switch (w.getKind()) {
      case USER -> w.getOwner() == null ? null : w.getOwner().getDisplayName();
      case ESCROW_HOLDING -> "Escrow holding";
      case PLATFORM_FEE -> "Platform fees";
      case EXTERNAL_CLEARING -> "External clearing";
    };
  }
}
