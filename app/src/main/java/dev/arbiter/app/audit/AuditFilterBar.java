package dev.arbiter.app.audit;

import atlantafx.base.theme.Styles;
import dev.arbiter.persistence.audit.AuditActorRole;
import dev.arbiter.persistence.audit.AuditQueryService;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The filter inputs, bound to the view model; Enter in any field applies them. */
final class AuditFilterBar {

  static final String ANY = "Any";

  private final FlowPane root = new FlowPane(10, 8);
  private final ComboBox<String> actor = new ComboBox<>();

  AuditFilterBar(AuditViewModel model) {
    actor.setId("auditActor");
    actor.setEditable(true);
    actor.setPromptText("anyone");
    actor.setPrefWidth(140);
    actor.valueProperty().bindBidirectional(model.actorProperty());
    actor.setTooltip(
        new Tooltip(
            "A login (the backend's includes what it wrote for the users it named), or the user"
                + " or service the backend named (user:4821@ios)"));

    ComboBox<String> role = choice("auditRole", roleTitles(), 110);
    bindRole(role, model.roleProperty());
    ComboBox<String> action = choice("auditAction", withAny(AuditQueryService.ACTIONS), 100);
    bindChoice(action, model.actionProperty());
    ComboBox<String> type = choice("auditEntityType", withAny(AuditQueryService.ENTITY_TYPES), 160);
    bindChoice(type, model.entityTypeProperty());

    TextField entity = new TextField();
    entity.setId("auditEntity");
    entity.setPromptText("id or DSP-000123");
    entity.setPrefWidth(150);
    entity.textProperty().bindBidirectional(model.entityProperty());
    entity.setTooltip(
        new Tooltip(
            "A record id, or a dispute (DSP-000123) or contract reference: one record's history"));

    DatePicker from = new DatePicker();
    from.setId("auditFrom");
    from.setPrefWidth(124);
    from.setPromptText("from");
    from.valueProperty().bindBidirectional(model.fromDateProperty());
    DatePicker to = new DatePicker();
    to.setId("auditTo");
    to.setPrefWidth(124);
    to.setPromptText("to (incl.)");
    to.valueProperty().bindBidirectional(model.toDateProperty());

    TextField search = new TextField();
    search.setId("auditSearch");
    search.setPromptText("text in values");
    search.setPrefWidth(150);
    search.textProperty().bindBidirectional(model.searchProperty());

    Button apply = new Button("Apply", new FontIcon(Feather.SEARCH));
    apply.setId("auditApply");
    apply.getStyleClass().add(Styles.ACCENT);
    apply.setOnAction(e -> apply(model));
    Button clear = new Button("Clear");
    clear.setId("auditClear");
    clear.setOnAction(e -> model.clearFilters());
    for (TextField field : List.of(entity, search, actor.getEditor())) {
      field.setOnAction(e -> apply(model));
    }

    root.getChildren()
        .addAll(
            labelled("Actor", actor),
            labelled("Role", role),
            labelled("Action", action),
            labelled("Entity type", type),
            labelled("Entity", entity),
            labelled("From", from),
            labelled("To", to),
            labelled("Text", search),
            labelled(" ", new javafx.scene.layout.HBox(6, apply, clear)));
    root.setAlignment(Pos.BOTTOM_LEFT);
    root.getStyleClass().add("audit-filters");
  }

  Node node() {
    return root;
  }

  /** Offers these logins in the actor box. */
  void suggestActors(List<String> logins) {
    actor.getItems().setAll(logins);
  }

  private void apply(AuditViewModel model) {
    // An editable box commits typed text only on Enter or focus loss; Apply must see it either way.
    String typed = actor.getEditor().getText();
    if (typed != null && !typed.equals(actor.getValue())) {
      actor.setValue(typed);
    }
    model.apply();
  }

  private static VBox labelled(String caption, Node control) {
    Label label = new Label(caption);
    label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    return new VBox(3, label, control);
  }

  private static ComboBox<String> choice(String id, List<String> items, double width) {
    ComboBox<String> box = new ComboBox<>();
    box.setId(id);
    box.getItems().setAll(items);
    box.setValue(ANY);
    box.setPrefWidth(width);
    return box;
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
