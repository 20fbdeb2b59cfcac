package dev.arbiter.persistence.workspaces;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Removes keys that only admins may read from metadata and settings JSON: any key, at any depth,
 * starting with {@code _internal} or {@code private}, in any letter case. Done in persistence so
 * the hidden values never reach a non-admin's screen code at all. The one rule for hidden keys: the
 * audit log's masking ({@code HiddenKeys}) asks it too.
 */
public final class MetadataSanitizer {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetadataSanitizer() {}

  /**
   * True for a key that is hidden from everyone but admins; {@code _Internal} and {@code PRIVATE}
   * too.
   */
  public static boolean isHiddenKey(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    return lower.startsWith("_internal") || lower.startsWith("private");
  }

  /**
   * The JSON text as {@code viewer} may see it: unchanged (re-serialised) for admins, without the
   * hidden keys otherwise.
   */
  public static String forViewer(String json, boolean admin) {
    if (json == null || json.isBlank()) {
      return "{}";
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (!admin) {
        strip(node);
      }
      return JSON.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (isHiddenKey(field.getKey())) {
          fields.remove();
        } else {
          strip(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      array.forEach(MetadataSanitizer::strip);
    }
  }
}
