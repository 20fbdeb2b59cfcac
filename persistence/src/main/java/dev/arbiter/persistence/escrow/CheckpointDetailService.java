package dev.arbiter.persistence.escrow;

import static dev.arbiter.persistence.escrow.ReleaseQueueService.instant;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.escrow.CheckpointDetail.Approval;
import dev.arbiter.persistence.escrow.CheckpointDetail.AuditLine;
import dev.arbiter.persistence.escrow.CheckpointDetail.Checkpoint;
import dev.arbiter.persistence.escrow.CheckpointDetail.CheckpointLine;
import dev.arbiter.persistence.escrow.CheckpointDetail.Contract;
import dev.arbiter.persistence.escrow.CheckpointDetail.Entry;
import dev.arbiter.persistence.escrow.CheckpointDetail.EscrowTotals;
import dev.arbiter.persistence.escrow.CheckpointDetail.Party;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** Reads one checkpoint with everything around it, in one read-only snapshot. */
public final class CheckpointDetailService {

  private static final String HEADER =
      "SELECT cp.id, cp.seq, cp.label, cp.amount_minor, cp.released_minor, cp.currency,"
          + " cp.status, cp.approval_requirement, cp.csat_threshold, cp.submitted_at,"
          + " cp.auto_release_at, cp.requested_by, cp.hold_reason, cp.released_at,"
          + " cp.released_by, cp.payout_reference,"
          + " k.id, k.reference, k.title, k.kind, k.status, k.csat_score,"
          + " payer.id, payer.display_name, payer.email, payer.status,"
          + " payee.id, payee.display_name, payee.email, payee.status,"
          + " e.id, e.currency, e.status, e.funded_minor, e.released_minor, e.refunded_minor, "
          + CheckpointGates.COLUMNS
          + ", cp.version FROM escrow_checkpoints cp JOIN escrows e ON e.id = cp.escrow_id"
          + " JOIN contracts k ON k.id = e.contract_id"
          + " JOIN users payer ON payer.id = k.client_id"
          + " JOIN users payee ON payee.id = k.freelancer_id"
          + " CROSS JOIN LATERAL checkpoint_gates(cp.id) g WHERE cp.id = ?";

  private static final String SIBLINGS =
      "SELECT id, seq, label, amount_minor, released_minor, status FROM escrow_checkpoints"
          + " WHERE escrow_id = ? ORDER BY seq";

  private static final String APPROVALS =
      "SELECT ra.reviewer, coalesce(s.display_name, ra.reviewer), ra.decision, ra.note,"
          + " ra.override_reason, ra.created_at FROM release_approvals ra"
          + " LEFT JOIN staff_accounts s ON s.login_role = ra.reviewer"
          + " WHERE ra.checkpoint_id = ? ORDER BY ra.created_at, ra.id";

  private static final String LEDGER =
      "SELECT j.id, j.kind, j.description, j.created_by, j.created_at, le.id,"
          + " CASE w.kind WHEN 'user' THEN u.display_name WHEN 'escrow_holding'"
          + " THEN 'Escrow holding' WHEN 'platform_fee' THEN 'Platform fees'"
          + " ELSE 'External clearing' END, le.direction, le.amount_minor, le.currency,"
          + " le.balance_after FROM journals j JOIN ledger_entries le ON le.journal_id = j.id"
          + " JOIN wallets w ON w.id = le.wallet_id LEFT JOIN users u ON u.id = w.owner_user_id"
          + " WHERE j.checkpoint_id = ? ORDER BY j.id, le.id";

  private static final String TIMELINE =
      "SELECT a.id, a.occurred_at, a.actor, a.db_user, a.action, CASE a.entity_type"
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
          + " WHERE (a.entity_type = 'escrow_checkpoints' AND a.entity_id = ?::text)"
          + " OR (a.entity_type = 'release_approvals' AND a.entity_id IN"
          + "   (SELECT id::text FROM release_approvals WHERE checkpoint_id = ?))"
          + " OR (a.entity_type = 'journals' AND a.entity_id IN"
          + "   (SELECT id::text FROM journals WHERE checkpoint_id = ?))"
          + " ORDER BY a.id DESC LIMIT 200";

  private final DataSource dataSource;

  public CheckpointDetailService(StaffDatabase database) {
    this(database.dataSource());
  }

  public CheckpointDetailService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The checkpoint and its surroundings, or empty if it does not exist. */
  public Optional<CheckpointDetail> load(long checkpointId) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        Optional<CheckpointDetail> detail = read(c, checkpointId);
        c.commit();
        return detail;
      } finally {
        if (!c.getAutoCommit()) {
          c.rollback();
        }
        c.setReadOnly(false);
        c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load checkpoint " + checkpointId, e);
    }
  }

  private static Optional<CheckpointDetail> read(Connection c, long id) throws SQLException {
    Checkpoint checkpoint;
    Contract contract;
    Party payer;
    Party payee;
    EscrowTotals escrow;
    CheckpointGates gates;
    try (PreparedStatement ps = c.prepareStatement(HEADER)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        checkpoint =
            new Checkpoint(
                rs.getLong(1),
                rs.getInt(2),
                rs.getString(3),
                rs.getLong(4),
                rs.getLong(5),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getBigDecimal(9),
                instant(rs.getTimestamp(10)),
                instant(rs.getTimestamp(11)),
                rs.getString(12),
                rs.getString(13),
                instant(rs.getTimestamp(14)),
                rs.getString(15),
                rs.getString(16),
                rs.getInt(47));
        contract =
            new Contract(
                rs.getLong(17),
                rs.getString(18),
                rs.getString(19),
                rs.getString(20),
                rs.getString(21),
                rs.getBigDecimal(22));
        payer = new Party(rs.getLong(23), rs.getString(24), rs.getString(25), rs.getString(26));
        payee = new Party(rs.getLong(27), rs.getString(28), rs.getString(29), rs.getString(30));
        escrow =
            new EscrowTotals(
                rs.getLong(31),
                rs.getString(32),
                rs.getString(33),
                rs.getLong(34),
                rs.getLong(35),
                rs.getLong(36));
        gates = CheckpointGates.read(rs, 37);
      }
    }
    List<CheckpointLine> siblings = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SIBLINGS)) {
      ps.setLong(1, escrow.id());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          siblings.add(
              new CheckpointLine(
                  rs.getLong(1),
                  rs.getInt(2),
                  rs.getString(3),
                  rs.getLong(4),
                  rs.getLong(5),
                  rs.getString(6)));
        }
      }
    }
    List<Approval> approvals = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(APPROVALS)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          approvals.add(
              new Approval(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  instant(rs.getTimestamp(6))));
        }
      }
    }
    List<Entry> ledger = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(LEDGER)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ledger.add(
              new Entry(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  instant(rs.getTimestamp(5)),
                  rs.getLong(6),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getLong(9),
                  rs.getString(10),
                  rs.getLong(11)));
        }
      }
    }
    List<AuditLine> timeline = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(TIMELINE)) {
      ps.setLong(1, id);
      ps.setLong(2, id);
      ps.setLong(3, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          timeline.add(
              new AuditLine(
                  rs.getLong("id"),
                  instant(rs.getTimestamp("occurred_at")),
                  new AuditActor(rs.getString("actor"), rs.getString("db_user")),
                  rs.getString("action"),
                  rs.getString("summary")));
        }
      }
    }
    return Optional.of(
        new CheckpointDetail(
            checkpoint,
            contract,
            payer,
            payee,
            escrow,
            gates,
            siblings,
            approvals,
            ledger,
            timeline));
  }
}
