package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/**
 * A dispute's message thread and evidence: the opener's complaint, the other party's answer,
 * support's replies and internal notes. Now and then a party asks to be paid off-platform; those
 * messages are flagged, and hidden when a moderator acted on the flags.
 */
final class Threads {

  private static final long STREAM = 4;

  private final DemoWorld world;

  Threads(DemoWorld world) {
    this.world = world;
  }

  void write(Batch batch, SplittableRandom r, Deal deal, Disputes.Draft d, boolean assigned) {
    long end = d.active() ? world.base - 60 : d.resolvedAt;
    long opener = d.byClient ? deal.client() : deal.seller();
    long other = d.byClient ? deal.seller() : deal.client();
    boolean staffInvolved = assigned || !d.status.equals("open");
    int count = DemoWorld.count(r, world.scale.messagesPerDispute());
    long at = d.openedAt;
    for (int i = 0; i < count && at < end; i++) {
      int role =
          i < 2 ? i : DemoWorld.weighted(r, 25, 25, staffInvolved ? 25 : 0, staffInvolved ? 25 : 0);
      long author = role == 0 ? opener : role == 1 ? other : 0;
      String body =
          switch (role) {
            case 0 -> i == 0 ? DemoText.opener(r, d.byClient) : DemoText.reply(r);
            case 1 -> DemoText.reply(r);
            case 2 -> DemoText.supportToParties(r);
            default -> DemoText.internalNote(r);
          };
      long id = world.nextId(DemoTable.DISPUTE_MESSAGES);
      long hidden = 0;
      if (author > 0 && i > 0 && r.nextInt(25) == 0) {
        body = DemoText.offPlatform(r);
        hidden = offPlatformFlags(batch, world.random(STREAM, id), id, author, at);
      }
      batch
          .rows(DemoTable.DISPUTE_MESSAGES, author > 0 ? DemoWorld.BACKEND : DemoWorld.SUPPORT)
          .add(id)
          .add(d.id)
          .ref(author)
          .add(author > 0 ? null : DemoWorld.SUPPORT)
          .add(role == 3 ? "internal" : "parties")
          .add(body)
          .time(hidden)
          .time(at)
          .time(hidden > 0 ? hidden : at)
          .end();
      at += DemoWorld.between(r, 10 * 60, 2 * DemoWorld.DAY);
    }
    int files = DemoWorld.count(r, world.scale.evidencePerDispute());
    for (int e = 0; e < files; e++) {
      long uploadedAt = DemoWorld.between(r, d.openedAt, end);
      int who = DemoWorld.weighted(r, 60, 25, staffInvolved ? 15 : 0);
      long uploader = who == 0 ? opener : who == 1 ? other : 0;
      EvidenceFiles.EvidenceFile file = EvidenceFiles.generate(r, e, uploadedAt);
      long id = world.nextId(DemoTable.DISPUTE_EVIDENCE);
      batch
          .rows(DemoTable.DISPUTE_EVIDENCE, uploader > 0 ? DemoWorld.BACKEND : DemoWorld.SUPPORT)
          .add(id)
          .add(d.id)
          .ref(uploader)
          .add(uploader > 0 ? null : DemoWorld.SUPPORT)
          .add(file.fileName())
          .add(file.mimeType())
          .add(file.content().length)
          .bytes(file.sha256())
          .bytes(file.content())
          .time(uploadedAt)
          .end();
      if (uploader > 0 && r.nextInt(40) == 0) {
        FlagGroups.Outcome outcome =
            FlagGroups.Outcome.values()[DemoWorld.weighted(r, 40, 20, 30, 10)];
        FlagGroups.write(
            world,
            batch,
            r,
            "dispute_evidence",
            id,
            uploader,
            outcome,
            uploadedAt,
            0,
            "inappropriate",
            "other");
      }
    }
  }

  /** Flags the message; returns when it was hidden, or 0 if it stays visible. */
  private long offPlatformFlags(
      Batch batch, SplittableRandom r, long message, long author, long at) {
    FlagGroups.Outcome outcome =
        new FlagGroups.Outcome[] {
              FlagGroups.Outcome.OPEN,
              FlagGroups.Outcome.CLAIMED,
              FlagGroups.Outcome.DISMISSED,
              FlagGroups.Outcome.HIDE_CONTENT
            }
            [DemoWorld.weighted(r, 35, 15, 20, 30)];
    long decided =
        outcome == FlagGroups.Outcome.HIDE_CONTENT || outcome == FlagGroups.Outcome.DISMISSED
            ? Math.max(
                at,
                Math.min(DemoWorld.between(r, at + DemoWorld.HOUR, world.base), world.base - 60))
            : 0;
    FlagGroups.write(
        world,
        batch,
        r,
        "dispute_message",
        message,
        author,
        outcome,
        at,
        decided,
        "off_platform_payment",
        "spam");
    return outcome == FlagGroups.Outcome.HIDE_CONTENT ? decided : 0;
  }
}
