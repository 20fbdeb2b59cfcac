package dev.arbiter.app.disputes;

import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.ReasonCode;
import dev.arbiter.model.money.Money;
import dev.arbiter.model.money.MoneyFormatException;
import dev.arbiter.persistence.disputes.AssigneeFilter;
import dev.arbiter.persistence.disputes.DisputeCaseService.Agent;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.SlaState;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The queue's filter bar as properties: one choice per dimension, the amount range and the search
 * text. It turns them into a {@link QueueFilter} (or a message for a bad amount) and back.
 */
public final class QueueFilterViewModel {

  private final ObservableList<Option<Set<DisputeStatus>>> statuses =
      FXCollections.observableArrayList();
  private final ObservableList<Option<Set<DisputePriority>>> priorities =
      FXCollections.observableArrayList();
  private final ObservableList<Option<Set<ReasonCode>>> reasons =
      FXCollections.observableArrayList();
  private final ObservableList<Option<AssigneeFilter>> assignees =
      FXCollections.observableArrayList();
  private final ObservableList<Option<Set<SlaState>>> slaStates =
      FXCollections.observableArrayList();
  private final ObjectProperty<Option<Set<DisputeStatus>>> status = new SimpleObjectProperty<>();
  private final ObjectProperty<Option<Set<DisputePriority>>> priority =
      new SimpleObjectProperty<>();
  private final ObjectProperty<Option<Set<ReasonCode>>> reason = new SimpleObjectProperty<>();
  private final ObjectProperty<Option<AssigneeFilter>> assignee = new SimpleObjectProperty<>();
  private final ObjectProperty<Option<Set<SlaState>>> sla = new SimpleObjectProperty<>();
  private final StringProperty currency = new SimpleStringProperty("");
  private final StringProperty minAmount = new SimpleStringProperty("");
  private final StringProperty maxAmount = new SimpleStringProperty("");
  private final StringProperty search = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");

  public QueueFilterViewModel() {
    statuses.add(new Option<>("Open cases", QueueFilter.OPEN_CASES.statuses()));
    statuses.add(new Option<>("All statuses", Set.of()));
    Arrays.stream(DisputeStatus.values())
        .forEach(s -> statuses.add(new Option<>(Labels.of(s), EnumSet.of(s))));
    priorities.add(new Option<>("Any priority", Set.of()));
    Arrays.stream(DisputePriority.values())
        .forEach(p -> priorities.add(new Option<>(Labels.of(p), EnumSet.of(p))));
    reasons.add(new Option<>("Any reason", Set.of()));
    Arrays.stream(ReasonCode.values())
        .forEach(r -> reasons.add(new Option<>(Labels.of(r), EnumSet.of(r))));
    assignees.add(new Option<>("Anyone", AssigneeFilter.ANY));
    assignees.add(new Option<>("Mine", AssigneeFilter.MINE));
    assignees.add(new Option<>("Unassigned", AssigneeFilter.UNASSIGNED));
    slaStates.add(new Option<>("Any SLA", Set.of()));
    slaStates.add(new Option<>("Breached", EnumSet.of(SlaState.BREACHED)));
    slaStates.add(new Option<>("Due soon", EnumSet.of(SlaState.DUE_SOON)));
    slaStates.add(new Option<>("On track", EnumSet.of(SlaState.ON_TRACK)));
    slaStates.add(new Option<>("No deadline", EnumSet.of(SlaState.NO_DEADLINE)));
    show(QueueFilter.OPEN_CASES);
  }

  /** Adds the support agents to the assignee choices. */
  public void addAgents(List<Agent> agents) {
    for (Agent agent : agents) {
      AssigneeFilter value = AssigneeFilter.login(agent.login());
      if (assignees.stream().noneMatch(o -> o.value().equals(value))) {
        assignees.add(new Option<>(agent.displayName(), value));
      }
    }
  }

