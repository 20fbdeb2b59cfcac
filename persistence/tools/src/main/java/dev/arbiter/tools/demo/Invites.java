package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/** Workspace invites in every state. Only the SHA-256 of each random token is stored. */
final class Invites {

  private static final String[] ROLES = {"admin", "manager", "member", "viewer"};
  private static final String[] STATUSES = {"pending", "accepted", "revoked", "expired"};
  private static final long WEEK = 7 * DemoWorld.DAY;

  private Invites() {}

  static void write(
      DemoWorld world, Batch batch, SplittableRandom r, long workspace, long owner, long since) {
    int count = 1 + r.nextInt(4);
    for (int i = 0; i < count; i++) {
      long id = world.nextId(DemoTable.WORKSPACE_INVITES);
      int status = (int) ((workspace + i) % 4);
      long created;
      long expires;
      long accepted = 0;
      long revoked = 0;
      if (status == 0) {
        created = world.base - DemoWorld.between(r, DemoWorld.HOUR, 6 * DemoWorld.DAY);
        expires = created + WEEK;
      } else {
        long latest = Math.max(since + DemoWorld.HOUR, world.base - 8 * DemoWorld.DAY);
        created = DemoWorld.between(r, Math.min(since, latest), latest);
        expires = created + WEEK;
        if (status == 1) {
          accepted = created + DemoWorld.between(r, DemoWorld.HOUR, 3 * DemoWorld.DAY);
        } else if (status == 2) {
          revoked = created + DemoWorld.between(r, DemoWorld.HOUR, 5 * DemoWorld.DAY);
        }
      }
      byte[] token = new byte[32];
      for (int b = 0; b < token.length; b += 8) {
        long bits = r.nextLong();
        for (int k = 0; k < 8; k++) {
          token[b + k] = (byte) (bits >>> (8 * k));
        }
      }
      DemoNames.Person invitee = DemoNames.person(r);
      batch
          .rows(DemoTable.WORKSPACE_INVITES, status == 1 ? DemoWorld.BACKEND : DemoWorld.ADMIN)
          .add(id)
          .add(workspace)
          .add(DemoNames.email(r, invitee.mailName(), id))
          .add(ROLES[DemoWorld.weighted(r, 10, 20, 55, 15)])
          .add(STATUSES[status])
          .bytes(EvidenceFiles.sha256(token))
          .time(expires)
          .ref(owner)
          .time(accepted)
          .time(revoked)
          .time(created)
          .time(Math.max(Math.max(created, accepted), status == 3 ? expires : revoked))
          .end();
    }
  }
}
