package dev.arbiter.app.disputes;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.model.money.Money;
import dev.arbiter.model.money.MoneyFormatException;
import dev.arbiter.persistence.disputes.ActionResult;
import dev.arbiter.persistence.disputes.DisputeActionRefused;
import dev.arbiter.persistence.disputes.DisputeCase;
import dev.arbiter.persistence.disputes.DisputeCommand;
import dev.arbiter.persistence.disputes.DisputeCommandRules;
import dev.arbiter.persistence.disputes.DisputeSnapshot;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One open case and the agent's actions on it. Every action becomes a {@link DisputeCommand}
 * carrying the version the agent saw; inputs are checked first (messages go next to the field),
 * money-moving or hard-to-undo commands ask for confirmation, and a stale view is refused with what
 * changed, then reloaded.
 */
public final class DisputeCaseViewModel {

  /** Reads a case (the case service, or a fake). */
  public interface CaseSource {
    Optional<DisputeCase> load(long id);
  }

  /** Runs a command (the action service, or a fake). */
  public interface CommandRunner {
    ActionResult execute(DisputeCommand command);
  }

  /** Asks the agent to confirm a command; the view shows a dialog. */
  public interface Confirmer {
    boolean confirm(String description);
  }

  /** The format of deadlines typed by hand. */
  public static final DateTimeFormatter DUE_FORMAT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CaseSource source;
  private final CommandRunner runner;
  private final TaskRunner tasks;
  private final Clock clock;
  private final ZoneId zone;
  private final String login;
  private final Consumer<Long> onChanged;
  private final CaseForms forms = new CaseForms();
  private final ReadOnlyObjectWrapper<DisputeCase> current = new ReadOnlyObjectWrapper<>();
  private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
  private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
  private final ObservableList<String> staleChanges = FXCollections.observableArrayList();
  private Confirmer confirmer = description -> true;
  private long loadGeneration;

  public DisputeCaseViewModel(
      CaseSource source,
      CommandRunner runner,
      TaskRunner tasks,
      Clock clock,
      ZoneId zone,
      String login,
      Consumer<Long> onChanged) {
    this.source = source;
    this.runner = runner;
    this.tasks = tasks;
    this.clock = clock;
    this.zone = zone;
    this.login = login;
    this.onChanged = onChanged;
  }

  /** Opens the case {@code id}, replacing the one shown (and its unsent inputs). */
  public void open(long id) {
    DisputeCase shown = current.get();
    if (shown == null || shown.header().id() != id) {
      forms.reset();
      staleChanges.clear();
      notice.set("");
    }
    load(id, false);
  }

  /** Reads the open case again. */
  public void reload() {
    if (current.get() != null) {
      load(current.get().header().id(), false);
    }
  }

  /** Reads the case again and keeps the refusal on screen, so the agent sees what changed. */
  private void reloadKeepingRefusal() {
    load(current.get().header().id(), true);
  }

  private void load(long id, boolean keepRefusal) {
    long mine = ++loadGeneration;
    busy.set(true);
    tasks
        .run(() -> source.load(id))
        .onSuccess(
            found -> {
              if (mine != loadGeneration) {
                return;
              }
              busy.set(false);
              if (found.isEmpty()) {
                error.set("That dispute no longer exists.");
                return;
              }
              if (!keepRefusal) {
                error.set("");
              }
              current.set(found.get());
            })
        .onFailure(
            failure -> {
              if (mine == loadGeneration) {
                busy.set(false);
                error.set(ErrorText.describe(failure));
              }
            });
  }

  public void sendReply() {
    post(MessageVisibility.PARTIES, forms.reply.get());
  }

  public void addNote() {
    post(MessageVisibility.INTERNAL, forms.note.get());
  }

  private void post(MessageVisibility visibility, String body) {
    withCase(
        seen ->
            run(
                new DisputeCommand.PostMessage(seen, visibility, body, DisputeCommand.newKey()),
                () ->
                    (visibility == MessageVisibility.INTERNAL ? forms.note : forms.reply).set("")));
  }

  public void assignToMe() {
    assignTo(login, "you");
  }

  /** Assigns the case to {@code agentLogin} (null: to nobody). */
  public void assignTo(String agentLogin, String agentName) {
    withCase(
        seen ->
            run(
                new DisputeCommand.Assign(seen, agentLogin, agentName, DisputeCommand.newKey()),
                () -> {}));
  }

  public void changeStatus(DisputeStatus target) {
    withCase(
        seen ->
            run(new DisputeCommand.ChangeStatus(seen, target, DisputeCommand.newKey()), () -> {}));
  }

  public void escalate() {
    changeStatus(DisputeStatus.ESCALATED);
  }

  public void changePriority(DisputePriority priority) {
    withCase(
        seen ->
            run(
                new DisputeCommand.ChangePriority(seen, priority, DisputeCommand.newKey()),
                () -> {}));
  }

