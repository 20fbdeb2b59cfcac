package dev.arbiter.tools.demo;

/**
 * How much demo data to load.
 *
 * <p>{@link #of(int)} gives the base demo at factor 1 (300 disputes, 360 users, about 50
 * workspaces, 400 contracts; some 8,000 rows) and grows with the factor: disputes grow linearly,
 * while users, contracts and the rows around each dispute (messages, evidence, the detail of
 * long-closed cases) grow sub-linearly. At factor 3334 (a million disputes on some 35,000
 * contracts) most disputes are closed history: a checkpoint carries several dismissed disputes
 * before the one that decided it. That keeps a queue-sized stress database loadable in under a
 * minute; a million disputes with the base demo's full detail would take several.
 *
 * @param factor the scale factor it was made from (informational)
 * @param users marketplace users: clients, freelancers and agency owners
 * @param contracts contracts, each with an escrow and its checkpoints
 * @param disputes disputes, spread evenly over the contracts
 * @param messagesPerDispute mean thread length
 * @param evidencePerDispute mean number of evidence files
 * @param historyDetail share of closed, superseded disputes that keep their full detail
 * @param bulk whether to load in bulk mode (see {@link DemoDataLoader}): {@link #of(int)} turns it
 *     on from {@value #BULK_THRESHOLD} disputes
 */
public record DemoScale(
    int factor,
    int users,
    int contracts,
    int disputes,
    double messagesPerDispute,
    double evidencePerDispute,
    double historyDetail,
    boolean bulk) {

  /** From this many disputes on, {@link #of(int)} loads in bulk mode. */
  public static final int BULK_THRESHOLD = 100_000;

  /** Disputes per unit of scale. */
  public static final int DISPUTES_PER_FACTOR = 300;

  /** The largest factor {@link #of(int)} takes: 50 million disputes. */
  public static final int MAX_FACTOR = 50_000_000 / DISPUTES_PER_FACTOR;

  public DemoScale {
    if (factor < 1) {
      throw new IllegalArgumentException("scale factor must be at least 1, was " + factor);
    }
    if (users < 40) {
      throw new IllegalArgumentException("demo data needs at least 40 users, was " + users);
    }
    if (contracts < 1 || disputes < 0) {
      throw new IllegalArgumentException("contracts must be positive and disputes not negative");
    }
    if (messagesPerDispute < 0 || evidencePerDispute < 0) {
      throw new IllegalArgumentException("per-dispute volumes cannot be negative");
    }
    if (historyDetail < 0 || historyDetail > 1) {
      throw new IllegalArgumentException("historyDetail is a share between 0 and 1");
    }
  }

  /** The scale for factor {@code n} (1 is the base demo). */
  public static DemoScale of(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("scale factor must be at least 1, was " + n);
    }
    if (n > MAX_FACTOR) {
      throw new IllegalArgumentException("scale factor " + n + " is beyond what demo data is for");
    }
    long disputes = (long) DISPUTES_PER_FACTOR * n;
    return new DemoScale(
        n,
        (int) Math.round(360 * Math.pow(n, 0.55)),
        (int) Math.round(400 * Math.pow(n, 0.55)),
        (int) disputes,
        Math.max(0.3, 5 * Math.pow(n, -0.35)),
        Math.max(0.02, 1.2 * Math.pow(n, -0.5)),
        Math.min(1, Math.pow(n, -0.5)),
        disputes >= BULK_THRESHOLD);
  }

  /**
   * The share of the base demo's open work that is still open at this scale: all of it at factor 1,
   * whose every screen shows a busy desk, falling to a fifth at a million disputes, where most of
   * what a marketplace holds is history (flags decided, contracts finished, a dispute raised before
   * delivery holding nothing yet). Generators draw against it only below 1, so the base demo stays
   * as it was.
   */
  public double openWork() {
    return Math.min(1, Math.pow(factor, -0.2));
  }

  /**
   * The share of contracts that go to a few busy parties (a handful of large clients and agencies
   * with hundreds of contracts each); none in the base demo, whose screens show a spread of names.
   */
  public double busyParties() {
    return factor == 1 ? 0 : 0.15;
  }

  /** The same volumes, loaded in the other mode. */
  public DemoScale withBulk(boolean bulk) {
    return new DemoScale(
        factor,
        users,
        contracts,
        disputes,
        messagesPerDispute,
        evidencePerDispute,
        historyDetail,
        bulk);
  }
}
