package dev.arbiter.persistence.disputes;

import dev.arbiter.persistence.disputes.CaseReader.Links;
import dev.arbiter.persistence.disputes.DisputeCase.Header;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Reads whole cases for the case view. Everything is read in one read-only REPEATABLE READ
 * transaction, so the thread, the escrow and the timeline agree with the version the agent acts on.
 */
public final class DisputeCaseService {

  /** A staff member support work can be assigned to. */
  public record Agent(String login, String displayName) {}

  /** Whether staff_accounts row {@code s} is an active support agent (its role may be gone). */
  static final String IS_SUPPORT =
      " s.active AND CASE WHEN EXISTS (SELECT 1 FROM pg_roles r WHERE r.rolname = s.login_role)"
          + " THEN pg_has_role(s.login_role, 'arbiter_support', 'MEMBER') ELSE false END";

  private static final String AGENTS =
      "SELECT s.login_role, s.display_name FROM staff_accounts s WHERE"
          + IS_SUPPORT
          + " ORDER BY s.display_name";

  private final DataSource dataSource;
  private final boolean admin;

  /**
   * @param admin whether the viewer is an admin, who alone sees {@code _internal*} and {@code
   *     private*} metadata
   */
  public DisputeCaseService(DataSource dataSource, boolean admin) {
    this.dataSource = dataSource;
    this.admin = admin;
  }

  /**
   * The case, or empty when no dispute has that id.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public Optional<DisputeCase> load(long disputeId) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      try {
        Optional<DisputeCase> found = read(c, disputeId);
        c.commit();
        return found;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not load the dispute", e);
    }
  }

  private Optional<DisputeCase> read(Connection c, long id) throws SQLException {
    Links[] links = new Links[1];
    Header header = CaseReader.header(c, id, links);
    if (header == null) {
      return Optional.empty();
    }
    Links l = links[0];
    return Optional.of(
        new DisputeCase(
            header,
            CaseReader.party(c, l.clientId(), id, admin),
            CaseReader.party(c, l.freelancerId(), id, admin),
            CaseReader.contract(c, l.contractId(), admin),
            CaseReader.escrow(c, l.escrowId()),
            CaseReader.checkpoints(c, l.escrowId(), header.checkpointId()),
            ThreadReader.messages(c, id),
            ThreadReader.evidence(c, id),
            ThreadReader.settlements(c, id),
            TimelineReader.timeline(c, id),
            MetadataView.entries(l.metadata(), admin)));
  }

  /**
   * The bytes of a stored evidence file, or empty when only its digest was recorded.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public Optional<byte[]> evidenceContent(long evidenceId) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT content FROM dispute_evidence WHERE id = ?")) {
      ps.setLong(1, evidenceId);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not read the evidence file", e);
    }
  }

  /** Active staff who hold the support role, by name: who a case may be assigned to. */
  public List<Agent> supportAgents() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(AGENTS);
        ResultSet rs = ps.executeQuery()) {
      List<Agent> agents = new ArrayList<>();
      while (rs.next()) {
        agents.add(new Agent(rs.getString(1), rs.getString(2)));
      }
      return agents;
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not list the support agents", e);
    }
  }
}
