package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.access.RowMapper;
import dev.arbiter.persistence.access.Sql;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.hibernate.Session;

/**
 * The WHERE clause of an {@link AuditFilter}, with its parameters. Each filter is written so that
 * an index can lead: entity filters use audit_log_entity_idx (entity_type, entity_id, id DESC), the
 * actor audit_log_actor_idx (actor, id DESC) unless it is a login that writes for others, and
 * everything else the primary key walked newest first.
 *
 * <p>A time range becomes an id range first. audit_append reads the clock only once it holds the
 * chain head, so occurred_at rises with id, and the ids bounding a time are found by a binary
 * search on the primary key (a few dozen index probes, run by the server in one recursive query)
 * instead of a scan of every entry in range. The time condition itself stays in the query, so no
 * entry outside the range is ever shown.
 */
public final class AuditSql {

  /** A kind of reference an entity filter accepts, and the table whose rows it names. */
  private record Reference(Pattern pattern, String table) {}

  // A dispute's reference also has the shape of a contract's, so disputes are tried first.
  private static final List<Reference> REFERENCES =
      List.of(
          new Reference(Pattern.compile("DSP-[0-9]{6,}"), "disputes"),
          new Reference(Pattern.compile("[A-Z]{2,4}-[0-9]{4,}"), "contracts"));

  /**
   * A condition (never empty: {@code TRUE} matches all) and the values for its parameters, times as
   * {@link OffsetDateTime}s, which a session and the driver both bind as timestamptz.
   */
  public record Where(String sql, List<Object> params) {

    /** How many entries match, counted on {@code c}. */
    public long count(Connection c) throws SQLException {
      return Jdbc.list(
              c,
              "SELECT count(*) AS total FROM audit_log WHERE " + sql,
              row -> row.getLong("total"),
              params.toArray())
          .get(0);
    }

    /** The parameters followed by {@code more}, for a query that adds its own. */
    public Object[] args(Object... more) {
      List<Object> all = new ArrayList<>(params);
      all.addAll(List.of(more));
      return all.toArray();
    }
  }

  /**
   * Runs the one-row lookups a filter needs on what the caller reads with: the console's session,
   * or the plain connection an export streams on.
   */
  interface Lookup {
    <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) throws SQLException;

    static Lookup of(Session session) {
      return new Lookup() {
        @Override
        public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params) {
          // Every lookup selects one row; Sql.first would add a LIMIT to one that has its own.
          return Sql.list(session, sql, mapper, params).stream().findFirst();
        }
      };
    }

    static Lookup of(Connection c) {
      return new Lookup() {
        @Override
        public <T> Optional<T> first(String sql, RowMapper<T> mapper, Object... params)
            throws SQLException {
          return Jdbc.list(c, sql, mapper, params).stream().findFirst();
        }
      };
    }
  }

  private AuditSql() {}

  public static Where where(Connection c, AuditFilter filter) throws SQLException {
    return where(Lookup.of(c), filter);
  }

  static Where where(Lookup lookup, AuditFilter filter) throws SQLException {
    List<String> conditions = new ArrayList<>();
    List<Object> params = new ArrayList<>();
    if (filter.actor() != null) {
      actor(lookup, filter.actor(), conditions, params);
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
      time(lookup, filter, conditions, params);
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
      Lookup lookup, String actor, List<String> conditions, List<Object> params)
      throws SQLException {
    if (namesOthers(lookup, actor)) {
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
  static boolean namesOthers(Lookup lookup, String login) throws SQLException {
    return lookup
        .first(
            "SELECT EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = ? AND (r.rolsuper"
                + " OR r.rolname = 'arbiter_migrator'"
                + " OR pg_has_role(r.oid, 'marketplace_backend', 'MEMBER'))) AS names_others",
            row -> row.getBoolean("names_others"),
            login)
        .orElseThrow();
  }

  private static void entity(AuditFilter filter, List<String> conditions, List<Object> params) {
    String entity = filter.entity();
    String type = filter.entityType();
    Reference reference =
        entity == null
            ? null
            : REFERENCES.stream()
                .filter(r -> r.pattern().matcher(entity).matches())
                .findFirst()
                .orElse(null);
    if (reference != null) {
      conditions.add(
          "entity_type = '%1$s' AND entity_id = (SELECT id::text FROM %1$s WHERE reference = ?)"
              .formatted(reference.table()));
      params.add(entity);
    }
    if (type != null) {
      conditions.add("entity_type = ?");
      params.add(type);
    }
    if (entity != null && reference == null) {
      conditions.add("entity_id = ?");
      params.add(entity);
    }
  }

  private static void time(
      Lookup lookup, AuditFilter filter, List<String> conditions, List<Object> params)
      throws SQLException {
    if (filter.from() != null) {
      conditions.add("id >= ? AND occurred_at >= ?");
      params.add(firstIdAtOrAfter(lookup, filter.from()));
      params.add(timestamp(filter.from()));
    }
    if (filter.to() != null) {
      conditions.add("id < ? AND occurred_at < ?");
      params.add(firstIdAtOrAfter(lookup, filter.to()));
      params.add(timestamp(filter.to()));
    }
  }

  /**
   * Each step probes the first entry this login may read from the middle of {@code [low, high)} on:
   * written before the time, the answer lies above it (and above the probed entry); otherwise, or
   * when no entry follows, at or below the middle. It ends where {@code low} meets {@code high}.
   */
  private static final String FIRST_ID_AT_OR_AFTER =
      """
      WITH RECURSIVE search(low, high) AS (
          SELECT 1::bigint, (SELECT coalesce(max(id), 0) FROM audit_log) + 1
        UNION ALL
          SELECT CASE WHEN p.id IS NULL OR p.at_or_after THEN s.low
                      ELSE greatest(m.middle, p.id) + 1 END,
                 CASE WHEN p.id IS NULL OR p.at_or_after THEN m.middle ELSE s.high END
            FROM search s
           CROSS JOIN LATERAL (SELECT s.low + (s.high - s.low) / 2 AS middle) m
            LEFT JOIN LATERAL (SELECT a.id, a.occurred_at >= ? AS at_or_after
                                 FROM audit_log a
                                WHERE a.id >= m.middle
                                ORDER BY a.id
                                LIMIT 1) p ON true
           WHERE s.low < s.high)
      SELECT low AS first_id FROM search WHERE low >= high""";

  /** The lowest id written at or after {@code at}; one above the last entry when none was. */
  static long firstIdAtOrAfter(Lookup lookup, Instant at) throws SQLException {
    return lookup
        .first(FIRST_ID_AT_OR_AFTER, row -> row.getLong("first_id"), timestamp(at))
        .orElseThrow();
  }

  private static OffsetDateTime timestamp(Instant at) {
    return at.atOffset(ZoneOffset.UTC);
  }

  static String likeEscaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
