package dev.arbiter.app.audit;

import dev.arbiter.app.common.FxmlView;
import dev.arbiter.persistence.audit.AuditActorRole;
import dev.arbiter.persistence.audit.AuditQueryService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.TextField;

/** The filter inputs, bound to the view model; Enter in any field applies them. */
final class AuditFilterBar extends FxmlView<AuditViewModel> {

  static final String ANY = "Any";

  @FXML private ComboBox<String> actor;
  @FXML private ComboBox<String> role;
  @FXML private ComboBox<String> action;
  @FXML private ComboBox<String> entityType;
  @FXML private TextField entity;
  @FXML private DatePicker from;
  @FXML private DatePicker to;
  @FXML private TextField search;

  AuditFilterBar(AuditViewModel model) {
    super(model);
  }

  @FXML
  private void initialize() {
    actor.valueProperty().bindBidirectional(model.actorProperty());
    actor.getEditor().setOnAction(e -> apply());
    choice(role, roleTitles());
    bindRole(role, model.roleProperty());
    choice(action, withAny(AuditQueryService.ACTIONS));
    bindChoice(action, model.actionProperty());
    choice(entityType, withAny(AuditQueryService.ENTITY_TYPES));
    bindChoice(entityType, model.entityTypeProperty());
    entity.textProperty().bindBidirectional(model.entityProperty());
    from.valueProperty().bindBidirectional(model.fromDateProperty());
    to.valueProperty().bindBidirectional(model.toDateProperty());
    search.textProperty().bindBidirectional(model.searchProperty());
  }

  /** Offers these logins in the actor box. */
  void suggestActors(List<String> logins) {
    actor.getItems().setAll(logins);
  }

  @FXML
  private void apply() {
    // An editable box commits typed text only on Enter or focus loss; Apply must see it either way.
    String typed = actor.getEditor().getText();
    if (typed != null && !typed.equals(actor.getValue())) {
      actor.setValue(typed);
    }
    model.apply();
  }

  @FXML
  private void clear() {
    model.clearFilters();
  }

  private static void choice(ComboBox<String> box, List<String> items) {
    box.getItems().setAll(items);
    box.setValue(ANY);
  }

  private static List<String> withAny(List<String> values) {
    List<String> items = new ArrayList<>();
    items.add(ANY);
    items.addAll(values);
    return items;
  }

  private static List<String> roleTitles() {
    return withAny(Arrays.stream(AuditActorRole.values()).map(AuditActorRole::title).toList());
  }

  // "Any" in the box is null in the model, both ways.
  private static void bindChoice(ComboBox<String> box, Property<String> value) {
    box.valueProperty()
        .addListener(
            (obs, was, now) -> value.setValue(now == null || now.equals(ANY) ? null : now));
    value.addListener((obs, was, now) -> box.setValue(now == null ? ANY : now));
  }

  private static void bindRole(ComboBox<String> box, ObjectProperty<AuditActorRole> role) {
    box.valueProperty()
        .addListener(
            (obs, was, now) ->
                role.set(
                    Arrays.stream(AuditActorRole.values())
                        .filter(r -> r.title().equals(now))
                        .findFirst()
                        .orElse(null)));
    role.addListener((obs, was, now) -> box.setValue(now == null ? ANY : now.title()));
  }
}