  /**
   * Sets the deadline typed in the form ("yyyy-MM-dd HH:mm", local time), or clears it if empty.
   */
  public void setDeadline() {
    forms.clearErrors();
    String text = forms.due.get() == null ? "" : forms.due.get().strip();
    java.time.Instant due = null;
    if (!text.isEmpty()) {
      try {
        due = LocalDateTime.parse(text, DUE_FORMAT).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        forms.dueError.set("Write the deadline as 2025-03-01 14:30.");
        return;
      }
    }
    java.time.Instant when = due;
    withCase(
        seen ->
            run(
                new DisputeCommand.SetDeadline(
                    seen, when, forms.deadlineAction.get().value(), DisputeCommand.newKey()),
                () -> {}));
  }

  /** Fills the deadline field with now plus {@code hours}. */
  public void dueIn(int hours) {
    forms.due.set(
        LocalDateTime.ofInstant(clock.instant().plusSeconds(hours * 3600L), zone)
            .format(DUE_FORMAT));
  }

  public void proposeSettlement() {
    forms.clearErrors();
    DisputeCase shown = current.get();
    if (shown == null) {
      return;
    }
    String currency = shown.header().currency();
    DisputeOutcome outcome = forms.outcome.get();
    long payee;
    long payer;
    try {
      payee = share(forms.payee.get(), currency, outcome != DisputeOutcome.REFUND_TO_PAYER);
      payer = share(forms.payer.get(), currency, outcome != DisputeOutcome.RELEASE_TO_PAYEE);
    } catch (MoneyFormatException e) {
      forms.sharesError.set(e.getMessage());
      return;
    }
    if (outcome == DisputeOutcome.DISMISSED) {
      payee = 0;
      payer = 0;
    }
    long payeeMinor = payee;
    long payerMinor = payer;
    withCase(
        seen ->
            run(
                new DisputeCommand.ProposeSettlement(
                    seen,
                    outcome,
                    payeeMinor,
                    payerMinor,
                    forms.reason.get(),
                    forms.escalateFirst.get(),
                    DisputeCommand.newKey()),
                () -> {
                  forms.payee.set("");
                  forms.payer.set("");
                  forms.reason.set("");
                }));
  }

  private static long share(String text, String currency, boolean used) {
    if (!used || text == null || text.isBlank()) {
      return 0;
    }
    return Money.parse(text, currency).minor();
  }

  private void withCase(Consumer<DisputeSnapshot> action) {
    DisputeCase shown = current.get();
    if (shown != null && !busy.get()) {
      action.accept(shown.snapshot());
    }
  }

  private void run(DisputeCommand command, Runnable onDone) {
    forms.clearErrors();
    DisputeCase shown = current.get();
    Optional<DisputeActionRefused> problem =
        DisputeCommandRules.check(command, clock.instant(), shown.header().heldMinor());
    if (problem.isPresent()) {
      showRefusal(command, problem.get());
      return;
    }
    if (command.needsConfirmation() && !confirmer.confirm(command.description())) {
      return;
    }
    busy.set(true);
    tasks
        .run(() -> runner.execute(command))
        .onSuccess(
            result -> {
              busy.set(false);
              error.set("");
              staleChanges.clear();
              notice.set(result.message());
              onDone.run();
              onChanged.accept(command.seen().id());
              reload();
            })
        .onFailure(
            failure -> {
              busy.set(false);
              if (failure instanceof DisputeActionRefused refused) {
                showRefusal(command, refused);
              } else {
                error.set(ErrorText.describe(failure));
              }
            });
  }

  private void showRefusal(DisputeCommand command, DisputeActionRefused refused) {
    String field = refused.field();
    if ("body".equals(field) && command instanceof DisputeCommand.PostMessage m) {
      field = m.visibility() == MessageVisibility.INTERNAL ? "note" : "body";
    }
    if (field != null && forms.showError(field, refused.getMessage())) {
      return;
    }
    error.set(refused.getMessage());
    if (refused.reason() == DisputeActionRefused.Reason.STALE) {
      staleChanges.setAll(
          refused.changes().stream()
              .map(c -> c.field() + ": " + c.seen() + " → " + c.now())
              .toList());
      // Show the case as it is now; the agent's typed text stays in the form.
      reloadKeepingRefusal();
      onChanged.accept(command.seen().id());
    }
  }

  /** The statuses the agent may move the case to by hand from where it is. */
  public List<DisputeStatus> manualMoves() {
    DisputeCase shown = current.get();
    if (shown == null) {
      return List.of();
    }
    DisputeStatus status = shown.header().status();
    return status.nextStatuses().stream()
        .filter(s -> s != DisputeStatus.SETTLING && !status.requiresMoneyFunction(s))
        .sorted()
        .toList();
  }

  public void setConfirmer(Confirmer confirmer) {
    this.confirmer = confirmer;
  }

  public CaseForms forms() {
    return forms;
  }

  public String login() {
    return login;
  }

  public Clock clock() {
    return clock;
  }

  public ZoneId zone() {
    return zone;
  }

  public ReadOnlyObjectProperty<DisputeCase> currentProperty() {
    return current.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty errorProperty() {
    return error.getReadOnlyProperty();
  }

  public ReadOnlyStringProperty noticeProperty() {
    return notice.getReadOnlyProperty();
  }

  public ObservableList<String> staleChanges() {
    return staleChanges;
  }
}
