package dev.arbiter.persistence.disputes;

import java.util.Objects;

/**
 * Whose cases the queue shows: anyone's, the signed-in member's own ("mine"), nobody's yet, or one
 * named staff login's.
 */
public record AssigneeFilter(Kind kind, String login) {

  /** The kinds of assignee filter. */
  public enum Kind {
    ANY,
    MINE,
    UNASSIGNED,
    LOGIN
  }

  public static final AssigneeFilter ANY = new AssigneeFilter(Kind.ANY, null);
  public static final AssigneeFilter MINE = new AssigneeFilter(Kind.MINE, null);
  public static final AssigneeFilter UNASSIGNED = new AssigneeFilter(Kind.UNASSIGNED, null);

  public AssigneeFilter {
    Objects.requireNonNull(kind, "kind");
    if ((kind == Kind.LOGIN) != (login != null && !login.isBlank())) {
      throw new IllegalArgumentException("a login is given exactly for the LOGIN kind");
    }
  }

  public static AssigneeFilter login(String login) {
    return new AssigneeFilter(Kind.LOGIN, login);
  }
}
