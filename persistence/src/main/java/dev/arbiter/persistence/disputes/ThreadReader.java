package dev.arbiter.persistence.disputes;

import static dev.arbiter.persistence.disputes.CaseReader.instant;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.persistence.disputes.DisputeCase.EvidenceInfo;
import dev.arbiter.persistence.disputes.DisputeCase.MessageInfo;
import dev.arbiter.persistence.disputes.DisputeCase.SettlementInfo;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads a case's message thread, evidence and settlement proposals. */
final class ThreadReader {

  // Staff authors by display name, parties by name and side; hidden messages keep their place.
  private static final String MESSAGES =
      "SELECT m.id, m.visibility, m.body, m.created_at, m.hidden_at IS NOT NULL AS hidden,"
          + " m.author_staff IS NOT NULL AS from_staff,"
          + " CASE WHEN m.author_staff IS NOT NULL THEN coalesce(s.display_name, m.author_staff)"
          + "      ELSE u.display_name || CASE WHEN u.id = c.client_id THEN ' (client)'"
          + "           WHEN u.id = c.freelancer_id THEN ' (freelancer)' ELSE '' END END AS author"
          + " FROM dispute_messages m JOIN disputes d ON d.id = m.dispute_id"
          + " JOIN contracts c ON c.id = d.contract_id"
          + " LEFT JOIN staff_accounts s ON s.login_role = m.author_staff"
          + " LEFT JOIN users u ON u.id = m.author_user_id"
          + " WHERE m.dispute_id = ? ORDER BY m.created_at, m.id";

  private static final String EVIDENCE =
      "SELECT e.id, e.file_name, e.mime_type, e.size_bytes, e.sha256, e.content IS NOT NULL,"
          + " coalesce(s.display_name, e.uploaded_by_staff, u.display_name), e.created_at"
          + " FROM dispute_evidence e LEFT JOIN staff_accounts s ON s.login_role ="
          + " e.uploaded_by_staff LEFT JOIN users u ON u.id = e.uploaded_by"
          + " WHERE e.dispute_id = ? ORDER BY e.created_at, e.id";

  private static final String SETTLEMENTS =
      "SELECT id, outcome, payee_minor, payer_minor, currency, reason, status, proposed_by,"
          + " proposed_at, decided_by, decision_note FROM settlements WHERE dispute_id = ?"
          + " ORDER BY proposed_at DESC, id DESC";

  private ThreadReader() {}

  static List<MessageInfo> messages(Connection c, long disputeId) throws SQLException {
    List<MessageInfo> all = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(MESSAGES)) {
      ps.setLong(1, disputeId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all.add(
              new MessageInfo(
                  rs.getLong("id"),
                  rs.getString("author"),
                  rs.getBoolean("from_staff"),
                  DatabaseValue.fromDb(MessageVisibility.class, rs.getString("visibility")),
                  rs.getString("body"),
                  instant(rs, "created_at"),
                  rs.getBoolean("hidden")));
        }
      }
    }
    return all;
  }

  static List<EvidenceInfo> evidence(Connection c, long disputeId) throws SQLException {
    List<EvidenceInfo> all = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(EVIDENCE)) {
      ps.setLong(1, disputeId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all.add(
              new EvidenceInfo(
                  rs.getLong(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getLong(4),
                  HexFormat.of().formatHex(rs.getBytes(5)),
                  rs.getBoolean(6),
                  rs.getString(7),
                  instant(rs, "created_at")));
        }
      }
    }
    return all;
  }

  static List<SettlementInfo> settlements(Connection c, long disputeId) throws SQLException {
    List<SettlementInfo> all = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(SETTLEMENTS)) {
      ps.setLong(1, disputeId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          all.add(
              new SettlementInfo(
                  rs.getLong(1),
                  DatabaseValue.fromDb(DisputeOutcome.class, rs.getString(2)),
                  rs.getLong(3),
                  rs.getLong(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  instant(rs, "proposed_at"),
                  rs.getString(10),
                  rs.getString(11)));
        }
      }
    }
    return all;
  }

  /** The ids of every message, evidence file and settlement, for the timeline. */
  static List<String> ids(Connection c, String table, long disputeId) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id::text FROM " + table + " WHERE dispute_id = ?")) {
      ps.setLong(1, disputeId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }
}
