package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.staff.StaffSession;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Chain verification for the console, on the signed-in staff member's own connections. */
public final class ChainCheckService {

  private final DataSource dataSource;

  public ChainCheckService(StaffSession session) {
    this(session.database().dataSource());
  }

  public ChainCheckService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Verifies as {@code options} ask; see {@link AuditChainVerifier#verify(DataSource,
   * VerifyOptions)}.
   */
  public ChainVerification verify(VerifyOptions options) {
    return new AuditChainVerifier().verify(dataSource, options);
  }

  /** The entries waiting to be sealed into the chain, which a verification does not cover. */
  public UnsealedEntries unsealed() {
    try {
      return StreamSnapshot.on(dataSource, UnsealedEntries::read);
    } catch (SQLException e) {
      throw new ChainReadException("could not read the unsealed audit entries", e);
    }
  }
}
