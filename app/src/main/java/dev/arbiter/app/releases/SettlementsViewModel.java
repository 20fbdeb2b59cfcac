package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.settlements.ProposedSettlement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Settlements support proposed: read them with their dispute, then execute or send back. */
public final class SettlementsViewModel {

  /** Executes or sends back a settlement: (id, note, key) to the database's answer. */
  @FunctionalInterface
  public interface Decision {
    MoneyResult decide(long settlementId, String note, String key);
  }

  /** One proposal as shown. */
  public record SettlementItem(
      long settlementId,
      String dispute,
      String summary,
      String outcome,
      String toPayee,
      String toPayer,
      String held,
      boolean fundsHeld,
      String proposed) {}

  private final Supplier<List<ProposedSettlement>> source;
  private final Decision execute;
  private final Decision sendBack;
  private final TaskRunner tasks;
  private final MoneyFormat money;
  private final DateTimeFormatter time;
  private final ObservableList<SettlementItem> items = FXCollections.observableArrayList();
  private final IntegerProperty selected = new SimpleIntegerProperty(-1);
  private final StringProperty note = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

  public SettlementsViewModel(
      Supplier<List<ProposedSettlement>> source,
      Decision execute,
      Decision sendBack,
      TaskRunner tasks,
      Locale locale,
      ZoneId zone) {
    this.source = source;
    this.execute = execute;
    this.sendBack = sendBack;
    this.tasks = tasks;
    this.money = new MoneyFormat(locale);
    this.time =
        DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(locale)
            .withZone(zone);
  }

  public void reload() {
    busy.set(true);
    tasks
        .run(source::get)
        .onSuccess(
            rows -> {
              busy.set(false);
              items.setAll(rows.stream().map(this::item).toList());
            })
        .onFailure(
            failure -> {
              busy.set(false);
              say(ErrorText.describe(failure), true);
            });
  }

  public void executeSelected() {
    decide(execute, false);
  }

  public void sendBackSelected() {
    if (note.get().isBlank()) {
      say("Write a note for support saying what the proposal needs.", true);
      return;
    }
    decide(sendBack, true);
  }

  private void decide(Decision decision, boolean needsNote) {
    int index = selected.get();
    if (index < 0 || index >= items.size()) {
      say("Select a settlement first.", true);
      return;
    }
    long id = items.get(index).settlementId();
    String text = note.get().isBlank() ? null : note.get().strip();
    String key = IdempotencyKeys.next(needsNote ? "send-back" : "settle");
    busy.set(true);
    tasks
        .run(() -> decision.decide(id, text, key))
        .onSuccess(
            result -> {
              busy.set(false);
              say(result.describe(), !result.ok());
              if (result.ok()) {
                note.set("");
              }
              reload();
            })
        .onFailure(
            failure -> {
              busy.set(false);
              say(ErrorText.describe(failure), true);
            });
  }

  private SettlementItem item(ProposedSettlement s) {
    String outcome =
        switch (s.outcome()) {
          case "release_to_payee" -> "Release to payee";
          case "refund_to_payer" -> "Refund to payer";
          case "split" -> "Split";
          default -> "Dismiss (no money moves)";
        };
    return new SettlementItem(
        s.settlementId(),
        s.disputeReference()
            + " · "
            + s.contractReference()
            + " · "
            + s.reasonCode().replace('_', ' ')
            + " · disputed "
            + money.format(s.amountDisputedMinor(), s.currency()),
        (s.disputeSummary().isBlank() ? "" : s.disputeSummary() + " — ") + "“" + s.reason() + "”",
        outcome,
        s.payee() + ": " + money.format(s.payeeMinor(), s.currency()),
        s.payer() + ": " + money.format(s.payerMinor(), s.currency()),
        s.heldMinor() < 0 ? "no escrow" : money.format(s.heldMinor(), s.currency()) + " held",
        s.heldMinor() >= s.totalMinor(),
        s.proposedByName() + " · " + (s.proposedAt() == null ? "" : time.format(s.proposedAt())));
  }

  private void say(String text, boolean error) {
    message.set(text);
    messageIsError.set(error);
  }

  public ObservableList<SettlementItem> items() {
    return items;
  }

  public IntegerProperty selectedProperty() {
    return selected;
  }

  public StringProperty noteProperty() {
    return note;
  }

  public ReadOnlyStringProperty messageProperty() {
    return message.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty messageIsErrorProperty() {
    return messageIsError.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
