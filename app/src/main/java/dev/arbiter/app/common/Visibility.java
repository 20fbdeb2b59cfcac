package dev.arbiter.app.common;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;

/** Nodes that come and go with a condition, taking no room in their layout while hidden. */
public final class Visibility {

  private Visibility() {}

  /** Shows {@code node}, and gives it room in the layout, only while {@code shown} holds. */
  public static void showWhen(Node node, ObservableBooleanValue shown) {
    node.visibleProperty().bind(shown);
    node.managedProperty().bind(node.visibleProperty());
  }
}
