package dev.arbiter.persistence.settlements;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.ledger.MoneyFunctions;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The settlements queue: proposals waiting for finance, executed or sent back through the database.
 */
public final class SettlementService {

  /** Proposals are few; the queue shows the oldest this many. */
  public static final int QUEUE_LIMIT = 200;

  private static final String QUEUE =
      "SELECT s.id, s.outcome, s.payee_minor, s.payer_minor, s.currency, s.reason, s.proposed_by,"
          + " coalesce(sa.display_name, s.proposed_by), s.proposed_at, d.id, d.reference, d.status,"
          + " d.reason_code, d.amount_disputed_minor,"
          + " coalesce(d.metadata ->> 'summary', d.resolution_notes, ''), k.reference,"
          + " payer.display_name, payee.display_name,"
          + " coalesce((SELECT e.funded_minor - e.released_minor - e.refunded_minor FROM escrows e"
          + "   WHERE e.id = coalesce(d.escrow_id,"
          + "     (SELECT cp.escrow_id FROM escrow_checkpoints cp WHERE cp.id = d.checkpoint_id))), -1),"
          + " s.version FROM settlements s JOIN disputes d ON d.id = s.dispute_id"
          + " JOIN contracts k ON k.id = d.contract_id"
          + " JOIN users payer ON payer.id = k.client_id"
          + " JOIN users payee ON payee.id = k.freelancer_id"
          + " LEFT JOIN staff_accounts sa ON sa.login_role = s.proposed_by"
          + " WHERE s.status = 'proposed' ORDER BY s.proposed_at, s.id LIMIT ?";

  private final DataSource dataSource;
  private final MoneyFunctions money;

  public SettlementService(StaffDatabase database) {
    this(database.dataSource(), database.access());
  }

  public SettlementService(DataSource dataSource, DataAccess access) {
    this.dataSource = dataSource;
    this.money = new MoneyFunctions(access);
  }

  /** Proposed settlements, oldest first. */
  public List<ProposedSettlement> queue() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(QUEUE)) {
      ps.setInt(1, QUEUE_LIMIT);
      List<ProposedSettlement> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Timestamp at = rs.getTimestamp(9);
          rows.add(
              new ProposedSettlement(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  at == null ? null : at.toInstant(),
                  rs.getLong(10),
                  rs.getString(11),
                  rs.getString(12),
                  rs.getString(13),
                  rs.getLong(14),
                  rs.getString(15),
                  rs.getString(16),
                  rs.getString(17),
                  rs.getString(18),
                  rs.getLong(19),
                  rs.getInt(20)));
        }
      }
      return rows;
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load the settlements queue", e);
    }
  }

  /** Executes the settlement; never by its proposer, which the database refuses. */
  public MoneyResult execute(long settlementId, String note, String idempotencyKey) {
    return money.executeSettlement(settlementId, note, idempotencyKey);
  }

  /**
   * Executes the settlement only if it is still at {@code version}, the version the reviewer read;
   * otherwise the answer is the refusal {@code stale} and nothing was done.
   */
  public MoneyResult execute(long settlementId, int version, String note, String idempotencyKey) {
    return money.settlementAt("execute_settlement", settlementId, version, note, idempotencyKey);
  }

  /** Sends the settlement back only if it is still at {@code version}; else refused as stale. */
  public MoneyResult sendBack(long settlementId, int version, String note, String idempotencyKey) {
    return money.settlementAt("send_back_settlement", settlementId, version, note, idempotencyKey);
  }

  /** Sends the settlement back to support with a note, which is required. */
  public MoneyResult sendBack(long settlementId, String note, String idempotencyKey) {
    return money.sendBackSettlement(settlementId, note, idempotencyKey);
  }
}
