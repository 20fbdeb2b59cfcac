package dev.arbiter.app.common;

import javafx.scene.Node;

/**
 * A view bound to one model and laid out in the FXML named after its class, with itself as the
 * controller ({@link ViewLoader}). The FXML is loaded by this constructor, so the subclass's {@code
 * initialize} may use {@link #model} and its {@code @FXML} fields, but no field the subclass sets
 * itself; a view that needs more than its model keeps its own constructor and loads itself.
 */
public abstract class FxmlView<M> {

  protected final M model;
  private final Node root;

  protected FxmlView(M model) {
    this.model = model;
    this.root = ViewLoader.load(this);
  }

  public final Node node() {
    return root;
  }
}
