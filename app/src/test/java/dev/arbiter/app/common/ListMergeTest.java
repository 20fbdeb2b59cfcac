package dev.arbiter.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

class ListMergeTest {

  @Test
  void onlyChangedRowsAreReplacedAndTheTailAdjusted() {
    ObservableList<String> shown = FXCollections.observableArrayList("a", "b", "c", "d");
    List<String> events = new ArrayList<>();
    shown.addListener(
        (ListChangeListener<String>)
            c -> {
              while (c.next()) {
                events.add(
                    c.wasReplaced()
                        ? "replace@" + c.getFrom()
                        : c.wasRemoved() ? "remove@" + c.getFrom() : "add@" + c.getFrom());
              }
            });

    assertThat(ListMerge.update(shown, List.of("a", "B", "c"))).isTrue();

    assertThat(shown).containsExactly("a", "B", "c");
    assertThat(events).containsExactly("replace@1", "remove@3");
  }

  @Test
  void anUnchangedListFiresNothing() {
    ObservableList<String> shown = FXCollections.observableArrayList("a", "b");
    List<Object> events = new ArrayList<>();
    shown.addListener((ListChangeListener<String>) events::add);

    assertThat(ListMerge.update(shown, List.of("a", "b"))).isFalse();
    assertThat(ListMerge.update(shown, List.of("a", "b", "c"))).isTrue();

    assertThat(events).hasSize(1);
    assertThat(shown).containsExactly("a", "b", "c");
  }
}
