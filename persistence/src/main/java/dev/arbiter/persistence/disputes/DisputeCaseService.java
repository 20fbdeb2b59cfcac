package dev.arbiter.persistence.disputes;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.util.List;
import java.util.Optional;

/**
 * Reads whole cases for the case view. Everything is read in one read-only REPEATABLE READ
 * snapshot, so the thread, the escrow and the timeline agree with the version the agent acts on.
 */
public final class DisputeCaseService {

  /** A staff member support work can be assigned to. */
  public record Agent(String login, String displayName) {}

  /** Whether staff_accounts row {@code s} is an active support agent (its role may be gone). */
  static final String IS_SUPPORT =
      " s.active AND CASE WHEN EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = s.login_role)"
          + " THEN pg_has_role(s.login_role, 'arbiter_support', 'MEMBER') ELSE false END";

  private static final String AGENTS =
      "SELECT s.login_role AS login, s.display_name AS display_name FROM staff_accounts s WHERE"
          + IS_SUPPORT
          + " ORDER BY s.display_name";

  private final DisputeAccess access;
  private final boolean admin;

  /**
   * @param admin whether the viewer is an admin, who alone sees {@code _internal*} and {@code
   *     private*} metadata
   */
  public DisputeCaseService(DataAccess access, boolean admin) {
    this.access = new DisputeAccess(access);
    this.admin = admin;
  }

  /**
   * The case, or empty when no dispute has that id.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public Optional<DisputeCase> load(long disputeId) {
    return access.snapshot(
        "Could not load the dispute", session -> new CaseReader(session, admin).read(disputeId));
  }

  /**
   * The bytes of a stored evidence file, or empty when only its digest was recorded.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public Optional<byte[]> evidenceContent(long evidenceId) {
    return access.read(
        "Could not read the evidence file",
        session ->
            Sql.first(
                    session,
                    "SELECT content AS content FROM dispute_evidence WHERE id = ?",
                    r -> Optional.ofNullable(r.bytes("content")),
                    evidenceId)
                .flatMap(content -> content));
  }

  /** Active staff who hold the support role, by name: who a case may be assigned to. */
  public List<Agent> supportAgents() {
    return access.read(
        "Could not list the support agents",
        session ->
            Sql.list(session, AGENTS, r -> new Agent(r.text("login"), r.text("display_name"))));
  }
}
