package dev.arbiter.app.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * Finds the labels, buttons and cells that show less than their text: JavaFX draws a cut-off {@link
 * Labeled} through a child {@link Text} holding the shortened string (ending in the overrun mark),
 * so comparing the two finds every cut-off value a user would see. Read on the FX thread.
 */
public final class CutOffText {

  private CutOffText() {}

  /** One cut-off value: where it is, what it should say and what it shows. */
  public record Cut(String where, String full, String shown) {
    @Override
    public String toString() {
      return where + ": \"" + full + "\" shown as \"" + shown + "\"";
    }
  }

  /** Every showing {@link Labeled} under {@code root} whose text is cut off. */
  public static List<Cut> under(Node root) {
    List<Cut> cuts = new ArrayList<>();
    walk(root, cuts);
    return cuts;
  }

  private static void walk(Node node, List<Cut> cuts) {
    if (!node.isVisible() || node.getOpacity() == 0) {
      return;
    }
    if (node instanceof Labeled labeled) {
      shownText(labeled)
          .filter(shown -> isCut(labeled.getText(), shown))
          .ifPresent(shown -> cuts.add(new Cut(describe(labeled), labeled.getText(), shown)));
    }
    if (node instanceof Parent parent) {
      for (Node child : parent.getChildrenUnmodifiable()) {
        walk(child, cuts);
      }
    }
  }

  private static java.util.Optional<String> shownText(Labeled labeled) {
    return labeled.getChildrenUnmodifiable().stream()
        .filter(n -> n instanceof Text && n.getStyleClass().contains("text"))
        .map(n -> ((Text) n).getText())
        .findFirst();
  }

  private static boolean isCut(String full, String shown) {
    if (full == null || full.isBlank() || shown == null) {
      return false;
    }
    // A wrapped label shows its whole text over several lines; line breaks aside, it is the same.
    return !shown.replace("\n", " ").strip().equals(full.replace("\n", " ").strip())
        && !shown.replaceAll("\\s+", "").equals(full.replaceAll("\\s+", ""));
  }

  private static String describe(Node node) {
    StringBuilder path = new StringBuilder();
    for (Node n = node; n != null; n = n.getParent()) {
      if (n.getId() != null) {
        path.insert(0, "#" + n.getId() + " ");
        if (path.length() > 60) {
          break;
        }
      }
    }
    return path.toString().strip() + " " + node.getClass().getSimpleName();
  }
}
