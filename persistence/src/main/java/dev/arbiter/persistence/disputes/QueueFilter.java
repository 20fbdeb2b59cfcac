package dev.arbiter.persistence.disputes;

import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.ReasonCode;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * What the queue shows. Empty sets mean "any". Amounts are in minor units and apply whatever the
 * currency (pick a currency too for a meaningful range). The text matches the dispute reference,
 * the contract reference and both parties' names, case-insensitively, anywhere in them.
 */
public record QueueFilter(
    Set<DisputeStatus> statuses,
    Set<DisputePriority> priorities,
    Set<ReasonCode> reasons,
    AssigneeFilter assignee,
    Set<String> currencies,
    Long minAmountMinor,
    Long maxAmountMinor,
    Set<SlaState> sla,
    String text) {

  /** Every open case: the default queue. */
  public static final QueueFilter OPEN_CASES =
      new QueueFilter(
          EnumSet.copyOf(
              Arrays.stream(DisputeStatus.values()).filter(DisputeStatus::isOpen).toList()),
          Set.of(),
          Set.of(),
          AssigneeFilter.ANY,
          Set.of(),
          null,
          null,
          Set.of(),
          "");

  /** Every dispute, open or not. */
  public static final QueueFilter EVERYTHING =
      new QueueFilter(
          Set.of(), Set.of(), Set.of(), AssigneeFilter.ANY, Set.of(), null, null, Set.of(), "");

  public QueueFilter {
    statuses = Set.copyOf(Objects.requireNonNull(statuses, "statuses"));
    priorities = Set.copyOf(Objects.requireNonNull(priorities, "priorities"));
    reasons = Set.copyOf(Objects.requireNonNull(reasons, "reasons"));
    assignee = Objects.requireNonNull(assignee, "assignee");
    currencies = Set.copyOf(Objects.requireNonNull(currencies, "currencies"));
    sla = Set.copyOf(Objects.requireNonNull(sla, "sla"));
    text = text == null ? "" : text.strip();
    if (minAmountMinor != null && maxAmountMinor != null && minAmountMinor > maxAmountMinor) {
      throw new IllegalArgumentException("The smallest amount is above the largest.");
    }
  }

  public QueueFilter withStatuses(Set<DisputeStatus> value) {
    return with(d -> d.statuses = value);
  }

  public QueueFilter withPriorities(Set<DisputePriority> value) {
    return with(d -> d.priorities = value);
  }

  public QueueFilter withReasons(Set<ReasonCode> value) {
    return with(d -> d.reasons = value);
  }

  public QueueFilter withAssignee(AssigneeFilter value) {
    return with(d -> d.assignee = value);
  }

  public QueueFilter withCurrencies(Set<String> value) {
    return with(d -> d.currencies = value);
  }

  public QueueFilter withAmountRange(Long min, Long max) {
    return with(
        d -> {
          d.minAmountMinor = min;
          d.maxAmountMinor = max;
        });
  }

  public QueueFilter withSla(Set<SlaState> value) {
    return with(d -> d.sla = value);
  }

  public QueueFilter withText(String value) {
    return with(d -> d.text = value);
  }

  // Each wither names only what it changes, so none can pass the other eight on in the wrong
  // place; the copy is checked by the compact constructor like any other filter.
  private QueueFilter with(Consumer<Draft> change) {
    Draft draft = new Draft(this);
    change.accept(draft);
    return draft.filter();
  }

  /** A filter being changed. */
  private static final class Draft {
    Set<DisputeStatus> statuses;
    Set<DisputePriority> priorities;
    Set<ReasonCode> reasons;
    AssigneeFilter assignee;
    Set<String> currencies;
    Long minAmountMinor;
    Long maxAmountMinor;
    Set<SlaState> sla;
    String text;

    Draft(QueueFilter f) {
      statuses = f.statuses;
      priorities = f.priorities;
      reasons = f.reasons;
      assignee = f.assignee;
      currencies = f.currencies;
      minAmountMinor = f.minAmountMinor;
      maxAmountMinor = f.maxAmountMinor;
      sla = f.sla;
      text = f.text;
    }

    QueueFilter filter() {
      return new QueueFilter(
          statuses,
          priorities,
          reasons,
          assignee,
          currencies,
          minAmountMinor,
          maxAmountMinor,
          sla,
          text);
    }
  }
}
