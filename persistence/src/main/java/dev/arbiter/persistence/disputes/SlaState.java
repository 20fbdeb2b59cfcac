package dev.arbiter.persistence.disputes;

/**
 * Where a dispute stands against its response deadline, as the queue filters it. "Due soon" is
 * within {@link #DUE_SOON_HOURS} hours.
 */
public enum SlaState {
  BREACHED("d.response_due_at < now()"),
  DUE_SOON(
      "(d.response_due_at >= now() AND d.response_due_at < now() + interval '"
          + SlaState.DUE_SOON_HOURS
          + " hours')"),
  ON_TRACK("d.response_due_at >= now() + interval '" + SlaState.DUE_SOON_HOURS + " hours'"),
  NO_DEADLINE("d.response_due_at IS NULL");

  /** How close a deadline must be to count as due soon. */
  public static final int DUE_SOON_HOURS = 4;

  private final String predicate;

  SlaState(String predicate) {
    this.predicate = predicate;
  }

  String predicate() {
    return predicate;
  }
}
