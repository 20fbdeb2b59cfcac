package dev.arbiter.persistence.audit;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import org.postgresql.PGResultSetMetaData;
import org.postgresql.PGStatement;

/**
 * Proves that audit_log is the chain {@code audit_append} wrote: ids gapless from 1, every entry
 * linked to its predecessor's hash, every hash equal to {@code sha256(prev_hash ||
 * utf8(canonical))} recomputed here from the columns, and {@code audit_chain_head} naming the last
 * entry. Against an exported {@link ChainAnchor} it also catches a removed tail, which leaves an
 * intact but shorter chain.
 *
 * <p>It reads the log in id ranges inside one read-only REPEATABLE READ transaction, so entries
 * appended meanwhile are neither half seen nor mistaken for a head mismatch. It stops at the first
 * bad entry. Any role that may read audit_log and audit_chain_head (all staff) can run it.
 */
public final class AuditChainVerifier {

  /** Entries per keyset range. */
  public static final int DEFAULT_BATCH_SIZE = 50_000;

  private static final int FETCH_SIZE = 5_000;

  private static final String SELECT_RANGE =
      """
      SELECT id, occurred_at, actor, db_user, action, command, entity_type, entity_id,
             old_values::text, new_values::text, request_id, client_info, prev_hash, hash
        FROM audit_log
       WHERE id > ?
       ORDER BY id
       LIMIT ?""";

  private static final String SELECT_HEAD =
      "SELECT last_id, last_hash FROM audit_chain_head WHERE id = 1";

  private final int batchSize;

  public AuditChainVerifier() {
    this(DEFAULT_BATCH_SIZE);
  }

  public AuditChainVerifier(int batchSize) {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be positive: " + batchSize);
    }
    this.batchSize = batchSize;
  }

  /** Verifies the whole chain on a connection of its own. */
  public ChainVerification verify(DataSource dataSource) {
    return verify(dataSource, null);
  }

  /**
   * Verifies the whole chain and that it still reaches {@code anchor} (when not null) with the
   * anchor's hash.
   */
  public ChainVerification verify(DataSource dataSource, ChainAnchor anchor) {
    try (Connection c = dataSource.getConnection()) {
      return verify(c, anchor);
    } catch (SQLException e) {
      throw new ChainReadException("could not read the audit chain", e);
    }
  }

  /**
   * Verifies on the caller's connection. In auto-commit mode it runs its own read-only REPEATABLE
   * READ transaction and leaves auto-commit on; otherwise it reads within the caller's transaction,
   * which should then be REPEATABLE READ for the head check to be exact while others write.
   */
  public ChainVerification verify(Connection connection, ChainAnchor anchor) {
    try {
      if (!connection.getAutoCommit()) {
        return walk(connection, anchor);
      }
      connection.setAutoCommit(false);
      try {
        try (Statement s = connection.createStatement()) {
          s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        }
        return walk(connection, anchor);
      } finally {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new ChainReadException("could not read the audit chain", e);
    }
  }

  /**
   * The head as audit_chain_head records it, unverified; {@code null} when the head row is gone.
   * Export {@link ChainVerification#lastVerified()} of an intact verification instead where
   * possible.
   */
  public ChainAnchor readHead(Connection connection) throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(SELECT_HEAD)) {
      if (!rs.next()) {
        return null;
      }
      byte[] hash = rs.getBytes(2);
      long lastId = rs.getLong(1);
      if (hash == null || hash.length != ChainAnchor.HASH_LENGTH || lastId < 0) {
        return null;
      }
      return new ChainAnchor(lastId, hash);
    }
  }

  private ChainVerification walk(Connection c, ChainAnchor anchor) throws SQLException {
    // The head first: in REPEATABLE READ this statement fixes the snapshot the ranges are read in.
    ChainAnchor head = readHead(c);
    ChainWalk walk = new ChainWalk(anchor);
    try (PreparedStatement ps = c.prepareStatement(SELECT_RANGE)) {
      // Binary results from the first execution: hashes arrive as raw bytes and occurred_at as an
      // integer, not as hex and text to be parsed.
      ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
      ps.setFetchSize(Math.min(FETCH_SIZE, batchSize));
      long after = 0;
      int read;
      do {
        ps.setLong(1, after);
        ps.setInt(2, batchSize);
        read = 0;
        try (ResultSet rs = ps.executeQuery()) {
          boolean binaryTime = rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(2) == 1;
          while (rs.next()) {
            AuditEntry entry = read(rs, binaryTime);
            read++;
            after = entry.id();
            ChainBreak found = walk.accept(entry);
            if (found != null) {
              return walk.result(found);
            }
          }
        }
      } while (read == batchSize);
    }
    return walk.result(walk.finish(head));
  }

  // Text columns are taken as the UTF-8 bytes the server sent (PgJDBC's getBytes on a non-bytea
  // column), sparing a decode to String and an encode back for hashing.
  private static AuditEntry read(ResultSet rs, boolean binaryTime) throws SQLException {
    return new AuditEntry(
        rs.getLong(1),
        binaryTime
            ? AuditCanonicalForm.epochMicrosFromBinary(rs.getBytes(2))
            : AuditCanonicalForm.epochMicros(rs.getObject(2, OffsetDateTime.class)),
        rs.getBytes(3),
        rs.getBytes(4),
        rs.getBytes(5),
        rs.getBytes(6),
        rs.getBytes(7),
        rs.getBytes(8),
        rs.getBytes(9),
        rs.getBytes(10),
        rs.getBytes(11),
        rs.getBytes(12),
        rs.getBytes(13),
        rs.getBytes(14));
  }
}
