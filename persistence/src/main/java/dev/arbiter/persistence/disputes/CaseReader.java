package dev.arbiter.persistence.disputes;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.disputes.DeadlineAction;
import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.persistence.disputes.DisputeCase.CheckpointInfo;
import dev.arbiter.persistence.disputes.DisputeCase.ContractInfo;
import dev.arbiter.persistence.disputes.DisputeCase.EscrowInfo;
import dev.arbiter.persistence.disputes.DisputeCase.Header;
import dev.arbiter.persistence.disputes.DisputeCase.Party;
import dev.arbiter.persistence.disputes.DisputeCase.PastDispute;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** Reads a case's dispute row, parties, contract, escrow and checkpoints. */
final class CaseReader {

  /** What the header query finds beyond the header itself. */
  record Links(long contractId, Long escrowId, long clientId, long freelancerId, String metadata) {}

  /**
   * What is held for dispute {@code d}: the disputed checkpoint's unreleased amount, else the
   * escrow's funded - released - refunded, else null.
   */
  static final String HELD =
      " CASE WHEN d.checkpoint_id IS NOT NULL THEN"
          + "   (SELECT CASE WHEN cp.status IN ('refunded', 'cancelled') THEN 0"
          + "           ELSE cp.amount_minor - cp.released_minor END"
          + "      FROM escrow_checkpoints cp WHERE cp.id = d.checkpoint_id)"
          + " ELSE (SELECT e.funded_minor - e.released_minor - e.refunded_minor"
          + "         FROM escrows e WHERE e.id = d.escrow_id) END";

  private static final String HEADER =
      "SELECT d.*, s.display_name AS assignee_name, c.client_id, c.freelancer_id,"
          + " d.metadata::text AS metadata_text, coalesce(d.escrow_id,"
          + "   (SELECT cp.escrow_id FROM escrow_checkpoints cp WHERE cp.id = d.checkpoint_id))"
          + "   AS case_escrow_id,"
          + HELD
          + " AS held_minor"
          + " FROM disputes d JOIN contracts c ON c.id = d.contract_id"
          + " LEFT JOIN staff_accounts s ON s.login_role = d.assigned_to WHERE d.id = ?";

  private static final String PARTY =
      "SELECT id, display_name, email, kind, status, country, metadata::text FROM users WHERE id = ?";

  private static final String HISTORY =
      "SELECT d.id, d.reference, d.status, d.outcome, d.amount_disputed_minor, d.currency,"
          + " d.opened_at, CASE WHEN c.client_id = ? THEN 'client' ELSE 'freelancer' END AS side"
          + " FROM disputes d JOIN contracts c ON c.id = d.contract_id"
          + " WHERE (c.client_id = ? OR c.freelancer_id = ?) AND d.id <> ?"
          + " ORDER BY d.opened_at DESC, d.id DESC LIMIT 10";

  private static final String CONTRACT =
      "SELECT id, reference, kind, title, status, value_minor, currency, csat_score,"
          + " metadata::text FROM contracts WHERE id = ?";

  private static final String ESCROW =
      "SELECT id, status, currency, funded_minor, released_minor, refunded_minor FROM escrows"
          + " WHERE id = ?";

  private static final String CHECKPOINTS =
      "SELECT id, seq, label, amount_minor, released_minor, currency, status,"
          + " approval_requirement, auto_release_at FROM escrow_checkpoints WHERE escrow_id = ?"
          + " ORDER BY seq";

  private CaseReader() {}

