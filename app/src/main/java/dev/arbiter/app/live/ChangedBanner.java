package dev.arbiter.app.live;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.OfflineMarks;
import javafx.beans.value.ObservableStringValue;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The note a record view shows when the record changed under the user: what changed, field by
 * field, and by whom. It stays until dismissed or the user acts, so a change is never missed.
 */
public final class ChangedBanner extends HBox {

  private final Label text = new Label();

  public ChangedBanner() {
    super(8);
    setId("recordChangedBanner");
    getStyleClass().add("record-changed-banner");
    setAlignment(Pos.CENTER_LEFT);
    text.setId("recordChangedText");
    text.setWrapText(true);
    // A wrapped label may otherwise be squeezed to one line and cut the change list off.
    text.setMinHeight(Region.USE_PREF_SIZE);
    text.setGraphic(new FontIcon(Feather.REFRESH_CW));
    HBox.setHgrow(text, Priority.ALWAYS);
    text.setMaxWidth(Double.MAX_VALUE);
    Button dismiss = new Button(null, new FontIcon(Feather.X));
    dismiss.setId("recordChangedDismiss");
    dismiss.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, OfflineMarks.WORKS_OFFLINE);
    dismiss.setOnAction(e -> hide());
    getChildren().setAll(text, dismiss);
    hide();
  }

  /**
   * A banner that shows {@code text} while it is not empty: the record's view model says what
   * changed, and clears it when the change is acknowledged.
   */
  public static ChangedBanner following(ObservableStringValue text) {
    ChangedBanner banner = new ChangedBanner();
    text.addListener(
        (obs, was, now) -> {
          if (now.isEmpty()) {
            banner.hide();
          } else {
            banner.show(now);
          }
        });
    return banner;
  }

  /** Runs {@code action} each time the banner goes away: dismissed, or its text cleared. */
  public void onHidden(Runnable action) {
    visibleProperty()
        .addListener(
            (obs, was, visible) -> {
              if (!visible) {
                action.run();
              }
            });
  }

  /** Shows {@code message}, e.g. "Changed by Fran Finance: status open → escalated". */
  public void show(String message) {
    text.setText(message);
    setVisible(true);
    setManaged(true);
  }

  public void hide() {
    text.setText("");
    setVisible(false);
    setManaged(false);
  }

  public String message() {
    return text.getText();
  }
}
