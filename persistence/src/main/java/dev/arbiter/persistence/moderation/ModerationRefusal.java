package dev.arbiter.persistence.moderation;

import java.sql.SQLException;

/**
 * A claim, decision or undo the database refused for a reason the moderator can act on. The kind
 * comes from the SQLSTATE the moderation functions raise (V51).
 */
public class ModerationRefusal extends RuntimeException {

  /** Why the database refused. */
  public enum Kind {
    CLAIMED_BY_OTHER("MD001"),
    NOTHING_OPEN("MD002"),
    NOT_CLAIMED("MD003"),
    NO_SUCH_DECISION("MD004"),
    ALREADY_UNDONE("MD005"),
    UNDO_WINDOW_PASSED("MD006"),
    USER_CHANGED("MD007"),
    /** The item's open flags are not the ones the decision was based on (V76). */
    CHANGED_SINCE_SEEN("MD008"),
    /** The request key was already used by another login, or for another decision (V81, V82). */
    REQUEST_KEY_REUSED("MD009"),
    NOT_ALLOWED("42501"),
    INVALID("22023"),
    CONFLICT("40001");

    private final String sqlState;

    Kind(String sqlState) {
      this.sqlState = sqlState;
    }

    static Kind of(String sqlState) {
      for (Kind kind : values()) {
        if (kind.sqlState.equals(sqlState)) {
          return kind;
        }
      }
      if (sqlState != null && sqlState.startsWith("23")) {
        return INVALID;
      }
      return null;
    }
  }

  private final Kind kind;
  private final String holder;

  /** A refusal of {@code kind}; {@code holder} names the claimant for a claim conflict. */
  public ModerationRefusal(Kind kind, String message, String holder, SQLException cause) {
    super(message, cause);
    this.kind = kind;
    this.holder = holder;
  }

  public Kind kind() {
    return kind;
  }

  /** For {@link Kind#CLAIMED_BY_OTHER}: the login holding the claim; otherwise null. */
  public String holder() {
    return holder;
  }

  /** The typed refusal behind {@code e}, or null when {@code e} is not one. */
  static ModerationRefusal from(SQLException e) {
    Kind kind = Kind.of(e.getSQLState());
    if (kind == null) {
      return null;
    }
    String message = e.getMessage();
    String holder = null;
    if (e instanceof org.postgresql.util.PSQLException p && p.getServerErrorMessage() != null) {
      message = p.getServerErrorMessage().getMessage();
      if (kind == Kind.CLAIMED_BY_OTHER) {
        holder = p.getServerErrorMessage().getDetail();
      }
    }
    return new ModerationRefusal(kind, message, holder, e);
  }
}
