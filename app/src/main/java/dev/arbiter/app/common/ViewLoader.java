package dev.arbiter.app.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads the FXML named after a view class ({@code LoginView} loads {@code LoginView.fxml} beside
 * it) with the given, already constructed view as its controller, so views keep constructor
 * injection.
 */
public final class ViewLoader {

  private ViewLoader() {}

  public static Parent load(Object view) {
    Class<?> type = view.getClass();
    String name = type.getSimpleName() + ".fxml";
    URL fxml = type.getResource(name);
    if (fxml == null) {
      throw new IllegalStateException("missing " + name + " beside " + type.getName());
    }
    FXMLLoader loader = new FXMLLoader(fxml);
    loader.setController(view);
    try {
      return loader.load();
    } catch (IOException e) {
      throw new UncheckedIOException("could not load " + name, e);
    }
  }
}
