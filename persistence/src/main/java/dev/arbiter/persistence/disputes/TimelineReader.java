package dev.arbiter.persistence.disputes;

import static dev.arbiter.persistence.disputes.CaseReader.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.model.audit.AuditActor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
      "SELECT id, occurred_at, actor, db_user, action, entity_type, command,"
          + " old_values::text AS old_values, new_values::text AS new_values FROM audit_log"
          + " WHERE (entity_type = 'disputes' AND entity_id = ?)"
          + " OR (entity_type = 'dispute_messages' AND entity_id = ANY (?))"
          + " OR (entity_type = 'dispute_evidence' AND entity_id = ANY (?))"
          + " OR (entity_type = 'settlements' AND entity_id = ANY (?))"
          + " ORDER BY id DESC LIMIT "
          + LIMIT;

  private TimelineReader() {}

  static List<TimelineEntry> timeline(Connection c, long disputeId) throws SQLException {
    List<TimelineEntry> entries = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(QUERY)) {
      ps.setString(1, Long.toString(disputeId));
      ps.setArray(2, array(c, ThreadReader.ids(c, "dispute_messages", disputeId)));
      ps.setArray(3, array(c, ThreadReader.ids(c, "dispute_evidence", disputeId)));
      ps.setArray(4, array(c, ThreadReader.ids(c, "settlements", disputeId)));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          String entity = rs.getString("entity_type");
          String action = rs.getString("action");
          entries.add(
              new TimelineEntry(
                  rs.getLong("id"),
                  instant(rs, "occurred_at"),
                  new AuditActor(rs.getString("actor"), rs.getString("db_user")),
                  action,
                  entity,
                  rs.getString("command"),
                  summary(entity, action, rs.getString("old_values"), rs.getString("new_values"))));
        }
      }
    }
    return entries;
  }

  private static java.sql.Array array(Connection c, List<String> ids) throws SQLException {
    return c.createArrayOf("text", ids.toArray());
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
