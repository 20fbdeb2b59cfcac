package dev.arbiter.persistence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.arbiter.persistence.workspaces.MetadataSanitizer;
import java.util.Iterator;
import java.util.Map;

/**
 * Keys that only admins may see in audit values: those starting with {@code _internal} or {@code
 * private} (any case), at any depth. Masking works on a copy; the stored row is never touched, so
 * its hash still verifies.
 */
public final class HiddenKeys {

  private HiddenKeys() {}

  /** True when a key of this name is hidden from everyone but admins. */
  public static boolean hidden(String key) {
    return MetadataSanitizer.isHiddenKey(key);
  }

  /** {@code value} with its hidden keys removed, and how many were removed. */
  public record Masked(JsonNode value, int hiddenCount) {}

  /** Removes hidden keys at every depth from a copy of {@code value}; null stays null. */
  public static Masked mask(JsonNode value) {
    if (value == null) {
      return new Masked(null, 0);
    }
    JsonNode copy = value.deepCopy();
    return new Masked(copy, strip(copy));
  }

  private static int strip(JsonNode node) {
    int removed = 0;
    if (node instanceof ObjectNode object) {
      Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (hidden(field.getKey())) {
          fields.remove();
          removed++;
        } else {
          removed += strip(field.getValue());
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (JsonNode element : array) {
        removed += strip(element);
      }
    }
    return removed;
  }
}
