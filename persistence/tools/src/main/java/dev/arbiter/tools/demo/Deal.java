package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/**
 * The terms of one contract: who, what kind, in which currency, at what fee, and how its work is
 * cut into checkpoints and priced. Disputes, settlements and journals refer to it.
 *
 * @param kind index into {@link #KINDS}
 * @param csat the client's score in hundredths, -1 if not given
 * @param feeBasisPoints the platform fee on what the freelancer is paid; 0 where waived
 */
record Deal(
    long id,
    int kind,
    long client,
    long seller,
    long workspace,
    String currency,
    int csat,
    int feeBasisPoints,
    long created) {

  static final String[] KINDS = {"gig_order", "fixed_price", "hourly", "project_stage"};
  private static final String[] PREFIXES = {"GIG", "FIX", "HRL", "PRJ"};

  /** Agrees the terms of contract {@code id}. */
  static Deal negotiate(DemoWorld world, People people, SplittableRandom r, long id) {
    int kind = DemoWorld.weighted(r, 30, 30, 20, 20);
    long client = people.randomClient(r, world.scale.busyParties());
    long seller = people.randomSeller(r, world.scale.busyParties());
    long workspace =
        people.workspaceOf(seller) > 0 && r.nextInt(10) < 8 ? people.workspaceOf(seller) : 0;
    String currency = r.nextInt(5) < 4 ? people.currency(client) : Ledger.CURRENCIES[r.nextInt(3)];
    int csat =
        r.nextInt(100) < 65 ? 500 - Math.min(400, (int) (Math.abs(r.nextGaussian()) * 90)) : -1;
    int fee = workspace > 0 && r.nextInt(10) < 3 ? 0 : kind == 3 ? 500 : 1000;
    long created = world.base - DemoWorld.between(r, 20 * DemoWorld.DAY, 540 * DemoWorld.DAY);
    return new Deal(id, kind, client, seller, workspace, currency, csat, fee, created);
  }

  String kindName() {
    return KINDS[kind];
  }

  String reference() {
    return PREFIXES[kind] + "-" + DemoWorld.padded(id, 6);
  }

  long fee(long gross) {
    return gross * feeBasisPoints / 10_000;
  }

  /** How many checkpoints the work is cut into; more when many disputes must find a place. */
  int checkpointCount(SplittableRandom r, int disputes) {
    int usual =
        switch (kind) {
          case 0 -> 1 + (r.nextInt(4) == 0 ? 1 : 0);
          case 1 -> 1 + r.nextInt(4);
          case 2 -> 2 + r.nextInt(7);
          default -> 2 + r.nextInt(4);
        };
    return Math.max(usual, Math.min(12, (disputes + 7) / 8));
  }

  /** How long the whole contract was meant to run, in seconds. */
  long duration(SplittableRandom r, int checkpoints) {
    long days =
        switch (kind) {
          case 0 -> 5 + r.nextInt(15);
          case 1 -> 20 + r.nextInt(70);
          case 2 -> 7L * checkpoints;
          default -> 60 + r.nextInt(180);
        };
    return days * DemoWorld.DAY;
  }

  /** Checkpoint {@code j} of {@code count}, priced and with its approval rules. */
  Checkpoint checkpoint(DemoWorld world, SplittableRandom r, int j, int count) {
    long amount = price(r);
    String requirement =
        switch (kind) {
          case 0 -> r.nextInt(100) < 65 ? "auto" : "single";
          case 2 -> r.nextBoolean() ? "auto" : "single";
          case 1 -> new String[] {"auto", "single", "dual"}[DemoWorld.weighted(r, 10, 60, 30)];
          default -> r.nextInt(100) < 40 ? "single" : "dual";
        };
    if (amount >= 500_000 && !"auto".equals(requirement)) {
      requirement = "dual";
    }
    int threshold =
        !"auto".equals(requirement) && r.nextInt(100) < 35 ? 350 + 50 * r.nextInt(3) : -1;
    return new Checkpoint(
        world.nextId(DemoTable.ESCROW_CHECKPOINTS),
        j + 1,
        DemoText.checkpointLabel(kindName(), j + 1, count),
        amount,
        requirement,
        threshold);
  }

  /** Realistic prices in minor units: whole units, hourly ones from a rate and half hours. */
  private long price(SplittableRandom r) {
    double major =
        switch (kind) {
          case 0 -> new int[] {25, 40, 60, 85, 120, 150, 250, 400, 600}[r.nextInt(9)];
          case 1 -> 300 + r.nextInt(40) * 250;
          case 2 -> (15 + r.nextInt(22) * 5) * (5 + r.nextInt(71) * 0.5);
          default -> 2_000 + r.nextInt(47) * 500;
        };
    double rate = "GBP".equals(currency) ? 0.8 : "EUR".equals(currency) ? 0.92 : 1;
    return kind == 2 ? Math.round(major * rate * 100) : Math.round(major * rate) * 100;
  }
}
