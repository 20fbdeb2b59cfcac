package dev.arbiter.persistence.disputes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.timeline.TimelineEntry;
import dev.arbiter.persistence.timeline.TimelineRows;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hibernate.Session;

/**
 * Reads a dispute's history from the audit log: its own row's changes and those of its messages,
 * evidence and settlements, newest first. Each table is looked up by (entity_type, entity_id), the
 * audit log's index, never by scanning jsonb.
 */
final class TimelineReader {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> NOISE = Set.of("version", "updated_at", "priority_rank");
  private static final int LIMIT = 200;

  private static final String QUERY =
      "SELECT "
          + TimelineRows.COLUMNS
          + ", a.old_values::text AS old_values, a.new_values::text AS new_values FROM audit_log a"
          + " WHERE (a.entity_type = 'disputes' AND a.entity_id = ?)"
          + " OR (a.entity_type = 'dispute_messages' AND a.entity_id = ANY (?))"
          + " OR (a.entity_type = 'dispute_evidence' AND a.entity_id = ANY (?))"
          + " OR (a.entity_type = 'settlements' AND a.entity_id = ANY (?))"
          + " ORDER BY a.id DESC LIMIT "
          + LIMIT;

  private TimelineReader() {}

  /** The timeline of a dispute whose messages, evidence and settlements have these ids. */
  static List<TimelineEntry> timeline(
      Session session,
      long disputeId,
      List<Long> messages,
      List<Long> evidence,
      List<Long> settlements) {
    return Sql.list(
        session,
        QUERY,
        r ->
            TimelineRows.entry(
                r,
                summary(
                    r.text("entity_type"),
                    r.text("action"),
                    r.text("old_values"),
                    r.text("new_values"))),
        Long.toString(disputeId),
        texts(messages),
        texts(evidence),
        texts(settlements));
  }

  /** The audit log keys its entries by the row's id as text. */
  private static String[] texts(List<Long> ids) {
    return ids.stream().map(String::valueOf).toArray(String[]::new);
  }

  /** "status: under_review → escalated; assigned_to: — → demo_support", or what was added. */
  static String summary(String entity, String action, String oldJson, String newJson) {
    try {
      if (action.equals("insert")) {
        JsonNode row = JSON.readTree(newJson);
        return switch (entity) {
          case "disputes" -> "opened " + row.path("reference").asText();
          case "dispute_messages" ->
              (row.path("visibility").asText().equals("internal") ? "internal note" : "reply")
                  + ": "
                  + abbreviate(row.path("body").asText());
          case "dispute_evidence" -> "evidence " + row.path("file_name").asText();
          case "settlements" ->
              "settlement proposed: " + row.path("outcome").asText().replace('_', ' ');
          default -> "added";
        };
      }
      if (oldJson == null || newJson == null) {
        return action;
      }
      JsonNode before = JSON.readTree(oldJson);
      JsonNode after = JSON.readTree(newJson);
      List<String> changes = new ArrayList<>();
      Iterator<Map.Entry<String, JsonNode>> fields = after.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        JsonNode was = before.get(field.getKey());
        if (NOISE.contains(field.getKey()) || field.getValue().equals(was)) {
          continue;
        }
        // Metadata may hold _internal*/private* keys; the timeline only says that it changed.
        changes.add(
            field.getKey().equals("metadata")
                ? "metadata updated"
                : field.getKey() + ": " + text(was) + " → " + text(field.getValue()));
      }
      return changes.isEmpty() ? "no visible change" : String.join("; ", changes);
    } catch (JsonProcessingException e) {
      return action;
    }
  }

  private static String text(JsonNode node) {
    return node == null || node.isNull() ? "—" : abbreviate(node.asText());
  }

  private static String abbreviate(String text) {
    String line = text.replace('\n', ' ');
    return line.length() <= 80 ? line : line.substring(0, 79) + "…";
  }
}
