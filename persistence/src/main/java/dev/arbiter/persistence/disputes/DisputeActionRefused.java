package dev.arbiter.persistence.disputes;

import java.util.List;

/**
 * A dispute action that was refused and changed nothing. The message is a sentence for the screen;
 * {@link #field()} names the form field it is about (for validation), and {@link #changes()} lists
 * what someone else changed when the agent's view was stale.
 */
public final class DisputeActionRefused extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why the action was refused. */
  public enum Reason {
    /** The signed-in staff member's role may not do this (the database refuses it too). */
    NOT_PERMITTED,
    /** Not a legal status change from where the case is now. */
    ILLEGAL_TRANSITION,
    /** The case changed since the agent opened it. */
    STALE,
    /** An input is missing or wrong; see {@link #field()}. */
    INVALID,
    NOT_FOUND,
    /** The idempotency key was already used for a different action. */
    KEY_REUSED
  }

  /** A field that differs between what the agent saw and what the case holds now. */
  public record FieldChange(String field, String seen, String now) {}

  private final Reason reason;
  private final String field;
  private final transient List<FieldChange> changes;

  public DisputeActionRefused(Reason reason, String message) {
    this(reason, message, null, List.of());
  }

  public DisputeActionRefused(
      Reason reason, String message, String field, List<FieldChange> changes) {
    super(message);
    this.reason = reason;
    this.field = field;
    this.changes = List.copyOf(changes);
  }

  /** A validation failure on one field. */
  public static DisputeActionRefused invalid(String field, String message) {
    return new DisputeActionRefused(Reason.INVALID, message, field, List.of());
  }

  public Reason reason() {
    return reason;
  }

  /** The form field the refusal is about, or null. */
  public String field() {
    return field;
  }

  public List<FieldChange> changes() {
    return changes;
  }
}