  /** The filter the form describes, or null (with {@link #errorProperty()} set) if it has none. */
  public QueueFilter toFilter() {
    String code = currency.get() == null ? "" : currency.get().strip().toUpperCase(Locale.ROOT);
    if (!code.isEmpty() && !code.matches("[A-Z]{3}")) {
      error.set("A currency is three letters, such as EUR.");
      return null;
    }
    Long min;
    Long max;
    try {
      min = amount(minAmount.get(), code);
      max = amount(maxAmount.get(), code);
    } catch (MoneyFormatException e) {
      error.set("Amount: " + e.getMessage());
      return null;
    }
    if (min != null && max != null && min > max) {
      error.set("The smallest amount is above the largest.");
      return null;
    }
    error.set("");
    return new QueueFilter(
        value(status, QueueFilter.OPEN_CASES.statuses()),
        value(priority, Set.of()),
        value(reason, Set.of()),
        value(assignee, AssigneeFilter.ANY),
        code.isEmpty() ? Set.of() : Set.of(code),
        min,
        max,
        value(sla, Set.of()),
        search.get());
  }

  private static Long amount(String text, String currency) {
    if (text == null || text.isBlank()) {
      return null;
    }
    return Money.parse(text, currency.isEmpty() ? "USD" : currency).minor();
  }

  private static <T> T value(ObjectProperty<Option<T>> choice, T fallback) {
    return choice.get() == null ? fallback : choice.get().value();
  }

  /** Sets the form to show {@code filter} (a saved view, the last session's filter). */
  public void show(QueueFilter filter) {
    status.set(pick(statuses, filter.statuses()));
    priority.set(pick(priorities, filter.priorities()));
    reason.set(pick(reasons, filter.reasons()));
    if (assignees.stream().noneMatch(o -> o.value().equals(filter.assignee()))) {
      assignees.add(new Option<>(filter.assignee().login(), filter.assignee()));
    }
    assignee.set(pick(assignees, filter.assignee()));
    sla.set(pick(slaStates, filter.sla()));
    currency.set(filter.currencies().isEmpty() ? "" : filter.currencies().iterator().next());
    String code = filter.currencies().isEmpty() ? "USD" : filter.currencies().iterator().next();
    minAmount.set(plain(filter.minAmountMinor(), code));
    maxAmount.set(plain(filter.maxAmountMinor(), code));
    search.set(filter.text());
    error.set("");
  }

  private static String plain(Long minor, String currency) {
    return minor == null ? "" : Money.of(minor, currency).toPlainString();
  }

  private static <T> Option<T> pick(List<Option<T>> options, T value) {
    return options.stream()
        .filter(o -> Objects.equals(o.value(), value))
        .findFirst()
        .orElse(options.get(0));
  }

  public ObservableList<Option<Set<DisputeStatus>>> statuses() {
    return statuses;
  }

  public ObservableList<Option<Set<DisputePriority>>> priorities() {
    return priorities;
  }

  public ObservableList<Option<Set<ReasonCode>>> reasons() {
    return reasons;
  }

  public ObservableList<Option<AssigneeFilter>> assignees() {
    return assignees;
  }

  public ObservableList<Option<Set<SlaState>>> slaStates() {
    return slaStates;
  }

  public ObjectProperty<Option<Set<DisputeStatus>>> statusProperty() {
    return status;
  }

  public ObjectProperty<Option<Set<DisputePriority>>> priorityProperty() {
    return priority;
  }

  public ObjectProperty<Option<Set<ReasonCode>>> reasonProperty() {
    return reason;
  }

  public ObjectProperty<Option<AssigneeFilter>> assigneeProperty() {
    return assignee;
  }

  public ObjectProperty<Option<Set<SlaState>>> slaProperty() {
    return sla;
  }

  public StringProperty currencyProperty() {
    return currency;
  }

  public StringProperty minAmountProperty() {
    return minAmount;
  }

  public StringProperty maxAmountProperty() {
    return maxAmount;
  }

  public StringProperty searchProperty() {
    return search;
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }
}