  /** The header and the ids it links to, or null when there is no such dispute. */
  static Header header(Connection c, long id, Links[] links) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(HEADER)) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        links[0] =
            new Links(
                rs.getLong("contract_id"),
                (Long) rs.getObject("case_escrow_id"),
                rs.getLong("client_id"),
                rs.getLong("freelancer_id"),
                rs.getString("metadata_text"));
        String deadline = rs.getString("deadline_action");
        String outcome = rs.getString("outcome");
        return new Header(
            id,
            rs.getString("reference"),
            DatabaseValue.fromDb(DisputeStatus.class, rs.getString("status")),
            DatabaseValue.fromDb(DisputePriority.class, rs.getString("priority")),
            DatabaseValue.fromDb(ReasonCode.class, rs.getString("reason_code")),
            rs.getString("assigned_to"),
            rs.getString("assignee_name"),
            rs.getLong("amount_disputed_minor"),
            rs.getString("currency"),
            instant(rs, "opened_at"),
            instant(rs, "response_due_at"),
            deadline == null ? null : DatabaseValue.fromDb(DeadlineAction.class, deadline),
            instant(rs, "deadline_acted_at"),
            outcome == null ? null : DatabaseValue.fromDb(DisputeOutcome.class, outcome),
            rs.getString("resolution_notes"),
            (Long) rs.getObject("checkpoint_id"),
            (Long) rs.getObject("held_minor"),
            rs.getInt("version"));
      }
    }
  }

  static Party party(Connection c, long userId, long disputeId, boolean admin) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(PARTY)) {
      ps.setLong(1, userId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new Party(
            userId,
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getString(6),
            history(c, userId, disputeId),
            MetadataView.entries(rs.getString(7), admin));
      }
    }
  }

  private static List<PastDispute> history(Connection c, long userId, long disputeId)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(HISTORY)) {
      ps.setLong(1, userId);
      ps.setLong(2, userId);
      ps.setLong(3, userId);
      ps.setLong(4, disputeId);
      List<PastDispute> past = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String outcome = rs.getString("outcome");
          past.add(
              new PastDispute(
                  rs.getLong("id"),
                  rs.getString("reference"),
                  DatabaseValue.fromDb(DisputeStatus.class, rs.getString("status")),
                  outcome == null ? null : DatabaseValue.fromDb(DisputeOutcome.class, outcome),
                  rs.getString("side"),
                  rs.getLong("amount_disputed_minor"),
                  rs.getString("currency"),
                  instant(rs, "opened_at")));
        }
      }
      return past;
    }
  }

  static ContractInfo contract(Connection c, long contractId, boolean admin) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(CONTRACT)) {
      ps.setLong(1, contractId);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        BigDecimal csat = rs.getBigDecimal(8);
        return new ContractInfo(
            contractId,
            rs.getString(2),
            rs.getString(3),
            rs.getString(4),
            rs.getString(5),
            rs.getLong(6),
            rs.getString(7),
            csat == null ? null : csat.toPlainString(),
            MetadataView.entries(rs.getString(9), admin));
      }
    }
  }

  static EscrowInfo escrow(Connection c, Long escrowId) throws SQLException {
    if (escrowId == null) {
      return null;
    }
    try (PreparedStatement ps = c.prepareStatement(ESCROW)) {
      ps.setLong(1, escrowId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        long funded = rs.getLong(4);
        long released = rs.getLong(5);
        long refunded = rs.getLong(6);
        return new EscrowInfo(
            escrowId,
            rs.getString(2),
            rs.getString(3),
            funded,
            released,
            refunded,
            funded - released - refunded);
      }
    }
  }

  static List<CheckpointInfo> checkpoints(Connection c, Long escrowId, Long disputedCheckpoint)
      throws SQLException {
    List<CheckpointInfo> all = new ArrayList<>();
    if (escrowId == null) {
      return all;
    }
    try (PreparedStatement ps = c.prepareStatement(CHECKPOINTS)) {
      ps.setLong(1, escrowId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          long amount = rs.getLong(4);
          long released = rs.getLong(5);
          String status = rs.getString(7);
          boolean gone = status.equals("refunded") || status.equals("cancelled");
          all.add(
              new CheckpointInfo(
                  id,
                  rs.getInt(2),
                  rs.getString(3),
                  amount,
                  released,
                  gone ? 0 : amount - released,
                  rs.getString(6),
                  status,
                  rs.getString(8),
                  instant(rs, "auto_release_at"),
                  disputedCheckpoint != null && disputedCheckpoint == id));
        }
      }
    }
    return all;
  }

  static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
