package dev.arbiter.app.ledger;

import dev.arbiter.app.common.ErrorText;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.ledger.LedgerFinding;
import dev.arbiter.persistence.ledger.LedgerReport;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The "Verify ledger" button: the same checks as {@code arbiter ledger verify}. */
public final class LedgerHealthViewModel {

  private final Supplier<LedgerReport> verifier;
  private final TaskRunner tasks;
  private final NumberFormat counts;
  private final ReadOnlyStringWrapper verdict =
      new ReadOnlyStringWrapper("Not verified in this session.");
  private final ReadOnlyBooleanWrapper clean = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
  private final ObservableList<String> findings = FXCollections.observableArrayList();

  public LedgerHealthViewModel(Supplier<LedgerReport> verifier, TaskRunner tasks, Locale locale) {
    this.verifier = verifier;
    this.tasks = tasks;
    this.counts = NumberFormat.getIntegerInstance(locale);
  }

  public void verify() {
    if (running.get()) {
      return;
    }
    running.set(true);
    verdict.set("Verifying…");
    tasks
        .run(verifier::get)
        .onSuccess(
            report -> {
              running.set(false);
              clean.set(report.clean());
              findings.setAll(report.findings().stream().map(LedgerFinding::describe).toList());
              String checked =
                  counts.format(report.journals())
                      + " journals, "
                      + counts.format(report.entries())
                      + " entries, "
                      + counts.format(report.wallets())
                      + " wallets and "
                      + counts.format(report.escrows())
                      + " escrows checked";
              verdict.set(
                  report.clean()
                      ? "Ledger is consistent: " + checked + "."
                      : counts.format(report.findings().size())
                          + (report.truncated() ? "+" : "")
                          + " problem(s) found; "
                          + checked
                          + ".");
            })
        .onFailure(
            failure -> {
              running.set(false);
              clean.set(false);
              verdict.set(ErrorText.describe(failure));
            });
  }

  public ReadOnlyStringProperty verdictProperty() {
    return verdict.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty cleanProperty() {
    return clean.getReadOnlyProperty();
  }

  public ReadOnlyBooleanProperty runningProperty() {
    return running.getReadOnlyProperty();
  }

  public ObservableList<String> findings() {
    return findings;
  }
}
