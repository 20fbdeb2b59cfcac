package dev.arbiter.persistence.moderation;

import java.util.ArrayList;
import java.util.List;

/** The WHERE clause of a queue filter and its parameters, shared by page, count and bulk. */
final class QueueQuery {

  static final String FROM =
      " FROM moderation_items mi CROSS JOIN (SELECT moderation_claim_ttl() AS ttl) s";

  private final StringBuilder where = new StringBuilder(" WHERE mi.status = ?");
  private final List<Object> params = new ArrayList<>();

  QueueQuery(QueueFilter filter) {
    params.add(filter.status().dbValue());
    if (filter.type() != null) {
      where.append(" AND mi.entity_type = ?");
      params.add(filter.type().dbValue());
    }
    if (filter.reason() != null) {
      where.append(" AND mi.reasons @> ARRAY[?]::text[]");
      params.add(filter.reason().dbValue());
    }
    if (filter.minSeverity() != null) {
      where.append(" AND mi.max_severity_rank >= ?");
      params.add(filter.minSeverity().rank());
    }
    switch (filter.claim()) {
      case MINE ->
          where.append(
              " AND mi.assigned_to = session_user::text AND mi.claimed_at > now() - s.ttl");
      case UNCLAIMED ->
          where.append(" AND (mi.assigned_to IS NULL OR mi.claimed_at <= now() - s.ttl)");
      case ANY -> {}
    }
    if (filter.minAge() != null) {
      where.append(" AND mi.first_flagged_at <= now() - make_interval(secs => ?)");
      params.add((double) filter.minAge().toSeconds());
    }
  }

  void after(QueueSort sort, QueueCursor cursor) {
    where.append(" AND ").append(sort.after());
    params.add(cursor.sortValue());
    params.add(cursor.id());
  }

  String where() {
    return where.toString();
  }

  /** The parameters of {@link #where()} in order, followed by {@code more}. */
  Object[] params(Object... more) {
    List<Object> all = new ArrayList<>(params);
    all.addAll(List.of(more));
    return all.toArray();
  }
}
