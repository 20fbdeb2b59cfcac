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
 */
public record TableChange(String table, String op, String id) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public TableChange {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(op, "op");
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
      JsonNode id = node.get("id");
      return Optional.of(
          new TableChange(
              table.asText(), op.asText(), id == null || id.isNull() ? null : id.asText()));
    } catch (java.io.IOException e) {
      return Optional.empty();
    }
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
