package dev.arbiter.persistence.disputes;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.access.DataAccess.Work;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.SQLException;

/**
 * The one data access, as the disputes services call it: a failure becomes a {@link
 * StaffDatabaseException} saying what could not be done, with the driver's SQLSTATE, so that the
 * console tells a lost connection from a refusal the same way for every read and write.
 */
final class DisputeAccess {

  private final DataAccess access;

  DisputeAccess(DataAccess access) {
    this.access = access;
  }

  <T> T snapshot(String failure, Work<T> work) {
    return call(failure, () -> access.snapshot(work));
  }

  <T> T read(String failure, Work<T> work) {
    return call(failure, () -> access.read(work));
  }

  <T> T write(Audited audited, String failure, Work<T> work) {
    return call(failure, () -> access.write(audited, work));
  }

  private static <T> T call(String failure, StaffDatabaseException.Call<T> call) {
    try {
      return StaffDatabaseException.wrap(failure, call);
    } catch (StaffDatabaseException e) {
      throw e; // already says what failed
    } catch (RuntimeException e) {
      throw withCause(failure, e);
    }
  }

  /**
   * A commit that loses its connection reaches us as Hibernate's {@code TransactionException}, not
   * as the driver's exception: it is still a database failure with a SQLSTATE.
   */
  private static RuntimeException withCause(String failure, RuntimeException e) {
    SQLException sql = sqlCause(e);
    return sql == null ? e : new StaffDatabaseException(failure, sql);
  }

  /** The driver's exception somewhere in {@code e}'s causes, or null. */
  static SQLException sqlCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql;
      }
    }
    return null;
  }
}
