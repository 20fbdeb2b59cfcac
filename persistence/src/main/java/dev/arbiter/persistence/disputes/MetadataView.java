package dev.arbiter.persistence.disputes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.disputes.DisputeCase.MetadataEntry;
import dev.arbiter.persistence.workspaces.MetadataSanitizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns a jsonb metadata document into lines for the screen. Hidden keys ({@link
 * MetadataSanitizer#isHiddenKey}, at any depth) are left out unless the viewer is an admin: they
 * hold what the marketplace keeps for itself and must never reach an agent's screen.
 */
public final class MetadataView {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetadataView() {}

  /**
   * The document's values by dotted path, in document order; arrays show as {@code [i]}.
   *
   * @param json the jsonb text, or null
   */
  public static List<MetadataEntry> entries(String json, boolean admin) {
    List<MetadataEntry> entries = new ArrayList<>();
    if (json == null || json.isBlank()) {
      return entries;
    }
    JsonNode root;
    try {
      root = JSON.readTree(json);
    } catch (JsonProcessingException e) {
      entries.add(new MetadataEntry("(unreadable)", e.getOriginalMessage()));
      return entries;
    }
    collect("", root, admin, entries);
    return entries;
  }

  private static void collect(
      String path, JsonNode node, boolean admin, List<MetadataEntry> entries) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (!admin && MetadataSanitizer.isHiddenKey(field.getKey())) {
          continue;
        }
        String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        collect(child, field.getValue(), admin, entries);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(path + "[" + i + "]", node.get(i), admin, entries);
      }
    } else if (!path.isEmpty()) {
      entries.add(new MetadataEntry(path, node.isNull() ? "null" : node.asText()));
    }
  }
}
