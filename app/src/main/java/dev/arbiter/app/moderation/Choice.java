package dev.arbiter.app.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.scene.control.ComboBox;

/** A combo box entry for a filter whose "all" option is null. */
record Choice<T>(String label, T value) {

  @Override
  public String toString() {
    return label;
  }

  /**
   * Fills {@code combo} with {@code values} (an "all" entry first when {@code all} is not null),
   * shows the entry of {@code target}'s value and sets {@code target} from each pick.
   */
  static <T> void bind(
      ComboBox<Choice<T>> combo,
      String all,
      List<T> values,
      Function<T, String> label,
      ObjectProperty<T> target) {
    List<Choice<T>> items = new ArrayList<>();
    if (all != null) {
      items.add(new Choice<>(all, null));
    }
    values.forEach(v -> items.add(new Choice<>(label.apply(v), v)));
    combo.getItems().setAll(items);
    for (Choice<T> item : items) {
      if (Objects.equals(item.value(), target.get())) {
        combo.setValue(item);
      }
    }
    combo.valueProperty().addListener((obs, old, choice) -> target.set(choice.value()));
  }
}
