package dev.arbiter.app.ledger;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.KeyedSelection;
import dev.arbiter.app.common.TextCells;
import dev.arbiter.app.ledger.LedgerHealthViewModel.Finding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Ledger health: one button for the same checks as {@code arbiter ledger verify}. */
public final class LedgerHealthView {

  private final VBox root;

  public LedgerHealthView(LedgerHealthViewModel model) {
    Label explain =
        new Label(
            "Checks that every journal balances per currency, that wallet balances equal their"
                + " entries, that each balance_after continues its wallet's running balance, and that"
                + " escrow totals match their journals.");
    explain.setWrapText(true);
    explain.getStyleClass().add(Styles.TEXT_MUTED);
    Button verify = new Button("Verify ledger", new FontIcon(Feather.SHIELD));
    verify.setId("verifyLedgerButton");
    verify.disableProperty().bind(model.runningProperty());
    verify.setOnAction(e -> model.verify());
    Label verdict = new Label();
    verdict.setId("ledgerVerdict");
    verdict.setWrapText(true);
    verdict.textProperty().bind(model.verdictProperty());
    verdict.getStyleClass().add(Styles.TEXT_BOLD);
    model
        .cleanProperty()
        .addListener(
            (obs, was, clean) -> {
              verdict.pseudoClassStateChanged(Styles.STATE_SUCCESS, clean);
              verdict.pseudoClassStateChanged(Styles.STATE_DANGER, !clean);
            });
    Label asOf = new Label();
    asOf.setId("ledgerAsOf");
    asOf.getStyleClass().add(Styles.TEXT_MUTED);
    asOf.textProperty().bind(model.asOfProperty());
    ListView<Finding> findings = new ListView<>(model.findings().rows());
    findings.setId("ledgerFindings");
    findings.setPlaceholder(new Label("No findings."));
    findings.setCellFactory(TextCells.of(Finding::text));
    KeyedSelection.follow(findings.getSelectionModel(), findings.getItems(), model.findings());
    VBox.setVgrow(findings, Priority.ALWAYS);
    root = new VBox(10, explain, verify, verdict, asOf, findings);
  }

  public Node node() {
    return root;
  }
}
