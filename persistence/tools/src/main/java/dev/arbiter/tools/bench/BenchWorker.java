package dev.arbiter.tools.bench;

import dev.arbiter.persistence.automation.AutomationWorker;
import dev.arbiter.persistence.db.WorkerLogin;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * The Arbiter worker beside a benchmark's writers, as production runs it: it seals the audit
 * entries writers leave and sends the change notices (V90, V96), so their cost and their delay are
 * measured with the writes that cause them.
 */
final class BenchWorker {

  private BenchWorker() {}

  /**
   * Makes (or refreshes) the worker login with {@code password}, as {@code migrator}, and starts a
   * worker signed in through {@code asLogin}, which must know that password.
   */
  static AutomationWorker start(
      Connection migrator, String password, Function<String, DataSource> asLogin)
      throws SQLException {
    WorkerLogin.ensure(migrator, password);
    AutomationWorker worker =
        new AutomationWorker(
            asLogin.apply(WorkerLogin.LOGIN),
            "bench",
            line -> {},
            Optional.empty(),
            Clock.systemUTC());
    worker.start();
    return worker;
  }
}
