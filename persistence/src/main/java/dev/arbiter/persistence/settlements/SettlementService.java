package dev.arbiter.persistence.settlements;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.ledger.MoneyFunctions;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.util.List;

/**
 * The settlements queue: proposals waiting for finance, executed or sent back through the database.
 */
public final class SettlementService {

  /** Proposals are few; the queue shows the oldest this many. */
  public static final int QUEUE_LIMIT = 200;

  private static final String QUEUE =
      "SELECT s.id AS settlement_id, s.outcome, s.payee_minor, s.payer_minor, s.currency,"
          + " s.reason, s.proposed_by, coalesce(sa.display_name, s.proposed_by) AS proposer_name,"
          + " s.proposed_at, d.id AS dispute_id, d.reference AS dispute_reference,"
          + " d.status AS dispute_status, d.reason_code, d.amount_disputed_minor,"
          + " coalesce(d.metadata ->> 'summary', d.resolution_notes, '') AS dispute_summary,"
          + " k.reference AS contract_reference, payer.display_name AS payer,"
          + " payee.display_name AS payee,"
          + " coalesce((SELECT e.funded_minor - e.released_minor - e.refunded_minor FROM escrows e"
          + "   WHERE e.id = coalesce(d.escrow_id,"
          + "     (SELECT cp.escrow_id FROM escrow_checkpoints cp WHERE cp.id = d.checkpoint_id))),"
          + "   -1) AS held_minor,"
          + " s.version FROM settlements s JOIN disputes d ON d.id = s.dispute_id"
          + " JOIN contracts k ON k.id = d.contract_id"
          + " JOIN users payer ON payer.id = k.client_id"
          + " JOIN users payee ON payee.id = k.freelancer_id"
          + " LEFT JOIN staff_accounts sa ON sa.login_role = s.proposed_by"
          + " WHERE s.status = 'proposed' ORDER BY s.proposed_at, s.id LIMIT ?";

  private final DataAccess access;
  private final MoneyFunctions money;

  public SettlementService(StaffDatabase database) {
    this(database.access());
  }

  /**
   * @param access the queue's reads, and the database functions that decide a proposal
   */
  public SettlementService(DataAccess access) {
    this.access = access;
    this.money = new MoneyFunctions(access);
  }

  /** Proposed settlements, oldest first. */
  public List<ProposedSettlement> queue() {
    return StaffDatabaseException.wrap(
        "Could not load the settlements queue",
        () ->
            access.read(
                session ->
                    Sql.list(
                        session,
                        QUEUE,
                        r ->
                            new ProposedSettlement(
                                r.getLong("settlement_id"),
                                r.text("outcome"),
                                r.getLong("payee_minor"),
                                r.getLong("payer_minor"),
                                r.text("currency"),
                                r.text("reason"),
                                r.text("proposed_by"),
                                r.text("proposer_name"),
                                r.instant("proposed_at"),
                                r.getLong("dispute_id"),
                                r.text("dispute_reference"),
                                r.text("dispute_status"),
                                r.text("reason_code"),
                                r.getLong("amount_disputed_minor"),
                                r.text("dispute_summary"),
                                r.text("contract_reference"),
                                r.text("payer"),
                                r.text("payee"),
                                r.getLong("held_minor"),
                                r.getInt("version")),
                        QUEUE_LIMIT)));
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

  /**
   * What {@link #execute(long, int, String, String)} would answer now, run and rolled back: the
   * amounts, the fee and the refusals are the database's own; nothing is posted.
   */
  public MoneyResult previewExecute(
      long settlementId, int version, String note, String idempotencyKey) {
    return money.previewSettlement(settlementId, version, note, idempotencyKey);
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
