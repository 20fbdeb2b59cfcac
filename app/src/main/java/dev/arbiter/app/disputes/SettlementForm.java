package dev.arbiter.app.disputes;

import dev.arbiter.model.disputes.DisputeOutcome;
import javafx.fxml.FXML;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;

/**
 * The settlement proposal: the outcome, each party's share, the reason finance reads, and whether
 * to escalate first. Only the shares the outcome moves money to can be typed.
 */
final class SettlementForm extends CaseFormBase {

  @FXML private GridPane form;
  @FXML private ComboBox<DisputeOutcome> outcome;
  @FXML private TextField payee;
  @FXML private TextField payer;
  @FXML private Label sharesError;
  @FXML private TextArea reason;
  @FXML private Label reasonError;
  @FXML private CheckBox escalateFirst;

  SettlementForm(CaseFields fields) {
    super(fields);
  }

  @FXML
  private void initialize() {
    CaseForms forms = caseModel().forms();
    outcome.getItems().setAll(DisputeOutcome.values());
    outcome.valueProperty().bindBidirectional(forms.outcomeProperty());
    outcome.setConverter(new OutcomeText());
    payee.textProperty().bindBidirectional(forms.payeeProperty());
    payer.textProperty().bindBidirectional(forms.payerProperty());
    payee
        .disableProperty()
        .bind(
            forms
                .outcomeProperty()
                .isEqualTo(DisputeOutcome.REFUND_TO_PAYER)
                .or(forms.outcomeProperty().isEqualTo(DisputeOutcome.DISMISSED)));
    payer
        .disableProperty()
        .bind(
            forms
                .outcomeProperty()
                .isEqualTo(DisputeOutcome.RELEASE_TO_PAYEE)
                .or(forms.outcomeProperty().isEqualTo(DisputeOutcome.DISMISSED)));
    reason.textProperty().bindBidirectional(forms.reasonProperty());
    fields().keepDraft(reason, "settlement-reason");
    escalateFirst.selectedProperty().bindBidirectional(forms.escalateFirstProperty());
    CaseFields.showError(sharesError, forms.sharesErrorProperty());
    CaseFields.showError(reasonError, forms.reasonErrorProperty());
    form.disableProperty().bind(caseModel().busyProperty());
  }

  @FXML
  private void propose() {
    caseModel().proposeSettlement();
  }

  private static final class OutcomeText extends StringConverter<DisputeOutcome> {
    @Override
    public String toString(DisputeOutcome o) {
      return o == null
          ? ""
          : switch (o) {
            case RELEASE_TO_PAYEE -> "Release to the freelancer (payee)";
            case REFUND_TO_PAYER -> "Refund to the client (payer)";
            case SPLIT -> "Split between them";
            case DISMISSED -> "Dismiss (no money moves)";
          };
    }

    @Override
    public DisputeOutcome fromString(String s) {
      return null;
    }
  }
}
