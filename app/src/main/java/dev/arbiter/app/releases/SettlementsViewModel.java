package dev.arbiter.app.releases;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.ledger.MoneyRefusal;
import dev.arbiter.persistence.ledger.MoneyResult;
import dev.arbiter.persistence.settlements.ProposedSettlement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Settlements support proposed: read them with their dispute, then execute or send back. */
public final class SettlementsViewModel {

  /**
   * Executes or sends back a settlement: (id, the version the reviewer read, note, key) to the
   * database's answer, which is the refusal {@code stale} when the proposal changed meanwhile.
   */
  @FunctionalInterface
  public interface Decision {
    MoneyResult decide(long settlementId, int version, String note, String key);
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
      String proposed,
      int version) {}

  private final Supplier<List<ProposedSettlement>> source;
  private final Decision execute;
  private final Decision sendBack;
  private final TaskRunner tasks;
  private final ObservableBooleanValue online;
  private final UnknownOutcomes outcomes;
  private final MoneyFormat money;
  private final DateTimeFormatter time;
  private final ObservableList<SettlementItem> items = FXCollections.observableArrayList();
  private final ObjectProperty<Long> selected = new SimpleObjectProperty<>();
  private final StringProperty note = new SimpleStringProperty("");
  private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper retryable = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper staleDiff = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper reapplyable = new ReadOnlyBooleanWrapper(false);
  private Runnable failed;
  private Runnable reapply;

