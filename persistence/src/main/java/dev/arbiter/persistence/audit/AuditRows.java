package dev.arbiter.persistence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.model.audit.AuditEntry;
import dev.arbiter.persistence.access.Row;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns audit_log rows into {@link AuditRecord}s for one reader: admins see every key, everyone
 * else sees values with {@link HiddenKeys} removed.
 */
final class AuditRows {

  /** The columns every reader selects, each under its own name. */
  static final String COLUMNS =
      "id, occurred_at, actor, db_user, action, command, entity_type, entity_id,"
          + " old_values::text AS old_values, new_values::text AS new_values, request_id,"
          + " client_info, prev_hash, hash, salt";

  private static final HexFormat HEX = HexFormat.of();

  private final boolean revealHidden;

  AuditRows(boolean revealHidden) {
    this.revealHidden = revealHidden;
  }

  boolean revealsHidden() {
    return revealHidden;
  }

  /** A row selected with {@link #COLUMNS}. */
  AuditRecord read(Row row) {
    return record(
        new Stored(
            row.getLong("id"),
            row.instant("occurred_at"),
            row.text("actor"),
            row.text("db_user"),
            row.text("action"),
            row.text("command"),
            row.text("entity_type"),
            row.text("entity_id"),
            row.text("request_id"),
            row.text("client_info"),
            row.text("old_values"),
            row.text("new_values"),
            row.bytes("prev_hash"),
            row.bytes("hash")));
  }

  /** An entry loaded as an entity. */
  AuditRecord read(AuditEntry entry) {
    return record(
        new Stored(
            entry.getId(),
            entry.getOccurredAt(),
            entry.getActor(),
            entry.getDbUser(),
            entry.getAction().dbValue(),
            entry.getCommand(),
            entry.getEntityType(),
            entry.getEntityId(),
            entry.getRequestId(),
            entry.getClientInfo(),
            entry.getOldValues(),
            entry.getNewValues(),
            entry.getPrevHash(),
            entry.getHash()));
  }

  /** An entry's columns as stored, values as the server's JSON text. */
  private record Stored(
      long id,
      Instant occurredAt,
      String actor,
      String dbUser,
      String action,
      String command,
      String entityType,
      String entityId,
      String requestId,
      String clientInfo,
      String oldText,
      String newText,
      byte[] prevHash,
      byte[] hash) {}

  private AuditRecord record(Stored s) {
    String oldText = s.oldText();
    String newText = s.newText();
    JsonNode oldValues = JsonValues.parse(oldText);
    JsonNode newValues = JsonValues.parse(newText);
    int hidden = 0;
    if (!revealHidden) {
      HiddenKeys.Masked oldMasked = HiddenKeys.mask(oldValues);
      HiddenKeys.Masked newMasked = HiddenKeys.mask(newValues);
      hidden = oldMasked.hiddenCount() + newMasked.hiddenCount();
      if (hidden > 0) {
        oldValues = oldMasked.value();
        newValues = newMasked.value();
        oldText = JsonValues.jsonbText(oldValues);
        newText = JsonValues.jsonbText(newValues);
      }
    }
    return new AuditRecord(
        s.id(),
        s.occurredAt(),
        s.actor(),
        s.dbUser(),
        s.action(),
        s.command(),
        s.entityType(),
        s.entityId(),
        s.requestId(),
        s.clientInfo(),
        oldText,
        newText,
        hidden,
        ValueDiff.between(oldValues, newValues),
        hex(s.prevHash()),
        hex(s.hash()));
  }

  static String hex(byte[] bytes) {
    return bytes == null ? "" : HEX.formatHex(bytes);
  }

  /**
   * Whether a record the database matched on {@code text} still contains it once hidden keys are
   * gone; otherwise a search would reveal what a hidden key holds.
   */
  boolean stillMatches(AuditRecord record, String text) {
    if (text == null || revealHidden || record.hiddenKeys() == 0) {
      return true;
    }
    return containsIgnoringCase(record.oldValues(), record.newValues(), text);
  }

  /** Whether either values text contains {@code text}, in any case. */
  static boolean containsIgnoringCase(String oldValues, String newValues, String text) {
    String needle = text.toLowerCase(Locale.ROOT);
    return contains(oldValues, needle) || contains(newValues, needle);
  }

  private static boolean contains(String values, String needle) {
    return values != null && values.toLowerCase(Locale.ROOT).contains(needle);
  }
}
