package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/**
 * What every generator of one load shares: the seed, the base time, the scale, id counters, the
 * people and the ledger. Generation runs on one thread, in a fixed order, so the same seed and base
 * time always give the same rows.
 */
final class DemoWorld {

  static final long HOUR = 3_600;
  static final long DAY = 86_400;

  static final String BACKEND = "demo_backend";
  static final String SUPPORT = "demo_support";
  static final String FINANCE = "demo_finance";
  static final String FINANCE2 = "demo_finance2";
  static final String MODERATOR = "demo_moderator";
  static final String ADMIN = "demo_admin";
  static final String AUTO_RELEASE = "auto_release";

  /** The staff logins demo rows refer to; they must exist as staff accounts before a load. */
  static final String[] STAFF = {SUPPORT, FINANCE, FINANCE2, MODERATOR, ADMIN};

  final long seed;
  final long base;
  final DemoScale scale;
  final boolean bulk;
  private final long[] nextIds = new long[DemoTable.values().length];

  DemoWorld(long seed, long baseEpochSecond, DemoScale scale) {
    this.seed = seed;
    this.base = baseEpochSecond;
    this.scale = scale;
    this.bulk = scale.bulk();
    java.util.Arrays.fill(nextIds, 1);
  }

  /** The next id of {@code table}; ids are explicit so that rows are reproducible. */
  long nextId(DemoTable table) {
    return nextIds[table.ordinal()]++;
  }

  /** Ids handed out so far for {@code table}. */
  long idsUsed(DemoTable table) {
    return nextIds[table.ordinal()] - 1;
  }

  /**
   * An independent random stream for one item (stream names a kind of item), so that an item's data
   * never depends on how the load is chunked.
   */
  SplittableRandom random(long stream, long index) {
    long h = seed ^ (stream * 0x9E3779B97F4A7C15L) ^ (index * 0xC2B2AE3D27D4EB4FL);
    h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
    h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
    return new SplittableRandom(h ^ (h >>> 31));
  }

  /** {@code value} in decimal, left-padded with zeros to {@code width} digits. */
  static String padded(long value, int width) {
    String digits = Long.toString(value);
    return digits.length() >= width ? digits : "0".repeat(width - digits.length()) + digits;
  }

  /** A moment uniformly between {@code from} and {@code to} (inclusive of from). */
  static long between(SplittableRandom r, long from, long to) {
    return to <= from ? from : from + r.nextLong(to - from);
  }

  /** Picks an index by weight. */
  static int weighted(SplittableRandom r, int... weights) {
    int total = 0;
    for (int w : weights) {
      total += w;
    }
    int x = r.nextInt(total);
    for (int i = 0; i < weights.length; i++) {
      x -= weights[i];
      if (x < 0) {
        return i;
      }
    }
    return weights.length - 1;
  }

  /** A count with the given mean: spread around it when large, mostly zero when below one. */
  static int count(SplittableRandom r, double mean) {
    if (mean <= 0) {
      return 0;
    }
    if (mean >= 2) {
      int spread = (int) Math.round(mean * 2) - 1;
      return 1 + r.nextInt(Math.max(1, spread));
    }
    return r.nextDouble() < mean / 2 ? 1 + r.nextInt(3) : 0;
  }
}
