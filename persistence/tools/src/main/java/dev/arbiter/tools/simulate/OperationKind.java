package dev.arbiter.tools.simulate;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The kinds of marketplace traffic the simulator writes, with their default share of the mix. */
public enum OperationKind {
  /** A party opens a dispute on a funded checkpoint, with an opening statement. */
  DISPUTE(10),
  /** A party posts a message on an open dispute. */
  MESSAGE(38),
  /** A freelancer submits the next pending checkpoint of a funded contract for release. */
  SUBMISSION(14),
  /** A user flags a message, a profile or a contract for moderation. */
  FLAG(12),
  /** A workspace is renamed, re-configured, invites someone or gains a member. */
  WORKSPACE(18),
  /**
   * A client hires a freelancer: a contract with its checkpoints, and the escrow funded. This keeps
   * work coming for submissions and disputes however long the simulation runs.
   */
  CONTRACT(8);

  private final int defaultWeight;

  OperationKind(int defaultWeight) {
    this.defaultWeight = defaultWeight;
  }

  /** The name used on the command line and in reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  int defaultWeight() {
    return defaultWeight;
  }

  /** The kind called {@code label}, case-insensitively. */
  public static OperationKind byLabel(String label) {
    for (OperationKind kind : values()) {
      if (kind.label().equalsIgnoreCase(label.trim())) {
        return kind;
      }
    }
    throw new IllegalArgumentException(
        "unknown kind '" + label.trim() + "' (one of " + labels() + ")");
  }

  static String labels() {
    return Arrays.stream(values()).map(OperationKind::label).collect(Collectors.joining(", "));
  }
}
