package dev.arbiter.persistence.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import java.util.Optional;

/**
 * One row change announced on {@code arbiter_changes} (V5): which table, which operation, which
 * row. Ids only; whoever listens re-queries what it shows.
 *
 * @param table the table name, e.g. {@code disputes}
 * @param op {@code insert}, {@code update} or {@code delete}
 * @param id the row's id as text ({@code entity_type:entity_id} for tables keyed otherwise)
 * @param parent the record the row belongs to, as {@code table:id} (V79: a dispute's messages,
 *     evidence and settlements name their dispute), or null
 */
public record TableChange(String table, String op, String id, String parent) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public TableChange {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(op, "op");
  }

  /** A change to a row that belongs to no other record. */
  public TableChange(String table, String op, String id) {
    this(table, op, id, null);
  }

  /** Reads a notification payload; empty for anything that is not one of ours. */
  public static Optional<TableChange> parse(String payload) {
    if (payload == null || payload.isBlank()) {
      return Optional.empty();
    }
    try {
      JsonNode node = JSON.readTree(payload);
      JsonNode table = node.get("table");
      JsonNode op = node.get("op");
      if (table == null || op == null || !table.isTextual() || !op.isTextual()) {
        return Optional.empty();
      }
      return Optional.of(
          new TableChange(table.asText(), op.asText(), text(node, "id"), text(node, "parent")));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The id as a number, for tables with a bigint key; empty otherwise. */
  public Optional<Long> numericId() {
    if (id == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(id));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }
}
