package dev.arbiter.tools.demo;

import java.util.SplittableRandom;

/**
 * Moderation flags come in groups: several users report the same item, and a moderator decides the
 * group at once. Each group gets one outcome, consistent with the item (a warned user has a {@code
 * warn_user} decision, a hidden message a {@code hide_content} one).
 */
final class FlagGroups {

  enum Outcome {
    OPEN,
    CLAIMED,
    DISMISSED,
    HIDE_CONTENT,
    WARN_USER,
    SUSPEND_USER
  }

  private static final String[] SEVERITIES = {"low", "medium", "high", "critical"};

  private FlagGroups() {}

  /**
   * Writes a group of 1 to 4 flags on one item.
   *
   * @param subjectUser the user the item belongs to, never a reporter (0 if none)
   * @param notBefore the earliest a flag may be raised
   * @param decidedAt when the group was decided (0 to choose); ignored for open groups
   */
  static void write(
      DemoWorld world,
      Batch batch,
      SplittableRandom r,
      String entityType,
      long entityId,
      long subjectUser,
      Outcome outcome,
      long notBefore,
      long decidedAt,
      String... reasons) {
    if ((outcome == Outcome.OPEN || outcome == Outcome.CLAIMED)
        && world.scale.openWork() < 1
        && r.nextDouble() >= world.scale.openWork()) {
      outcome = Outcome.DISMISSED;
    }
    boolean decided = outcome != Outcome.OPEN && outcome != Outcome.CLAIMED;
    long end = world.base - DemoWorld.HOUR;
    if (decided) {
      end =
          decidedAt > 0
              ? decidedAt
              : DemoWorld.between(r, Math.min(notBefore + 2 * DemoWorld.DAY, end), end);
    }
    long from = Math.min(notBefore, end - 2 * DemoWorld.HOUR);
    int flags = 1 + DemoWorld.weighted(r, 50, 30, 15, 5);
    long[] created = new long[flags];
    long lastCreated = 0;
    for (int i = 0; i < flags; i++) {
      created[i] = DemoWorld.between(r, from, end - DemoWorld.HOUR);
      lastCreated = Math.max(lastCreated, created[i]);
    }
    long claimedAt = 0;
    if (decided) {
      claimedAt = DemoWorld.between(r, lastCreated, end);
    } else if (outcome == Outcome.CLAIMED) {
      claimedAt = DemoWorld.between(r, lastCreated, world.base - 60);
    }
    String decision = decision(outcome);
    String reason = DemoNames.pick(r, reasons);
    for (int i = 0; i < flags; i++) {
      String flagReason = i == 0 || r.nextInt(3) > 0 ? reason : DemoNames.pick(r, reasons);
      String severity = SEVERITIES[severity(r, flagReason)];
      String actor = claimedAt > 0 ? DemoWorld.MODERATOR : DemoWorld.BACKEND;
      batch
          .rows(DemoTable.MODERATION_FLAGS, actor)
          .add(world.nextId(DemoTable.MODERATION_FLAGS))
          .add(entityType)
          .add(entityId)
          .add(reporter(world, r, subjectUser))
          .add(flagReason)
          .add(details(flagReason))
          .add(severity)
          .add(decision == null ? "open" : decision.equals("dismiss") ? "dismissed" : "actioned")
          .add(claimedAt > 0 ? DemoWorld.MODERATOR : null)
          .time(claimedAt)
          .add(decision)
          .add(decision == null ? null : decisionReason(decision))
          .add(decision == null ? null : DemoWorld.MODERATOR)
          .time(decision == null ? 0 : end)
          .time(created[i])
          .time(decision != null ? end : Math.max(created[i], claimedAt))
          .end();
    }
  }

  private static long reporter(DemoWorld world, SplittableRandom r, long subjectUser) {
    long users = world.scale.users();
    long reporter = 1 + r.nextLong(users);
    return reporter == subjectUser ? (reporter % users) + 1 : reporter;
  }

  private static int severity(SplittableRandom r, String reason) {
    int s = DemoWorld.weighted(r, 30, 35, 25, 10);
    return "fraud".equals(reason) || "harassment".equals(reason) ? Math.max(s, 2) : s;
  }

  private static String decision(Outcome outcome) {
    return switch (outcome) {
      case OPEN, CLAIMED -> null;
      case DISMISSED -> "dismiss";
      case HIDE_CONTENT -> "hide_content";
      case WARN_USER -> "warn_user";
      case SUSPEND_USER -> "suspend_user";
    };
  }

  private static String details(String reason) {
    return switch (reason) {
      case "spam" -> "Posting the same promotional link in every thread.";
      case "harassment" -> "Insulting messages after the dispute was opened.";
      case "fraud" -> "Profile and portfolio copied from another freelancer.";
      case "off_platform_payment" -> "Asked to be paid outside the platform.";
      case "impersonation" -> "Pretends to be a well-known agency.";
      case "inappropriate" -> "Offensive image in the uploaded files.";
      default -> "Reported through the help centre.";
    };
  }

  private static String decisionReason(String decision) {
    return switch (decision) {
      case "dismiss" -> "Reviewed the item; no policy breach.";
      case "hide_content" -> "Content breaks the community guidelines; hidden from the parties.";
      case "warn_user" -> "First breach; user warned with a link to the policy.";
      default -> "Repeated breaches after a warning; account suspended.";
    };
  }
}
