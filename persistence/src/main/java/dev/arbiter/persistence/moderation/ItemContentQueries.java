package dev.arbiter.persistence.moderation;

import dev.arbiter.model.moderation.FlaggedEntityType;
import dev.arbiter.persistence.timeline.TimelineRows;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-only view of each kind of flagged record. Column labels are the field labels shown to
 * the moderator; metadata columns are left out, as private keys must never reach a screen.
 */
final class ItemContentQueries {

  private ItemContentQueries() {}

  /**
   * The query showing one kind of record (parameter: its id) and the labels of its columns in
   * order; {@code times} are the labels whose values are instants, {@code words} those holding a
   * stored constant, and {@code amounts} maps each amount's label to its currency's column.
   */
  record Content(
      String sql,
      List<String> labels,
      Set<String> times,
      Set<String> words,
      Map<String, String> amounts) {

    Content(String sql, List<String> labels, Set<String> times, Set<String> words) {
      this(sql, labels, times, words, Map.of());
    }
  }

  static Content of(FlaggedEntityType type) {
    return switch (type) {
      case USER ->
          new Content(
              "SELECT display_name AS \"Name\", email AS \"Email\", kind AS \"Kind\","
                  + " status AS \"Status\", suspended_until AS \"Suspended until\","
                  + " country AS \"Country\", created_at AS \"Joined\" FROM users WHERE id = ?",
              List.of("Name", "Email", "Kind", "Status", "Suspended until", "Country", "Joined"),
              Set.of("Suspended until", "Joined"),
              Set.of("Kind", "Status"));
      case DISPUTE_MESSAGE ->
          new Content(
              "SELECT d.reference AS \"Dispute\","
                  + " coalesce(u.display_name, m.author_staff) AS \"Author\","
                  + " m.visibility AS \"Visibility\", m.created_at AS \"Written\","
                  + " m.hidden_at AS \"Hidden at\", m.body AS \"Message\""
                  + " FROM dispute_messages m JOIN disputes d ON d.id = m.dispute_id"
                  + " LEFT JOIN users u ON u.id = m.author_user_id WHERE m.id = ?",
              List.of("Dispute", "Author", "Visibility", "Written", "Hidden at", "Message"),
              Set.of("Written", "Hidden at"),
              Set.of("Visibility"));
      case DISPUTE_EVIDENCE ->
          new Content(
              "SELECT d.reference AS \"Dispute\", e.file_name AS \"File\","
                  + " e.mime_type AS \"Type\", e.size_bytes AS \"Size (bytes)\","
                  + " encode(e.sha256, 'hex') AS \"SHA-256\","
                  + " coalesce(u.display_name, e.uploaded_by_staff) AS \"Uploaded by\","
                  + " e.created_at AS \"Uploaded\""
                  + " FROM dispute_evidence e JOIN disputes d ON d.id = e.dispute_id"
                  + " LEFT JOIN users u ON u.id = e.uploaded_by WHERE e.id = ?",
              List.of(
                  "Dispute", "File", "Type", "Size (bytes)", "SHA-256", "Uploaded by", "Uploaded"),
              Set.of("Uploaded"),
              Set.of());
      case CONTRACT ->
          new Content(
              "SELECT c.reference AS \"Reference\", c.title AS \"Title\", c.kind AS \"Kind\","
                  + " c.status AS \"Status\", cl.display_name AS \"Client\","
                  + " fr.display_name AS \"Freelancer\", c.currency AS \"Currency\","
                  + " c.value_minor AS \"Value\", c.created_at AS \"Created\""
                  + " FROM contracts c JOIN users cl ON cl.id = c.client_id"
                  + " JOIN users fr ON fr.id = c.freelancer_id WHERE c.id = ?",
              List.of(
                  "Reference",
                  "Title",
                  "Kind",
                  "Status",
                  "Client",
                  "Freelancer",
                  "Value",
                  "Created"),
              Set.of("Created"),
              Set.of("Kind", "Status"),
              Map.of("Value", "Currency"));
      case WORKSPACE ->
          new Content(
              "SELECT w.name AS \"Name\", w.slug AS \"Slug\", w.type AS \"Type\","
                  + " w.status AS \"Status\", o.display_name AS \"Owner\","
                  + " w.created_at AS \"Created\""
                  + " FROM workspaces w JOIN users o ON o.id = w.owner_id WHERE w.id = ?",
              List.of("Name", "Slug", "Type", "Status", "Owner", "Created"),
              Set.of("Created"),
              Set.of("Type", "Status"));
    };
  }

  /** The table whose audit rows belong to the item itself. */
  static String table(FlaggedEntityType type) {
    return switch (type) {
      case USER -> "users";
      case DISPUTE_MESSAGE -> "dispute_messages";
      case DISPUTE_EVIDENCE -> "dispute_evidence";
      case CONTRACT -> "contracts";
      case WORKSPACE -> "workspaces";
    };
  }

