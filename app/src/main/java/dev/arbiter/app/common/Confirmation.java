package dev.arbiter.app.common;

import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;

/**
 * A yes/no question before an action on the database. It is a notice, not a form, so it is built
 * here rather than in FXML; its OK waits while the console is offline.
 */
public final class Confirmation {

  private Confirmation() {}

  /**
   * Asks {@code question} over {@code owner}'s window, under {@code title} when there is one.
   *
   * @return whether the user chose OK
   */
  public static boolean ask(Node owner, String title, String question) {
    Alert alert =
        new Alert(Alert.AlertType.CONFIRMATION, question, ButtonType.OK, ButtonType.CANCEL);
    if (title != null) {
      alert.setTitle(title);
    }
    alert.setHeaderText(title);
    alert.getDialogPane().setId("confirmDialog");
    OfflineMarks.needsDatabase(alert.getDialogPane().lookupButton(ButtonType.OK));
    alert.initOwner(owner.getScene() == null ? null : owner.getScene().getWindow());
    return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
  }
}
