package dev.arbiter.app.help;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Draws the help pages' small Markdown subset with plain controls (javafx-web is not shipped):
 * {@code #}, {@code ##} and {@code ###} headings, paragraphs, {@code -} and {@code 1.} list items,
 * {@code **bold**} and {@code `keys`}. Anything else shows as the text it is, which is still
 * readable.
 */
final class HelpText {

  private HelpText() {}

  static VBox render(String markdown) {
    VBox page = new VBox(8);
    page.getStyleClass().add("help-page");
    StringBuilder paragraph = new StringBuilder();
    for (String raw : markdown.split("\n", -1)) {
      String line = raw.strip();
      boolean item = line.startsWith("- ") || line.matches("^\\d+\\. .*");
      if (line.isEmpty() || line.startsWith("#") || item) {
        flush(paragraph, page);
      }
      if (line.startsWith("#")) {
        page.getChildren().add(heading(line));
      } else if (item) {
        page.getChildren().add(item(line));
      } else if (!line.isEmpty()) {
        paragraph.append(paragraph.isEmpty() ? "" : " ").append(line);
      }
    }
    flush(paragraph, page);
    return page;
  }

  private static void flush(StringBuilder paragraph, VBox page) {
    if (!paragraph.isEmpty()) {
      page.getChildren().add(flow(paragraph.toString(), "help-paragraph"));
      paragraph.setLength(0);
    }
  }

  private static Label heading(String line) {
    int level = Math.min(3, (int) line.chars().takeWhile(c -> c == '#').count());
    Label heading = new Label(line.substring(level).strip());
    heading.setWrapText(true);
    heading.getStyleClass().addAll("help-heading", "help-h" + level);
    if (level == 1) {
      heading.setId("helpTitle");
    }
    return heading;
  }

  private static Node item(String line) {
    boolean bullet = line.startsWith("- ");
    String marker = bullet ? "•" : line.substring(0, line.indexOf('.') + 1);
    String body = bullet ? line.substring(2) : line.substring(line.indexOf('.') + 2);
    TextFlow flow = flow(body, "help-item");
    flow.getChildren().add(0, new Text(marker + "  "));
    return flow;
  }

  // Backticks mark keys and labels as they appear on screen; double stars mark what matters.
  static TextFlow flow(String text, String styleClass) {
    List<Node> parts = new ArrayList<>();
    StringBuilder run = new StringBuilder();
    String style = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean bold = c == '*' && i + 1 < text.length() && text.charAt(i + 1) == '*';
      if (c == '`' || bold) {
        String mark = c == '`' ? "help-key" : "help-strong";
        add(parts, run, style);
        style = mark.equals(style) ? null : style == null ? mark : style;
        i += bold ? 1 : 0;
      } else {
        run.append(c);
      }
    }
    add(parts, run, style);
    TextFlow flow = new TextFlow(parts.toArray(Node[]::new));
    flow.getStyleClass().add(styleClass);
    return flow;
  }

  private static void add(List<Node> parts, StringBuilder run, String style) {
    if (run.isEmpty()) {
      return;
    }
    Text text = new Text(run.toString());
    text.getStyleClass().add("help-text");
    if (style != null) {
      text.getStyleClass().add(style);
    }
    parts.add(text);
    run.setLength(0);
  }
}
