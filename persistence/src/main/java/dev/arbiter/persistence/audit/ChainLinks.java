package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.access.Jdbc;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * The links (id, prev_hash, hash) of the entries a verifier may not read, from SQL {@code
 * audit_chain_links} (row policies on audit_log, V88). A walk asks for them in rising id order
 * where what it read has a gap; a miss fetches the links of the next {@link #CHUNK} ids in one
 * round trip, so scattered hidden entries cost a query per chunk, not one per gap, and each id's
 * link crosses the wire at most once. A reader who sees every entry (an admin) never asks, so its
 * verification costs what it did before.
 */
final class ChainLinks {

  /** Ids whose links one round trip fetches: at 72 bytes a link, about a megabyte. */
  static final int CHUNK = 16_384;

  private static final String SELECT_LINKS =
      "SELECT id, prev_hash, hash FROM audit_chain_links(?, ?)";

  /** One entry's link: what it chains onto and its own hash, taken as given. */
  record Link(long id, byte[] prevHash, byte[] hash) {}

  private final Connection connection;
  // The links held are those of the entries after..upTo that exist, in id order.
  private long after = -1;
  private long upTo = -1;
  private long[] ids = new long[0];
  private byte[][] prevHashes = new byte[0][];
  private byte[][] hashes = new byte[0][];
  private int size;

  ChainLinks(Connection connection) {
    this.connection = connection;
  }

  /** The link of entry {@code id}, or null when there is no such entry. */
  Link at(long id) throws SQLException {
    if (id <= after || id > upTo) {
      fetch(id - 1);
    }
    int i = Arrays.binarySearch(ids, 0, size, id);
    return i < 0 ? null : new Link(ids[i], prevHashes[i], hashes[i]);
  }

  /** The lowest id above {@code id} among the links held, or {@link Long#MAX_VALUE}. */
  long following(long id) {
    int i = Arrays.binarySearch(ids, 0, size, id);
    int next = i < 0 ? -i - 1 : i + 1;
    return next < size ? ids[next] : Long.MAX_VALUE;
  }

  // Binary results (Jdbc.scan): hashes arrive as raw bytes, not hex to be parsed.
  private void fetch(long from) throws SQLException {
    long end = from > Long.MAX_VALUE - CHUNK ? Long.MAX_VALUE : from + CHUNK;
    size = 0;
    Jdbc.scan(
        connection,
        SELECT_LINKS,
        0,
        row -> {
          if (size == ids.length) {
            grow();
          }
          ids[size] = row.getLong("id");
          prevHashes[size] = row.rawBytes("prev_hash");
          hashes[size] = row.rawBytes("hash");
          size++;
          return true;
        },
        from,
        end);
    after = from;
    upTo = end;
  }

  private void grow() {
    int capacity = Math.max(64, ids.length * 2);
    ids = Arrays.copyOf(ids, capacity);
    prevHashes = Arrays.copyOf(prevHashes, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
  }
}
