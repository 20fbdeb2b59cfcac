package dev.arbiter.persistence.moderation;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.moderation.FlagDecision;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The preset reasons a moderator picks for a decision ({@code moderation_decisions.reason_code},
 * whose CHECK lists the same spellings). The author message is the label plus the free text.
 */
public enum ModerationReason implements DatabaseValue {
  SPAM("Spam or advertising", actions()),
  HARASSMENT("Harassment or abuse", actions()),
  FRAUD("Fraud or scam", actions()),
  OFF_PLATFORM_PAYMENT("Asking for payment outside the platform", actions()),
  INAPPROPRIATE("Inappropriate content", actions()),
  IMPERSONATION("Impersonation", actions()),
  NO_VIOLATION("No rule was broken", EnumSet.of(FlagDecision.DISMISS)),
  DUPLICATE("Already handled elsewhere", EnumSet.of(FlagDecision.DISMISS)),
  OTHER("Other (explain in the note)", EnumSet.allOf(FlagDecision.class));

  private final String label;
  private final Set<FlagDecision> fits;

  ModerationReason(String label, Set<FlagDecision> fits) {
    this.label = label;
    this.fits = fits;
  }

  private static Set<FlagDecision> actions() {
    return EnumSet.complementOf(EnumSet.of(FlagDecision.DISMISS));
  }

  public String label() {
    return label;
  }

  /** Whether this reason may justify {@code decision}. */
  public boolean fits(FlagDecision decision) {
    return fits.contains(decision);
  }

  /** Whether the free-text note is required with this reason (the database checks it too). */
  public boolean needsNote() {
    return this == OTHER;
  }

  /** The reasons offered for {@code decision}, in display order. */
  public static List<ModerationReason> forDecision(FlagDecision decision) {
    return Arrays.stream(values()).filter(r -> r.fits(decision)).toList();
  }
}
