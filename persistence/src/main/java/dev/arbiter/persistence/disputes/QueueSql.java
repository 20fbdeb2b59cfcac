package dev.arbiter.persistence.disputes;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.disputes.DisputeStatus;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the queue's SQL from a filter, a sort and a cursor. Everything the user chooses is a bound
 * parameter; only whitelisted {@link SortKey} expressions and fixed predicates are written into the
 * text, so no input can change the statement's shape.
 */
public final class QueueSql {

  static final String COLUMNS =
      "d.id, d.reference, k.client_name, k.freelancer_name, k.contract_reference,"
          + " d.amount_disputed_minor, d.currency, d.reason_code, d.priority, d.status,"
          + " d.assigned_to, d.opened_at, d.response_due_at, d.deadline_action,"
          + " d.deadline_acted_at, d.version";
  static final String FROM = " FROM disputes d JOIN dispute_queue_keys k ON k.dispute_id = d.id";

  /**
   * Open work, written as V95's partial indexes state it. A filter of open statuses only says so in
   * these words, beside its {@code status = ANY (?)} when it picks some of them: the planner can
   * use a partial index only for a predicate it can prove from the statement's text, never from a
   * bound parameter.
   */
  static final String OPEN_WORK = "d.status NOT IN ('resolved', 'closed')";

  /**
   * The same for the sort keys held in {@code dispute_queue_keys}, whose flag V95's trigger keeps
   * equal to the dispute's status.
   */
  static final String OPEN_KEYS = "k.is_open";

  private static final Set<DisputeStatus> OPEN_STATUSES =
      EnumSet.copyOf(Arrays.stream(DisputeStatus.values()).filter(DisputeStatus::isOpen).toList());

  /**
   * A statement's text and its parameters, in order, for {@link
   * dev.arbiter.persistence.access.Jdbc} (the service and the benchmark's raw path bind them the
   * same way, so neither pays a re-plan).
   */
  public record Query(String sql, List<Object> params) {

    /** The parameters as {@code Jdbc}'s varargs. */
    Object[] args() {
      return params.toArray();
    }
  }

  private QueueSql() {}

  /**
   * One keyset page: {@code limit + 1} rows are read so the caller knows whether more follow.
   *
   * @param cursor where to start (exclusive), or null for the first page in {@code direction}
   */
  public static Query page(
      QueueFilter filter, QueueSort sort, QueueCursor cursor, PageDirection direction, int limit) {
    if (cursor != null && cursor.key() != sort.key()) {
      throw new IllegalArgumentException("the cursor belongs to another sort: " + cursor.key());
    }
    SortKey key = sort.key();
    // Reading backwards is reading the reversed order forwards, then flipping the page.
    boolean descending = sort.descending() ^ (direction == PageDirection.BACKWARD);
    List<Object> params = new ArrayList<>();
    List<String> where = conditions(filter, key, params);
    if (cursor != null) {
      where.add(
          "("
              + key.expression()
              + ", "
              + key.idColumn()
              + ") "
              + (descending ? "<" : ">")
              + " (CAST(? AS "
              + key.type().sqlType
              + "), ?)");
      params.add(bindable(cursor.value()));
      params.add(cursor.id());
    }
    String order = descending ? " DESC" : "";
    String sql =
        "SELECT "
            + COLUMNS
            + ", "
            + key.expression()
            + " AS sort_value"
            + FROM
            + whereClause(where)
            + " ORDER BY "
            + key.expression()
            + order
            + ", "
            + key.idColumn()
            + order
            + " LIMIT "
            + (limit + 1);
    return new Query(sql, params);
  }

  /** Counts matching rows, stopping at {@code cap + 1} so a huge match stays cheap. */
  public static Query count(QueueFilter filter, int cap) {
    List<Object> params = new ArrayList<>();
    // Every dispute has its keys row (V30's insert trigger), so only a text filter needs the join;
    // without it the count of open cases reads one small index, not a lookup per case. A live
    // refresh counts on every change it hears.
    String from = filter.text().isEmpty() ? " FROM disputes d" : FROM;
    String inner =
        "SELECT 1" + from + whereClause(conditions(filter, null, params)) + " LIMIT " + (cap + 1);
    return new Query("SELECT count(*) AS matching FROM (" + inner + ") matching", params);
  }

  /** The ids of matching rows (at most {@code cap + 1}), for actions on "all matching". */
  static Query ids(QueueFilter filter, int cap) {
    List<Object> params = new ArrayList<>();
    String sql =
        "SELECT d.id"
            + FROM
            + whereClause(conditions(filter, null, params))
            + " ORDER BY d.id LIMIT "
            + (cap + 1);
    return new Query(sql, params);
  }

