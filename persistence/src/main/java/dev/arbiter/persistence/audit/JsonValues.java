package dev.arbiter.persistence.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Iterator;
import java.util.Map;

/**
 * Audit values (jsonb) read into trees and written back in PostgreSQL's own {@code jsonb::text}
 * form. Numbers stay exact decimals ({@code 2.50} is not {@code 2.5}) and key order stays as the
 * server sent it, so a value read and rendered again is byte for byte what the server renders,
 * which is what the chain hashes.
 */
public final class JsonValues {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
          .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
          .build();

  private JsonValues() {}

  /** Parses {@code text}; null stays null. */
  public static JsonNode parse(String text) {
    if (text == null) {
      return null;
    }
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** {@code value} as {@code jsonb::text} renders it; null stays null. */
  public static String jsonbText(JsonNode value) {
    if (value == null) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    write(value, out);
    return out.toString();
  }

  /**
   * A value for people: strings without quotes, everything else as JSON. Shown in diffs, where
   * {@code open → under_review} reads better than {@code "open" → "under_review"}.
   */
  public static String display(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "";
    }
    return value.isTextual() ? value.textValue() : jsonbText(value);
  }

  private static void write(JsonNode node, StringBuilder out) {
    switch (node.getNodeType()) {
      case OBJECT -> {
        out.append('{');
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        boolean first = true;
        while (fields.hasNext()) {
          Map.Entry<String, JsonNode> field = fields.next();
          if (!first) {
            out.append(", ");
          }
          first = false;
          string(field.getKey(), out);
          out.append(": ");
          write(field.getValue(), out);
        }
        out.append('}');
      }
      case ARRAY -> {
        out.append('[');
        for (int i = 0; i < node.size(); i++) {
          if (i > 0) {
            out.append(", ");
          }
          write(node.get(i), out);
        }
        out.append(']');
      }
      case STRING -> string(node.textValue(), out);
      case NUMBER ->
          out.append(
              node.isBigDecimal() || node.isFloatingPointNumber()
                  ? node.decimalValue().toPlainString()
                  : node.asText());
      case BOOLEAN -> out.append(node.booleanValue());
      default -> out.append("null");
    }
  }

  // PostgreSQL's escape_json: the two-character escapes it knows, \\u00XX for other controls, and
  // every other character as is.
  private static void string(String value, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char ch = value.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\u%04x", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    out.append('"');
  }
}
