package dev.arbiter.persistence.workspaces;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.ContractLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.DisputeLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.FlagLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Note;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Settings;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.TimelineEntry;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/** The queries behind {@link WorkspaceDetailService}, on one connection and snapshot. */
final class WorkspaceReads {

  private static final int LIMIT = 200;

  private final Connection c;
  private final long id;
  private String settingsJson;

  WorkspaceReads(Connection c, long id) {
    this.c = c;
    this.id = id;
  }

  /** Row mapping that may throw SQLException. */
  private interface RowMapper<T> {
    T map(ResultSet rs) throws SQLException;
  }

  private <T> List<T> list(String sql, RowMapper<T> mapper, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      List<T> rows = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows.add(mapper.map(rs));
        }
      }
      return rows;
    }
  }

  private static Instant instant(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }

  Settings settings() throws SQLException {
    List<Settings> rows =
        list(
            "SELECT w.*, w.settings::text AS settings_text, u.display_name AS owner_name"
                + " FROM workspaces w JOIN users u ON u.id = w.owner_id WHERE w.id = ?",
            rs -> {
              settingsJson = rs.getString("settings_text");
              return new Settings(
                  rs.getLong("id"),
                  rs.getString("name"),
                  rs.getString("slug"),
                  rs.getString("type"),
                  rs.getLong("owner_id"),
                  rs.getString("owner_name"),
                  rs.getString("timezone"),
                  rs.getString("default_currency"),
                  rs.getString("intake_email"),
                  rs.getString("status"),
                  rs.getInt("version"));
            },
            id);
    if (rows.isEmpty()) {
      throw new NoSuchElementException("There is no workspace " + id + ".");
    }
    return rows.get(0);
  }

  String settingsJson() {
    return settingsJson;
  }

  List<Member> members() throws SQLException {
    return list(
        """
        SELECT m.id, m.user_id, u.display_name, u.email, m.role, m.status, i.display_name AS invited_by,
               m.joined_at, m.removed_at, m.version,
               workspace_contact_contracts(m.workspace_id, m.user_id) AS active_contracts
          FROM workspace_members m
          JOIN users u ON u.id = m.user_id
          LEFT JOIN users i ON i.id = m.invited_by
         WHERE m.workspace_id = ?
         ORDER BY CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 WHEN 'manager' THEN 2
                  WHEN 'member' THEN 3 ELSE 4 END, lower(u.display_name), m.id
        """,
        rs ->
            new Member(
                rs.getLong("id"),
                rs.getLong("user_id"),
                rs.getString("display_name"),
                rs.getString("email"),
                rs.getString("role"),
                rs.getString("status"),
                rs.getString("invited_by"),
                instant(rs, "joined_at"),
                instant(rs, "removed_at"),
                rs.getString("active_contracts"),
                rs.getInt("version")),
        id);
  }

  List<Invite> invites() throws SQLException {
    return list(
        """
        SELECT i.id, i.email, i.role, i.status, i.expires_at, u.display_name AS invited_by, i.created_at,
               i.version, (i.status = 'pending' AND i.expires_at <= now()) AS overdue
          FROM workspace_invites i LEFT JOIN users u ON u.id = i.invited_by
         WHERE i.workspace_id = ?
         ORDER BY (i.status = 'pending') DESC, i.created_at DESC, i.id DESC LIMIT ?
        """,
        rs ->
            new Invite(
                rs.getLong("id"),
                rs.getString("email"),
                rs.getString("role"),
                rs.getString("status"),
                instant(rs, "expires_at"),
                rs.getString("invited_by"),
                instant(rs, "created_at"),
                rs.getBoolean("overdue"),
                rs.getInt("version")),
        id,
        LIMIT);
  }

  List<Note> notes() throws SQLException {
    return list(
        """
        SELECT n.id, n.author, u.display_name AS subject, n.body, n.visibility, n.supersedes_id,
               (SELECT s.id FROM contact_notes s WHERE s.supersedes_id = n.id) AS superseded_by, n.created_at
          FROM contact_notes n LEFT JOIN users u ON u.id = n.subject_user_id
         WHERE n.workspace_id = ?
         ORDER BY n.created_at DESC, n.id DESC LIMIT ?
        """,
        rs ->
            new Note(
                rs.getLong("id"),
                rs.getString("author"),
                rs.getString("subject"),
                rs.getString("body"),
                rs.getString("visibility"),
                rs.getObject("supersedes_id", Long.class),
                rs.getObject("superseded_by", Long.class),
                instant(rs, "created_at")),
        id,
        LIMIT);
  }

  List<ContractLine> contracts() throws SQLException {
    return list(
        """
        SELECT c.id, c.reference, c.title, c.status, cl.display_name AS client, f.display_name AS freelancer,
               c.value_minor, c.currency
          FROM contracts c JOIN users cl ON cl.id = c.client_id JOIN users f ON f.id = c.freelancer_id
         WHERE c.workspace_id = ?
         ORDER BY (c.status IN ('active', 'paused')) DESC, c.created_at DESC, c.id DESC LIMIT ?
        """,
        rs ->
            new ContractLine(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getString("title"),
                rs.getString("status"),
                rs.getString("client"),
                rs.getString("freelancer"),
                rs.getLong("value_minor"),
                rs.getString("currency")),
        id,
        LIMIT);
  }

  List<DisputeLine> disputes() throws SQLException {
    return list(
        """
        SELECT d.id, d.reference, c.reference AS contract_reference, d.status, d.priority,
               d.amount_disputed_minor, d.currency
          FROM disputes d JOIN contracts c ON c.id = d.contract_id
         WHERE c.workspace_id = ?
         ORDER BY d.opened_at DESC, d.id DESC LIMIT ?
        """,
        rs ->
            new DisputeLine(
                rs.getLong("id"),
                rs.getString("reference"),
                rs.getString("contract_reference"),
                rs.getString("status"),
                rs.getString("priority"),
                rs.getLong("amount_disputed_minor"),
                rs.getString("currency")),
        id,
        LIMIT);
  }

  List<FlagLine> flags(List<Member> members, List<ContractLine> contracts) throws SQLException {
    Array users = c.createArrayOf("bigint", members.stream().map(Member::userId).toArray());
    Array contractIds =
        c.createArrayOf("bigint", contracts.stream().map(ContractLine::id).toArray());
    return list(
        """
        SELECT f.id, f.entity_type, f.entity_id, f.reason, f.severity, f.status
          FROM moderation_flags f
         WHERE (f.entity_type = 'workspace' AND f.entity_id = ?)
            OR (f.entity_type = 'contract' AND f.entity_id = ANY (?))
            OR (f.entity_type = 'user' AND f.entity_id = ANY (?))
         ORDER BY (f.status = 'open') DESC, f.created_at DESC, f.id DESC LIMIT ?
        """,
        rs ->
            new FlagLine(
                rs.getLong("id"),
                rs.getString("entity_type"),
                rs.getLong("entity_id"),
                rs.getString("reason"),
                rs.getString("severity"),
                rs.getString("status")),
        id,
        contractIds,
        users,
        LIMIT);
  }

  List<TimelineEntry> timeline(List<Member> members, List<Invite> invites, List<Note> notes)
      throws SQLException {
    // Only the keys that changed, and never a note's body or an invite's token hash.
    return list(
        """
        SELECT a.id, a.occurred_at, a.actor, a.db_user, a.action, a.entity_type, a.entity_id,
               (SELECT string_agg(k || ': ' || coalesce(a.old_values ->> k, '-') || ' -> '
                                  || coalesce(a.new_values ->> k, '-'), ', ' ORDER BY k)
                  FROM jsonb_object_keys(a.new_values) k
                 WHERE a.action = 'update' AND a.old_values IS NOT NULL
                   AND k NOT IN ('version', 'updated_at', 'body', 'body_sha256', 'token_hash', 'settings')
                   AND (a.old_values -> k) IS DISTINCT FROM (a.new_values -> k)) AS change
          FROM audit_log a
         WHERE (a.entity_type = 'workspaces' AND a.entity_id = ?)
            OR (a.entity_type = 'workspace_members' AND a.entity_id = ANY (?))
            OR (a.entity_type = 'workspace_invites' AND a.entity_id = ANY (?))
            OR (a.entity_type = 'contact_notes' AND a.entity_id = ANY (?))
         ORDER BY a.id DESC LIMIT ?
        """,
        rs ->
            new TimelineEntry(
                rs.getLong("id"),
                instant(rs, "occurred_at"),
                new AuditActor(rs.getString("actor"), rs.getString("db_user")),
                rs.getString("action"),
                rs.getString("entity_type"),
                rs.getString("entity_id"),
                rs.getString("change")),
        Long.toString(id),
        ids(members.stream().map(Member::id)),
        ids(invites.stream().map(Invite::id)),
        ids(notes.stream().map(Note::id)),
        LIMIT);
  }

  private Array ids(java.util.stream.Stream<Long> ids) throws SQLException {
    return c.createArrayOf("text", ids.map(String::valueOf).toArray());
  }
}