  /**
   * The rows of the given disputes that match {@code filter}, with sort values for {@code sort}, in
   * no order: what a live refresh needs to judge whether a change touches the rows on screen.
   */
  static Query matchingRows(List<Long> ids, QueueFilter filter, QueueSort sort) {
    List<Object> params = new ArrayList<>();
    params.add(ids.toArray(Long[]::new));
    List<String> where = new ArrayList<>();
    where.add("d.id = ANY (?)");
    where.addAll(conditions(filter, null, params));
    return rowsWhere(where, sort, params);
  }

  /** The rows of the given disputes, with sort values for {@code sort}, in no order. */
  static Query rows(List<Long> ids, QueueSort sort) {
    return rowsWhere(List.of("d.id = ANY (?)"), sort, List.of((Object) ids.toArray(Long[]::new)));
  }

  private static Query rowsWhere(List<String> where, QueueSort sort, List<Object> params) {
    String sql =
        "SELECT "
            + COLUMNS
            + ", "
            + sort.key().expression()
            + " AS sort_value"
            + FROM
            + whereClause(where);
    return new Query(sql, params);
  }

  /**
   * The filter's predicates; {@code key}, the sort of a page (null for counts and ids), decides how
   * the statuses are said so that the sort's open-work index serves them.
   */
  private static List<String> conditions(QueueFilter filter, SortKey key, List<Object> params) {
    List<String> where = new ArrayList<>();
    Set<DisputeStatus> statuses = filter.statuses();
    if (!statuses.isEmpty() && statuses.stream().allMatch(DisputeStatus::isOpen)) {
      // Said where the sort walks: with the open flag of both tables in one statement, the planner
      // would take them for independent filters and expect a tenth of the open rows to pass.
      where.add(key != null && key.onQueueKeys() ? OPEN_KEYS : OPEN_WORK);
    }
    if (!statuses.isEmpty() && !statuses.equals(OPEN_STATUSES)) {
      IntSummaryStatistics ranks =
          statuses.stream().mapToInt(SortKey::statusRank).summaryStatistics();
      boolean contiguous = ranks.getMax() - ranks.getMin() + 1 == statuses.size();
      if (key == SortKey.STATUS) {
        // The rank is the status, so the statuses bound the index walk (without the range it reads
        // and discards every case ranked before them); literals from an enum, so that a generic
        // plan knows the range too. A contiguous range says all the filter says: the planner would
        // count the same condition twice if the status list stayed beside it.
        where.add(key.expression() + " BETWEEN " + ranks.getMin() + " AND " + ranks.getMax());
      }
      if (key != SortKey.STATUS || !contiguous) {
        where.add("d.status = ANY (?)");
        params.add(dbValues(statuses));
      }
    }
    if (!filter.priorities().isEmpty()) {
      where.add("d.priority = ANY (?)");
      params.add(dbValues(filter.priorities()));
    }
    if (!filter.reasons().isEmpty()) {
      where.add("d.reason_code = ANY (?)");
      params.add(dbValues(filter.reasons()));
    }
    switch (filter.assignee().kind()) {
      case ANY -> {}
      case MINE -> where.add("d.assigned_to = session_user");
      case UNASSIGNED -> where.add("d.assigned_to IS NULL");
      case LOGIN -> {
        where.add("d.assigned_to = ?");
        params.add(filter.assignee().login());
      }
    }
    if (!filter.currencies().isEmpty()) {
      where.add("d.currency = ANY (?)");
      params.add(filter.currencies().stream().sorted().toArray(String[]::new));
    }
    if (filter.minAmountMinor() != null) {
      where.add("d.amount_disputed_minor >= ?");
      params.add(filter.minAmountMinor());
    }
    if (filter.maxAmountMinor() != null) {
      where.add("d.amount_disputed_minor <= ?");
      params.add(filter.maxAmountMinor());
    }
    if (!filter.sla().isEmpty()) {
      where.add(
          filter.sla().stream()
              .sorted()
              .map(SlaState::predicate)
              .collect(Collectors.joining(" OR ", "(", ")")));
    }
    if (!filter.text().isEmpty()) {
      where.add("k.search_key LIKE ?");
      params.add("%" + escapeLike(filter.text().toLowerCase(Locale.ROOT)) + "%");
    }
    return where;
  }

  private static String whereClause(List<String> where) {
    return where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
  }

  private static String[] dbValues(Collection<? extends DatabaseValue> values) {
    return values.stream().map(DatabaseValue::dbValue).sorted().toArray(String[]::new);
  }

  /** LIKE treats % and _ as wildcards and \ as the escape; a search for "50%" means the text. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Object bindable(Object value) {
    // Instants bind as timestamptz through OffsetDateTime, which the driver maps exactly.
    if (value instanceof java.time.Instant instant) {
      return instant.atOffset(java.time.ZoneOffset.UTC);
    }
    if (value instanceof OffsetDateTime || value instanceof String || value instanceof Number) {
      return value;
    }
    throw new IllegalArgumentException("not a sort value: " + value.getClass().getName());
  }
}
