package dev.arbiter.persistence.audit;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Turns audit_log rows into {@link AuditRecord}s for one reader: admins see every key, everyone
 * else sees values with {@link HiddenKeys} removed.
 */
final class AuditRows {

  /** The columns every reader selects, in the order {@link #read} expects. */
  static final String COLUMNS =
      "id, occurred_at, actor, db_user, action, command, entity_type, entity_id,"
          + " old_values::text, new_values::text, request_id, client_info, prev_hash, hash, salt";

  private static final HexFormat HEX = HexFormat.of();

  private final boolean revealHidden;

  AuditRows(boolean revealHidden) {
    this.revealHidden = revealHidden;
  }

  boolean revealsHidden() {
    return revealHidden;
  }

  AuditRecord read(ResultSet rs) throws SQLException {
    String oldText = rs.getString(9);
    String newText = rs.getString(10);
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
    byte[] prev = rs.getBytes(13);
    byte[] hash = rs.getBytes(14);
    return new AuditRecord(
        rs.getLong(1),
        rs.getObject(2, OffsetDateTime.class).toInstant(),
        rs.getString(3),
        rs.getString(4),
        rs.getString(5),
        rs.getString(6),
        rs.getString(7),
        rs.getString(8),
        rs.getString(11),
        rs.getString(12),
        oldText,
        newText,
        hidden,
        ValueDiff.between(oldValues, newValues),
        prev == null ? "" : HEX.formatHex(prev),
        hash == null ? "" : HEX.formatHex(hash));
  }

  /**
   * Whether a record the database matched on {@code text} still contains it once hidden keys are
   * gone; otherwise a search would reveal what a hidden key holds.
   */
  boolean stillMatches(AuditRecord record, String text) {
    if (text == null || revealHidden || record.hiddenKeys() == 0) {
      return true;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    return contains(record.oldValues(), needle) || contains(record.newValues(), needle);
  }

  private static boolean contains(String values, String needle) {
    return values != null && values.toLowerCase(Locale.ROOT).contains(needle);
  }
}