  public SettlementsViewModel(
      Supplier<List<ProposedSettlement>> source,
      Decision execute,
      Decision sendBack,
      UnknownOutcomes.CommitCheck committed,
      TaskRunner tasks,
      ObservableBooleanValue online,
      Locale locale,
      ZoneId zone) {
    this.source = source;
    this.execute = execute;
    this.sendBack = sendBack;
    this.tasks = tasks;
    this.online = online;
    this.outcomes = new UnknownOutcomes(committed, online, tasks);
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

  /**
   * Re-reads the proposals after the change feed reported changes, merged in place; the selection
   * is by settlement id, so a row moving never turns a decision onto another settlement.
   */
  public void refreshLive(Runnable done) {
    tasks
        .run(source::get)
        .onSuccess(
            rows -> {
              ListMerge.update(items, rows.stream().map(this::item).toList());
              done.run();
            })
        .onFailure(failure -> done.run());
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

  private void decide(Decision decision, boolean sendingBack) {
    Long id = selected.get();
    SettlementItem item =
        id == null
            ? null
            : items.stream().filter(i -> i.settlementId() == id).findFirst().orElse(null);
    if (item == null) {
      say("Select a settlement first.", true);
      return;
    }
    if (!online.get()) {
      say(CheckpointViewModel.OFFLINE, true);
      return;
    }
    String text = note.get().isBlank() ? null : note.get().strip();
    String key = IdempotencyKeys.next(sendingBack ? "send-back" : "settle");
    send(decision, item, text, key);
  }

  /** Sends the decision that was not saved again, under the same key. */
  public void retry() {
    if (failed != null && online.get()) {
      Runnable again = failed;
      failed = null;
      retryable.set(false);
      again.run();
    } else if (failed != null) {
      say(CheckpointViewModel.OFFLINE, true);
    }
  }

  /** Sends the decision a stale refusal turned down again, on the proposal as it is now. */
  public void reapply() {
    if (reapply != null && online.get()) {
      Runnable again = reapply;
      reapply = null;
      reapplyable.set(false);
      staleDiff.set("");
      again.run();
    } else if (reapply != null) {
      say(CheckpointViewModel.OFFLINE, true);
    }
  }

  private void send(Decision decision, SettlementItem item, String text, String key) {
    long id = item.settlementId();
    int version = item.version();
    busy.set(true);
    retryable.set(false);
    reapplyable.set(false);
    staleDiff.set("");
    Runnable again = () -> send(decision, item, text, key);
    tasks
        .run(() -> decision.decide(id, version, text, key))
        .onSuccess(
            result -> {
              if (result.refusal().orElse(null) == MoneyRefusal.STALE) {
                staleRefused(decision, item, text);
              } else {
                decided(result, "");
              }
            })
        .onFailure(
            failure -> {
              if (!UnknownOutcomes.unknown(failure)) {
                busy.set(false);
                notSaved(again, ErrorText.describe(failure));
                return;
              }
              say("Connection lost while saving; checking whether it was saved…", false);
              outcomes.settle(
                  key,
                  committed -> {
                    if (!committed) {
                      busy.set(false);
                      notSaved(again, "It was not saved: the connection dropped first.");
                      return;
                    }
                    // Sent again with the same key only to read the stored answer: a replay.
                    tasks
                        .run(() -> decision.decide(id, version, text, key))
                        .onSuccess(
                            result -> decided(result, "The connection dropped, but it was saved: "))
                        .onFailure(
                            again2 -> {
                              busy.set(false);
                              say("It was saved before the connection dropped.", false);
                              reload();
                            });
                  },
                  gaveUp -> {
                    busy.set(false);
                    notSaved(
                        again,
                        "The database is still out of reach, so it is not known whether it was"
                            + " saved.");
                  });
            });
  }

  // The proposal changed after the reviewer read it: show what changed and offer the same decision
  // on the proposal as it is now, under a new key (it is a new request).
  private void staleRefused(Decision decision, SettlementItem seen, String text) {
    tasks
        .run(source::get)
        .onSuccess(
            rows -> {
              busy.set(false);
              List<SettlementItem> fresh = rows.stream().map(this::item).toList();
              ListMerge.update(items, fresh);
              SettlementItem now =
                  fresh.stream()
                      .filter(i -> i.settlementId() == seen.settlementId())
                      .findFirst()
                      .orElse(null);
              if (now == null) {
                say("Not done: the settlement was decided or withdrawn meanwhile.", true);
                return;
              }
              staleDiff.set("Changed meanwhile:\n" + String.join("\n", changes(seen, now)));
              reapply =
                  () ->
                      send(
                          decision,
                          now,
                          text,
                          IdempotencyKeys.next(decision == execute ? "settle" : "send-back"));
              reapplyable.set(true);
              say(
                  "Not done: the proposal changed since you read it. Check what changed; Re-apply"
                      + " sends your decision on the proposal as it is now.",
                  true);
            })
        .onFailure(
            failure -> {
              busy.set(false);
              say(ErrorText.describe(failure), true);
            });
  }

  /** The fields of a proposal that differ, "To payee: Dana: $40.00 → Dana: $50.00". */
  static List<String> changes(SettlementItem was, SettlementItem now) {
    List<String> lines = new java.util.ArrayList<>();
    change(lines, "Outcome", was.outcome(), now.outcome());
    change(lines, "To payee", was.toPayee(), now.toPayee());
    change(lines, "To payer", was.toPayer(), now.toPayer());
    change(lines, "Escrow", was.held(), now.held());
    change(lines, "Summary and reason", was.summary(), now.summary());
    if (lines.isEmpty()) {
      lines.add("(nothing you can see here; it was updated behind the scenes)");
    }
    return lines;
  }

  private static void change(List<String> lines, String field, String was, String now) {
    if (!was.equals(now)) {
      lines.add(field + ": " + was + " → " + now);
    }
  }

  private void notSaved(Runnable again, String why) {
    failed = again;
    retryable.set(true);
    say(why + " Nothing happens twice: Retry sends the same request again.", true);
  }

  private void decided(MoneyResult result, String prefix) {
    busy.set(false);
    say(prefix + result.describe(), !result.ok());
    if (result.ok()) {
      note.set("");
    }
    reload();
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
        s.proposedByName() + " · " + (s.proposedAt() == null ? "" : time.format(s.proposedAt())),
        s.version());
  }

  private void say(String text, boolean error) {
    message.set(text);
    messageIsError.set(error);
  }

  public ObservableList<SettlementItem> items() {
    return items;
  }

  /** The settlement the reviewer selected, by id; null for none. */
  public ObjectProperty<Long> selectedProperty() {
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

  /** After a stale refusal: what changed in the proposal, one field a line. */
  public ReadOnlyStringProperty staleDiffProperty() {
    return staleDiff.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty reapplyableProperty() {
    return reapplyable.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty retryableProperty() {
    return retryable.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }
}
