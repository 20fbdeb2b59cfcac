package dev.arbiter.model.common;

/**
 * A status change the rules refuse: either not a legal move at all, or one that only a database
 * money function may make. Thrown before anything is written, so the message can be shown as is.
 */
public class IllegalStatusChangeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String entity;
  private final String from;
  private final String to;
  private final boolean moneyFunctionOnly;

  public IllegalStatusChangeException(
      String entity, String from, String to, boolean moneyFunctionOnly) {
    super(
        moneyFunctionOnly
            ? String.format(
                "A %s moves from %s to %s only through its finance action.", entity, from, to)
            : String.format("A %s cannot move from %s to %s.", entity, from, to));
    this.entity = entity;
    this.from = from;
    this.to = to;
    this.moneyFunctionOnly = moneyFunctionOnly;
  }

  /** The entity name used in {@code status_transitions}, e.g. {@code dispute}. */
  public String entity() {
    return entity;
  }

  public String from() {
    return from;
  }

  public String to() {
    return to;
  }

  /** True when the move is legal but reserved to the database's money functions. */
  public boolean moneyFunctionOnly() {
    return moneyFunctionOnly;
  }
}
