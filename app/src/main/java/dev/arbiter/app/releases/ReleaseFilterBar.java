package dev.arbiter.app.releases;

import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.FxmlView;
import dev.arbiter.app.releases.ReleaseQueueViewModel.StatusFilter;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery.Sort;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;

/** The release queue's filters, bound to its view model; each reloads the queue when used. */
final class ReleaseFilterBar extends FxmlView<ReleaseQueueViewModel> {

  @FXML private TextField search;
  @FXML private TextField currency;
  @FXML private ChoiceBox<StatusFilter> status;
  @FXML private ChoiceBox<Sort> sort;

  ReleaseFilterBar(ReleaseQueueViewModel model) {
    super(model);
  }

  @FXML
  private void initialize() {
    search.textProperty().bindBidirectional(model.searchProperty());
    currency.textProperty().bindBidirectional(model.currencyProperty());
    status.getItems().setAll(StatusFilter.values());
    sort.getItems().setAll(Sort.values());
    sort.setConverter(DisplayNames.of(Sort::title));
    // A choice box fires an action when its value is bound, so it reloads only from then on.
    status.valueProperty().bindBidirectional(model.statusProperty());
    status.setOnAction(e -> model.reload());
    sort.valueProperty().bindBidirectional(model.sortProperty());
    sort.setOnAction(e -> model.reload());
  }

  @FXML
  private void reload() {
    model.reload();
  }
}
