package dev.arbiter.model.common;

import java.util.Objects;

/**
 * One legal status change, as listed in the database's {@code status_transitions} table.
 *
 * @param from the status before the change
 * @param to the status after the change
 * @param byOwnerOnly true when only the database's money functions may make the change; a staff
 *     login writing the status column directly is refused
 */
public record Transition<S extends Enum<S> & DatabaseValue>(S from, S to, boolean byOwnerOnly) {

  public Transition {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (from == to) {
      throw new IllegalArgumentException("a transition changes the status: " + from);
    }
  }

  /** Same as {@link #byOwnerOnly()}, in the words the console uses. */
  public boolean requiresMoneyFunction() {
    return byOwnerOnly;
  }
}
