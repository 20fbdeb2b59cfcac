package dev.arbiter.persistence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.model.audit.AuditEntry;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import org.hibernate.Session;
import org.hibernate.query.NativeQuery;

/**
 * Turns audit_log rows into {@link AuditRecord}s for one reader: admins see every key, everyone
 * else sees values with {@link HiddenKeys} removed.
 */
final class AuditRows {

  /** The columns the {@link AuditEntry} entity maps, for native queries that load it. */
  static final String COLUMNS =
      "id, occurred_at, actor, db_user, action, command, entity_type, entity_id, old_values,"
          + " new_values, request_id, client_info, salt, prev_hash, hash";

  private static final HexFormat HEX = HexFormat.of();

  private final boolean revealHidden;

  AuditRows(boolean revealHidden) {
    this.revealHidden = revealHidden;
  }

  boolean revealsHidden() {
    return revealHidden;
  }

  /**
   * The entries {@code sql} selects ({@link #COLUMNS} of audit_log), its {@code ?} parameters bound
   * in order: native SQL, because the filters need PostgreSQL's (jsonb as text, recursive role
   * membership), mapped onto the entity by column name.
   */
  static List<AuditEntry> entries(Session session, String sql, Object... params) {
    NativeQuery<AuditEntry> query = session.createNativeQuery(sql, AuditEntry.class);
    for (int i = 0; i < params.length; i++) {
      query.setParameter(i + 1, params[i]);
    }
    return query.getResultList();
  }

  /** The entry as this reader may see it. */
  AuditRecord read(AuditEntry entry) {
    String oldText = entry.getOldValues();
    String newText = entry.getNewValues();
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
        oldText,
        newText,
        hidden,
        ValueDiff.between(oldValues, newValues),
        hex(entry.getPrevHash()),
        hex(entry.getHash()));
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
