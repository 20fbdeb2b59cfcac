package dev.arbiter.app.disputes;

import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.ViewLoader;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.persistence.disputes.SavedView;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;

/**
 * The queue's toolbar, bound to {@link QueueActionsViewModel}: saved views, the bulk menu (a
 * priority item per priority, made here), help and the last refusal.
 */
final class QueueToolbar {

  @FXML private ComboBox<SavedView> views;
  @FXML private MenuButton bulk;
  @FXML private Label error;

  private final QueueActionsViewModel actions;
  private final QueueDialogs dialogs;
  private final Supplier<List<QueueItem>> selection;
  private final Node root;

  /**
   * @param selection the rows selected in the queue when a bulk item is picked
   */
  QueueToolbar(
      QueueActionsViewModel actions, QueueDialogs dialogs, Supplier<List<QueueItem>> selection) {
    this.actions = actions;
    this.dialogs = dialogs;
    this.selection = selection;
    this.root = ViewLoader.load(this);
  }

  Node node() {
    return root;
  }

  @FXML
  private void initialize() {
    views.setItems(actions.savedViews());
    views.setConverter(DisplayNames.of(QueueToolbar::viewName));
    error.textProperty().bind(actions.errorProperty());
    for (boolean all : new boolean[] {false, true}) {
      for (DisputePriority p : DisputePriority.values()) {
        MenuItem item =
            new MenuItem(
                "Set priority of "
                    + (all ? "all matching" : "selected")
                    + " to "
                    + Labels.of(p).toLowerCase(Locale.ROOT));
        item.setId((all ? "bulkPriorityAll-" : "bulkPriority-") + p.dbValue());
        item.setOnAction(e -> bulk(all, p));
        bulk.getItems().add(item);
      }
    }
  }

  private static String viewName(SavedView v) {
    return v.name()
        + (v.mine() ? "" : " (" + v.owner() + ")")
        + (v.shared() && v.mine() ? " · shared" : "");
  }

  @FXML
  private void applyView() {
    if (views.getValue() != null) {
      actions.applyView(views.getValue());
    }
  }

  @FXML
  private void saveView() {
    dialogs.askViewName().ifPresent(r -> actions.saveView(r.name(), r.shared()));
  }

  @FXML
  private void assignSelected() {
    bulk(false, null);
  }

  @FXML
  private void assignAll() {
    bulk(true, null);
  }

  @FXML
  private void help() {
    dialogs.showHelp();
  }

  // A null priority assigns to the agent; the preview is confirmed before anything is sent.
  private void bulk(boolean all, DisputePriority priority) {
    actions.preview(
        selection.get(),
        all,
        priority == null ? "Assign to you" : "Set priority " + Labels.of(priority) + " on",
        p -> {
          if (dialogs.confirm("Bulk action", p.description())) {
            if (priority == null) {
              actions.assignToMe(p.targets(), dialogs::showResults);
            } else {
              actions.setPriority(p.targets(), priority, dialogs::showResults);
            }
          }
        });
  }
}
