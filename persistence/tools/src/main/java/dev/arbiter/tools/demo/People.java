package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/**
 * The marketplace's users: clients, freelancers and agency owners from many countries, a few of
 * them warned or suspended after moderation. Keeps what later generators need to pick parties.
 */
final class People {

  static final byte CLIENT = 0;
  static final byte FREELANCER = 1;
  static final byte AGENCY_OWNER = 2;
  private static final String[] KINDS = {"client", "freelancer", "agency_owner"};
  private static final long STREAM = 1;

  private final byte[] kind;
  private final byte[] currency;
  private final long[] workspaceOf;
  private final int[] clients;
  private final int[] sellers;

  private People(byte[] kind, byte[] currency) {
    this.kind = kind;
    this.currency = currency;
    this.workspaceOf = new long[kind.length + 1];
    int clientCount = 0;
    for (byte k : kind) {
      clientCount += k == CLIENT ? 1 : 0;
    }
    clients = new int[clientCount];
    sellers = new int[kind.length - clientCount];
    int c = 0;
    int s = 0;
    for (int i = 0; i < kind.length; i++) {
      if (kind[i] == CLIENT) {
        clients[c++] = i + 1;
      } else {
        sellers[s++] = i + 1;
      }
    }
  }

  /** Writes the users (ids 1..n) and the moderation history behind their statuses. */
  static People generate(DemoWorld world, Batch batch) {
    int n = world.scale.users();
    byte[] kind = new byte[n];
    byte[] currency = new byte[n];
    for (int i = 0; i < n; i++) {
      long id = world.nextId(DemoTable.USERS);
      SplittableRandom r = world.random(STREAM, id);
      kind[i] = (byte) DemoWorld.weighted(r, 50, 40, 10);
      DemoNames.Person person = DemoNames.person(r);
      currency[i] = (byte) Ledger.currencyIndex(person.currency());
      long created = world.base - DemoWorld.between(r, 30 * DemoWorld.DAY, 1500 * DemoWorld.DAY);
      int status = DemoWorld.weighted(r, 91, 4, 3, 2);
      long decidedAt =
          status == 1 || status == 2
              ? DemoWorld.between(r, created + DemoWorld.DAY, world.base - DemoWorld.HOUR)
              : 0;
      long suspendedUntil =
          status == 2 && r.nextBoolean()
              ? world.base + DemoWorld.between(r, 7 * DemoWorld.DAY, 60 * DemoWorld.DAY)
              : 0;
      batch
          .rows(DemoTable.USERS, decidedAt > 0 ? DemoWorld.MODERATOR : DemoWorld.BACKEND)
          .add(id)
          .add(DemoNames.email(r, person.mailName(), id))
          .add(person.displayName())
          .add(KINDS[kind[i]])
          .add(new String[] {"active", "warned", "suspended", "closed"}[status])
          .time(suspendedUntil)
          .add(person.country())
          .add(metadata(r))
          .time(created)
          .time(decidedAt > 0 ? decidedAt : created)
          .end();
      flags(world, batch, r, id, status, created, decidedAt);
    }
    return new People(kind, currency);
  }

  /** A client; at scale now and then one of the few busy ones (see {@link DemoScale}). */
  long randomClient(SplittableRandom r, double busy) {
    return pick(clients, r, busy);
  }

  /** A freelancer or an agency owner: someone who sells work. */
  long randomSeller(SplittableRandom r, double busy) {
    return pick(sellers, r, busy);
  }

  /** The first half percent of each list are the busy ones, sharing {@code busy} of the picks. */
  private static long pick(int[] from, SplittableRandom r, double busy) {
    if (busy > 0 && r.nextDouble() < busy) {
      return from[r.nextInt(Math.max(1, from.length / 200))];
    }
    return from[r.nextInt(from.length)];
  }

  int[] sellers() {
    return sellers;
  }

  int[] clients() {
    return clients;
  }

  boolean isAgencyOwner(long user) {
    return kind[(int) user - 1] == AGENCY_OWNER;
  }

  boolean isFreelancer(long user) {
    return kind[(int) user - 1] == FREELANCER;
  }

  String currency(long user) {
    return Ledger.CURRENCIES[currency[(int) user - 1]];
  }

  /** The workspace a seller works through, 0 if none. */
  long workspaceOf(long user) {
    return workspaceOf[(int) user];
  }

  void joinWorkspace(long user, long workspace) {
    workspaceOf[(int) user] = workspace;
  }

  private static String metadata(SplittableRandom r) {
    Json json =
        Json.object()
            .put("signup_channel", DemoNames.pick(r, new String[] {"organic", "referral", "ads"}))
            .put("marketing_opt_in", r.nextBoolean());
    // Keys the console must never show: they exercise the metadata sanitiser.
    if (r.nextInt(3) == 0) {
      json.putHundredths("_internal_risk_score", r.nextInt(100));
    }
    if (r.nextInt(10) == 0) {
      json.put("private_kyc_reference", "KYC-" + (100000 + r.nextInt(900000)));
    }
    return json.toString();
  }

  private static void flags(
      DemoWorld world,
      Batch batch,
      SplittableRandom r,
      long user,
      int status,
      long created,
      long decidedAt) {
    String[] reasons = {"spam", "fraud", "impersonation", "harassment", "off_platform_payment"};
    FlagGroups.Outcome outcome =
        switch (status) {
          case 1 -> FlagGroups.Outcome.WARN_USER;
          case 2 -> FlagGroups.Outcome.SUSPEND_USER;
          default ->
              switch (r.nextInt(40)) {
                case 0 -> FlagGroups.Outcome.OPEN;
                case 1 -> FlagGroups.Outcome.CLAIMED;
                case 2 -> FlagGroups.Outcome.DISMISSED;
                default -> null;
              };
        };
    if (outcome != null) {
      FlagGroups.write(world, batch, r, "user", user, user, outcome, created, decidedAt, reasons);
    }
  }
}
