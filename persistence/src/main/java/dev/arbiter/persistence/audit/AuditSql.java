package dev.arbiter.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The WHERE clause of an {@link AuditFilter}, with its parameters. Each filter is written so that
 * an index can lead: entity filters use audit_log_entity_idx (entity_type, entity_id, id DESC), the
 * actor audit_log_actor_idx (actor, id DESC) unless it is a login that writes for others, and
 * everything else the primary key walked newest first.
 *
 * <p>A time range becomes an id range first. audit_append reads the clock only once it holds the
 * chain head, so occurred_at rises with id, and the ids bounding a time are found by a binary
 * search on the primary key (a few dozen index probes) instead of a scan of every entry in range.
 * The time condition itself stays in the query, so no entry outside the range is ever shown.
 */
public final class AuditSql {

  private static final Pattern DISPUTE_REFERENCE = Pattern.compile("DSP-[0-9]{6,}");
  private static final Pattern CONTRACT_REFERENCE = Pattern.compile("[A-Z]{2,4}-[0-9]{4,}");

  /** A condition (never empty: {@code TRUE} matches all) and the values for its parameters. */
  public record Where(String sql, List<Object> params) {

    void bind(PreparedStatement ps, int first) throws SQLException {
      for (int i = 0; i < params.size(); i++) {
        Object value = params.get(i);
        if (value instanceof Instant instant) {
          ps.setTimestamp(first + i, Timestamp.from(instant));
        } else {
          ps.setObject(first + i, value);
        }
      }
    }
  }

  private AuditSql() {}

  public static Where where(Connection c, AuditFilter filter) throws SQLException {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (filter.actor() != null) {
      actor(c, filter.actor(), conditions, params);
    }
    if (filter.role() != null) {
      // Membership through any chain of groups (support inherits nothing, but a login may be put
      // in a group that is itself a member). pg_auth_members, not pg_has_role: the latter holds
      // for superusers on every role, which would file migrations under every role.
      conditions.add(
          "db_user IN (WITH RECURSIVE m(oid) AS (SELECT oid FROM pg_roles WHERE rolname = ?"
              + " UNION SELECT a.member FROM pg_auth_members a JOIN m ON a.roleid = m.oid)"
              + " SELECT r.rolname FROM pg_roles r JOIN m ON r.oid = m.oid)");
      params.add(filter.role().groupRole());
    }
    if (filter.action() != null) {
      conditions.add("action = ?");
      params.add(filter.action());
    }
    entity(filter, conditions, params);
    if (filter.from() != null || filter.to() != null) {
      time(c, filter, conditions, params);
    }
    if (filter.text() != null) {
      conditions.add(
          "(old_values::text ILIKE ? ESCAPE '\\' OR new_values::text ILIKE ? ESCAPE '\\')");
      String pattern = "%" + likeEscaped(filter.text()) + "%";
      params.add(pattern);
      params.add(pattern);
    }
    return new Where(
        conditions.isEmpty() ? "TRUE" : String.join(" AND ", conditions), List.copyOf(params));
  }

  /**
   * Entries recorded for {@code actor}, and, when it is a login that may name whom it writes for,
   * also every entry that login wrote for others: a backend write for {@code user:4821@ios} is
   * found under {@code demo_backend} too. Every other login's entries carry it as their actor
   * (arbiter_actor() records it), so its filter stays on audit_log_actor_idx. The naming logins
   * (the backend, the owner, superusers) write densely and are found by the newest-first walk of
   * the primary key; there is no index on db_user, which a rarely writing one would need.
   */
  private static void actor(
      Connection c, String actor, List<String> conditions, List<Object> params)
      throws SQLException {
    if (namesOthers(c, actor)) {
      conditions.add("(actor = ? OR db_user = ?)");
      params.add(actor);
      params.add(actor);
    } else {
      conditions.add("actor = ?");
      params.add(actor);
    }
  }

  /**
   * Whether {@code login} is a role that arbiter_actor() (V3) lets name the actor: a member of
   * marketplace_backend, arbiter_migrator or a superuser. Current membership decides: what a login
   * wrote for others while it was a backend member, before that was revoked, is then found only
   * under the actors it named.
   */
  static boolean namesOthers(Connection c, String login) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = ? AND (r.rolsuper"
                + " OR r.rolname = 'arbiter_migrator'"
                + " OR pg_has_role(r.oid, 'marketplace_backend', 'MEMBER'))) AS names_others")) {
      ps.setString(1, login);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getBoolean("names_others");
      }
    }
  }

  private static void entity(AuditFilter filter, List<String> conditions, List<Object> params) {
    String entity = filter.entity();
    String type = filter.entityType();
    if (entity != null && DISPUTE_REFERENCE.matcher(entity).matches()) {
      conditions.add(
          "entity_type = 'disputes' AND entity_id = (SELECT id::text FROM disputes WHERE reference = ?)");
      params.add(entity);
      if (type != null) {
        conditions.add("entity_type = ?");
        params.add(type);
      }
      return;
    }
    if (entity != null && CONTRACT_REFERENCE.matcher(entity).matches()) {
      conditions.add(
          "entity_type = 'contracts' AND entity_id = (SELECT id::text FROM contracts WHERE reference = ?)");
      params.add(entity);
      if (type != null) {
        conditions.add("entity_type = ?");
        params.add(type);
      }
      return;
    }
    if (type != null) {
      conditions.add("entity_type = ?");
      params.add(type);
    }
    if (entity != null) {
      conditions.add("entity_id = ?");
      params.add(entity);
    }
  }

  private static void time(
      Connection c, AuditFilter filter, List<String> conditions, List<Object> params)
      throws SQLException {
    long last = lastId(c);
    if (filter.from() != null) {
      conditions.add("id >= ? AND occurred_at >= ?");
      params.add(firstIdAtOrAfter(c, filter.from(), last));
      params.add(filter.from());
    }
    if (filter.to() != null) {
      conditions.add("id < ? AND occurred_at < ?");
      params.add(firstIdAtOrAfter(c, filter.to(), last));
      params.add(filter.to());
    }
  }

  /** The lowest id written at or after {@code at}; {@code last + 1} when none was. */
  static long firstIdAtOrAfter(Connection c, Instant at, long last) throws SQLException {
    long low = 1;
    long high = last + 1;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, occurred_at >= ? FROM audit_log WHERE id >= ? ORDER BY id LIMIT 1")) {
      ps.setTimestamp(1, Timestamp.from(at));
      while (low < high) {
        long middle = low + (high - low) / 2;
        ps.setLong(2, middle);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            high = middle;
          } else if (rs.getBoolean(2)) {
            high = middle;
          } else {
            low = Math.max(middle, rs.getLong(1)) + 1;
          }
        }
      }
    }
    return low;
  }

  static long lastId(Connection c) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT coalesce(max(id), 0) FROM audit_log");
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