  /** What the item view shows of each reporter (parameter: reporter ids, bigint[]). */
  static final String REPORTERS =
      "SELECT u.id, u.display_name, coalesce(a.decided, 0) AS decided, a.accuracy,"
          + " coalesce(a.weight, 0.5) AS weight"
          + " FROM users u LEFT JOIN moderation_reporter_accuracy a ON a.reporter_id = u.id"
          + " WHERE u.id = ANY (CAST(? AS bigint[]))";

  static final String AUTHOR =
      "SELECT id, display_name, status, suspended_until FROM users"
          + " WHERE id = moderation_item_author(?, ?)";

  // Flags on anything else the author wrote or owns (parameters: user x5, type, id).
  static final String EARLIER_FLAGS =
      "SELECT f.entity_type, f.entity_id, f.reason, f.severity, f.status, f.created_at"
          + " FROM moderation_flags f WHERE ("
          + " (f.entity_type = 'user' AND f.entity_id = ?)"
          + " OR (f.entity_type = 'dispute_message' AND f.entity_id IN"
          + " (SELECT id FROM dispute_messages WHERE author_user_id = ?))"
          + " OR (f.entity_type = 'dispute_evidence' AND f.entity_id IN"
          + " (SELECT id FROM dispute_evidence WHERE uploaded_by = ?))"
          + " OR (f.entity_type = 'contract' AND f.entity_id IN"
          + " (SELECT id FROM contracts WHERE client_id = ?))"
          + " OR (f.entity_type = 'workspace' AND f.entity_id IN"
          + " (SELECT id FROM workspaces WHERE owner_id = ?)))"
          + " AND NOT (f.entity_type = ? AND f.entity_id = ?)"
          + " ORDER BY f.created_at DESC, f.id DESC LIMIT 50";

  // Parameters: flag ids (text[]), decision ids (text[]), own table, own id (text).
  static final String TIMELINE =
      "SELECT "
          + TimelineRows.COLUMNS
          + ", CASE"
          + " WHEN a.entity_type = 'moderation_decisions' AND a.action = 'insert' THEN"
          + "  'decided ' || (a.new_values ->> 'decision') || ' (' || (a.new_values ->> 'reason_code')"
          + "  || coalesce(': ' || (a.new_values ->> 'note'), '') || ')'"
          + " WHEN a.entity_type = 'moderation_decisions'"
          + "  AND a.new_values ->> 'undone_at' IS NOT NULL AND a.old_values ->> 'undone_at' IS NULL"
          + "  THEN 'undid decision ' || a.entity_id"
          + " WHEN a.entity_type = 'moderation_flags' AND a.action = 'insert' THEN"
          + "  'flag ' || a.entity_id || ' raised: ' || (a.new_values ->> 'reason') || ', '"
          + "  || (a.new_values ->> 'severity')"
          + " WHEN a.entity_type = 'moderation_flags'"
          + "  AND a.old_values ->> 'status' IS DISTINCT FROM a.new_values ->> 'status' THEN"
          + "  'flag ' || a.entity_id || ' ' || (a.old_values ->> 'status') || ' → '"
          + "  || (a.new_values ->> 'status') || coalesce(' (' || (a.new_values ->> 'decision') || ')', '')"
          + " WHEN a.entity_type = 'moderation_flags'"
          + "  AND a.old_values ->> 'assigned_to' IS DISTINCT FROM a.new_values ->> 'assigned_to' THEN"
          + "  'flag ' || a.entity_id || coalesce(' claimed by ' || (a.new_values ->> 'assigned_to'),"
          + "  ' claim released')"
          + " WHEN a.action = 'update' THEN a.entity_type || ' ' || a.entity_id || ': ' || coalesce(("
          + "  SELECT string_agg(k || ' ' || coalesce(a.old_values ->> k, '∅') || ' → '"
          + "  || coalesce(a.new_values ->> k, '∅'), ', ' ORDER BY k)"
          + "  FROM jsonb_object_keys(a.new_values) k"
          + "  WHERE a.old_values -> k IS DISTINCT FROM a.new_values -> k"
          + "  AND k NOT IN ('version', 'updated_at')), 'no visible change')"
          + " ELSE a.action || ' ' || a.entity_type || ' ' || a.entity_id END AS summary"
          + " FROM audit_log a"
          + " WHERE (a.entity_type = 'moderation_flags' AND a.entity_id = ANY (?::text[]))"
          + " OR (a.entity_type = 'moderation_decisions' AND a.entity_id = ANY (?::text[]))"
          + " OR (a.entity_type = ? AND a.entity_id = ?)"
          + " ORDER BY a.id DESC LIMIT 300";
}
