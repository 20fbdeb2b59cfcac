package dev.arbiter.persistence.disputes;

import dev.arbiter.model.disputes.DisputeStatus;

/**
 * The columns the dispute queue sorts by. Each names the SQL expression it orders by and the id
 * column used as the tie-breaker; V30 has a {@code (expression, id)} index for each and V95 one
 * over open work only, so a keyset page never sorts the table. The expressions must stay identical
 * to the migration's.
 */
public enum SortKey {
  REFERENCE("d.reference", "d.id", ValueType.TEXT),
  PARTIES("k.parties_key", "k.dispute_id", ValueType.TEXT),
  CONTRACT("k.contract_reference", "k.dispute_id", ValueType.TEXT),
  AMOUNT("d.amount_disputed_minor", "d.id", ValueType.LONG),
  REASON("d.reason_code", "d.id", ValueType.TEXT),
  PRIORITY("d.priority_rank", "d.id", ValueType.SMALLINT),
  STATUS(
      "(CASE d.status WHEN 'open' THEN 1 WHEN 'under_review' THEN 2 WHEN 'awaiting_parties' THEN 3"
          + " WHEN 'escalated' THEN 4 WHEN 'settling' THEN 5 WHEN 'resolved' THEN 6 ELSE 7 END)",
      "d.id",
      ValueType.INT),
  ASSIGNEE("coalesce(d.assigned_to, '')", "d.id", ValueType.TEXT),
  /** When the dispute was opened; an older dispute has the greater age. */
  OPENED("d.opened_at", "d.id", ValueType.TIMESTAMP),
  /** The SLA clock: the response deadline, with cases without one last. */
  DUE("coalesce(d.response_due_at, 'infinity'::timestamptz)", "d.id", ValueType.TIMESTAMP);

  /** How a sort value is read from and bound to JDBC. */
  enum ValueType {
    TEXT("text"),
    LONG("bigint"),
    INT("integer"),
    SMALLINT("smallint"),
    TIMESTAMP("timestamptz");

    final String sqlType;

    ValueType(String sqlType) {
      this.sqlType = sqlType;
    }
  }

  private final String expression;
  private final String idColumn;
  private final ValueType type;

  SortKey(String expression, String idColumn, ValueType type) {
    this.expression = expression;
    this.idColumn = idColumn;
    this.type = type;
  }

  String expression() {
    return expression;
  }

  String idColumn() {
    return idColumn;
  }

  ValueType type() {
    return type;
  }

  /** A status's value under {@link #STATUS}: its place in the case's life, as the CASE says. */
  static int statusRank(DisputeStatus status) {
    return status.ordinal() + 1;
  }

  /** Whether the key is kept in {@code dispute_queue_keys} rather than in {@code disputes}. */
  boolean onQueueKeys() {
    return idColumn.startsWith("k.");
  }
}
