package dev.arbiter.app.disputes;

import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.persistence.disputes.QueueRow;
import java.time.Instant;

/** A queue row with its cells already formatted, so cells only show text. */
public record QueueItem(
    QueueRow row,
    String parties,
    String amount,
    String reason,
    String priority,
    String status,
    String assignee,
    String age,
    String sla,
    boolean breached,
    boolean dueSoon) {

  static QueueItem of(QueueRow row, MoneyFormat money, Instant now) {
    SlaText.Clock clock =
        SlaText.of(row.responseDueAt(), row.deadlineAction(), row.deadlineActedAt(), now);
    return new QueueItem(
        row,
        row.clientName() + " ↔ " + row.freelancerName(),
        money.format(row.amountMinor(), row.currency()),
        Labels.of(row.reason()),
        Labels.of(row.priority()),
        Labels.of(row.status()),
        row.assignedTo() == null ? "unassigned" : row.assignedTo(),
        SlaText.age(row.openedAt(), now),
        clock.text(),
        clock.breached(),
        clock.dueSoon());
  }

  public long id() {
    return row.id();
  }

  public String reference() {
    return row.reference();
  }
}
