package dev.arbiter.app.workspaces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.workspaces.MetadataSanitizer;
import java.util.Iterator;
import java.util.Map;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;

/**
 * Shows metadata or settings JSON as a tree. Keys starting with {@code _internal} or {@code
 * private} are left out for non-admins (the service already removed them; this is the second guard)
 * and marked "admin only" for admins.
 */
public final class JsonTreeView extends TreeView<String> {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final boolean admin;

  public JsonTreeView(boolean admin) {
    this.admin = admin;
    setShowRoot(false);
    getStyleClass().add("json-tree");
  }

  /** Replaces the tree with {@code json}; text that is not JSON is shown as one line. */
  public void show(String json) {
    TreeItem<String> root = new TreeItem<>("settings");
    try {
      add(root, null, JSON.readTree(json == null ? "{}" : json));
    } catch (JsonProcessingException e) {
      root.getChildren().add(new TreeItem<>("(not JSON) " + json));
    }
    root.setExpanded(true);
    setRoot(root);
  }

  private void add(TreeItem<String> parent, String key, JsonNode node) {
    if (key != null && MetadataSanitizer.isHiddenKey(key) && !admin) {
      return;
    }
    String label =
        key == null ? "" : key + (MetadataSanitizer.isHiddenKey(key) ? " (admin only)" : "");
    if (node.isObject()) {
      TreeItem<String> item = key == null ? parent : new TreeItem<>(label);
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        add(item, field.getKey(), field.getValue());
      }
      attach(parent, item);
    } else if (node.isArray()) {
      TreeItem<String> item = new TreeItem<>(label + " [" + node.size() + "]");
      for (int i = 0; i < node.size(); i++) {
        add(item, "[" + i + "]", node.get(i));
      }
      attach(parent, item);
    } else {
      String value = node.isTextual() ? "\"" + node.asText() + "\"" : node.toString();
      attach(parent, new TreeItem<>(key == null ? value : label + ": " + value));
    }
  }

  private static void attach(TreeItem<String> parent, TreeItem<String> item) {
    if (item != parent) {
      item.setExpanded(true);
      parent.getChildren().add(item);
    }
  }
}
