package dev.arbiter.app.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Map;
import javafx.fxml.FXMLLoader;

/**
 * Loads the FXML named after a view class ({@code LoginView} loads {@code LoginView.fxml} beside
 * it) with the given, already constructed view as its controller, so views keep constructor
 * injection. The root may be any object the FXML builds: a node, or a whole {@code Dialog}.
 */
public final class ViewLoader {

  private ViewLoader() {}

  public static <T> T load(Object view) {
    return load(view, Map.of());
  }

  /**
   * As {@link #load(Object)}, with {@code parts} built elsewhere (a form two dialogs share) that
   * the FXML places by name: {@code <fx:reference source="form"/>}.
   */
  public static <T> T load(Object view, Map<String, ?> parts) {
    Class<?> type = view.getClass();
    String name = type.getSimpleName() + ".fxml";
    URL fxml = type.getResource(name);
    if (fxml == null) {
      throw new IllegalStateException("missing " + name + " beside " + type.getName());
    }
    FXMLLoader loader = new FXMLLoader(fxml);
    loader.setController(view);
    loader.getNamespace().putAll(parts);
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException("could not load " + name, e);
    }
  }
}
