package dev.arbiter.model.audit;

import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The two identities every audited change records: who it is for ({@code audit_log.actor}) and the
 * database login that made it ({@code db_user}). They differ when a login names the user or service
 * it acts for (the marketplace backend's {@code SET LOCAL arbiter.actor}, e.g. {@code
 * user:4821@ios}); a named identity must never pass for a login, so whatever shows who changed
 * something shows both then.
 *
 * @param actor who the change is attributed to: a login, {@code user:<id>@<channel>}, {@code
 *     svc:<name>} or an automation's {@code system:<name>}
 * @param dbUser the PostgreSQL login that made the change ({@code session_user})
 */
public record AuditActor(String actor, String dbUser) {

  public AuditActor {
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(dbUser, "dbUser");
  }

  /** Whether the login wrote the change for an identity it named rather than for itself. */
  public boolean isOnBehalf() {
    return !actor.equals(dbUser);
  }

  /**
   * Whether {@code login} made the change itself, for itself. A change another login wrote in
   * {@code login}'s name is not its own: a view must still announce it.
   */
  public boolean isOwnChangeOf(String login) {
    return actor.equals(login) && dbUser.equals(login);
  }

  /** {@code demo_support}, or {@code user:4821@ios (via demo_backend)} when the two differ. */
  public String text() {
    return text(UnaryOperator.identity());
  }

  /**
   * As {@link #text()}, with the actor shown as {@code names} calls it (a staff login as the name
   * staff know it by); the login after "via" stays the login, since that is what the database saw.
   */
  public String text(UnaryOperator<String> names) {
    String shown = names.apply(actor);
    return isOnBehalf() ? shown + " (via " + dbUser + ")" : shown;
  }

  /** The same as {@link #text()}, so a pair put into a message still shows both identities. */
  @Override
  public String toString() {
    return text();
  }
}
