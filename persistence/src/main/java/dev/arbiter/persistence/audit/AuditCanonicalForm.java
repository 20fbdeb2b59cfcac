package dev.arbiter.persistence.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;

/**
 * The Java twin of SQL {@code audit_canonical} (R__20_audit_chain.sql): the UTF-8 bytes an entry's
 * hash covers, and the hash itself. Both must agree byte for byte, which AuditCanonicalFormIT
 * checks against the server. Not thread-safe: it reuses one buffer and one digest, which is what
 * makes it cheap.
 *
 * <p>Escaping works on bytes: a backslash (0x5C) and the separator (0x1F) are ASCII, and in UTF-8
 * no byte of a multi-byte character is below 0x80, so this matches SQL's character-wise replace.
 */
final class AuditCanonicalForm {

  static final byte SEPARATOR = 0x1f;
  private static final byte BACKSLASH = '\\';
  private static final byte[] NULL = {BACKSLASH, 'N'};
  private static final byte[] ESCAPED_SEPARATOR = {BACKSLASH, 'x', '1', 'f'};
  private static final byte[] HEX_DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  /** PostgreSQL's binary timestamps count microseconds from 2000-01-01 UTC. */
  private static final long POSTGRES_EPOCH_MICROS = 946_684_800_000_000L;

  private byte[] buffer = new byte[4096];
  private int length;
  private final MessageDigest sha256;

  AuditCanonicalForm() {
    try {
      sha256 = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime provides SHA-256", e);
    }
  }

  /** {@code sha256(prev_hash || utf8(canonical))}, the hash {@code audit_append} stores. */
  byte[] hash(ChainEntry e) {
    build(e);
    sha256.reset();
    sha256.update(e.prevHash());
    sha256.update(buffer, 0, length);
    return sha256.digest();
  }

  /** The canonical text of {@code e}, for diagnostics and tests. */
  String canonical(ChainEntry e) {
    build(e);
    return new String(buffer, 0, length, StandardCharsets.UTF_8);
  }

  /**
   * {@code occurred_at} as {@code extract(epoch FROM occurred_at) * 1000000}. A value out of range
   * (infinity) cannot have been hashed by audit_append, so it maps to one no real entry has.
   */
  static long epochMicros(OffsetDateTime at) {
    return epochMicros(at == null ? null : at.toInstant());
  }

  static long epochMicros(Instant at) {
    if (at == null) {
      return Long.MIN_VALUE;
    }
    try {
      return Math.addExact(
          Math.multiplyExact(at.getEpochSecond(), 1_000_000L), at.getNano() / 1_000);
    } catch (ArithmeticException e) {
      return Long.MIN_VALUE;
    }
  }

  /** Epoch microseconds from a timestamptz in PostgreSQL's binary form (8 bytes, big-endian). */
  static long epochMicrosFromBinary(byte[] value) {
    if (value == null || value.length != 8) {
      return Long.MIN_VALUE;
    }
    long sinceY2k = 0;
    for (int i = 0; i < 8; i++) {
      sinceY2k = (sinceY2k << 8) | (value[i] & 0xff);
    }
    // +/-infinity are the extreme longs; like epochMicros, map them to a value no entry has.
    if (sinceY2k == Long.MAX_VALUE || sinceY2k == Long.MIN_VALUE) {
      return Long.MIN_VALUE;
    }
    return sinceY2k + POSTGRES_EPOCH_MICROS;
  }

  private void build(ChainEntry e) {
    length = 0;
    number(e.id());
    put(SEPARATOR);
    number(e.occurredAtMicros());
    field(e.actor());
    field(e.dbUser());
    field(e.action());
    field(e.command());
    field(e.entityType());
    field(e.entityId());
    json(e.oldValues());
    json(e.newValues());
    field(e.requestId());
    field(e.clientInfo());
    salt(e.salt());
  }

  // The salt (V88) as lower-case hex, like SQL's encode(salt, 'hex'), and only when there is one:
  // an entry written before salts existed keeps exactly the text it was hashed with.
  private void salt(byte[] value) {
    if (value == null) {
      return;
    }
    put(SEPARATOR);
    ensure(value.length * 2);
    for (byte b : value) {
      buffer[length++] = HEX_DIGITS[(b >> 4) & 0xf];
      buffer[length++] = HEX_DIGITS[b & 0xf];
    }
  }

  // A text field: NULL is \N, a backslash is doubled and the separator is spelled \x1f, exactly as
  // audit_canonical_field does, so no value can imitate NULL or a field boundary.
  private void field(byte[] value) {
    put(SEPARATOR);
    if (value == null) {
      put(NULL);
      return;
    }
    ensure(value.length * 4);
    for (byte b : value) {
      if (b == BACKSLASH) {
        buffer[length++] = BACKSLASH;
        buffer[length++] = BACKSLASH;
      } else if (b == SEPARATOR) {
        System.arraycopy(ESCAPED_SEPARATOR, 0, buffer, length, ESCAPED_SEPARATOR.length);
        length += ESCAPED_SEPARATOR.length;
      } else {
        buffer[length++] = b;
      }
    }
  }

  // jsonb text never contains the separator and is never \N, so SQL writes it unescaped.
  private void json(byte[] value) {
    put(SEPARATOR);
    put(value == null ? NULL : value);
  }

  private void number(long value) {
    put(Long.toString(value).getBytes(StandardCharsets.US_ASCII));
  }

  private void put(byte b) {
    ensure(1);
    buffer[length++] = b;
  }

  private void put(byte[] bytes) {
    ensure(bytes.length);
    System.arraycopy(bytes, 0, buffer, length, bytes.length);
    length += bytes.length;
  }

  private void ensure(int more) {
    if (length + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
    }
  }
}
