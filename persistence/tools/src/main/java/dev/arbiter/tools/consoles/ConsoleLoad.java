package dev.arbiter.tools.consoles;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * A hundred consoles (or {@link ConsoleLoadPlan#consoles}) against one server through PgBouncer,
 * each with its own staff login, its real services and its own listener, while the simulator
 * writes; measured side by side with a single console under the same writes (issue 15, item 5). The
 * database needs the demo marketplace for the simulator to act on.
 */
public final class ConsoleLoad {

  /** How often a console takes the changes it heard and re-reads what they touch. */
  static final Duration TICK = Duration.ofMillis(200);

  private ConsoleLoad() {}

  public static ConsoleLoadResult run(
      LoadServer server, ConsoleLoadPlan plan, Consumer<String> progress) throws Exception {
    progress.accept(
        "making " + plan.consoles() + " staff logins through the staff admin functions");
    try (ConsoleLogins logins =
        ConsoleLogins.make(
            plan.consoles(), server.directUrl(), server.admin(), server.superuser())) {
      List<String> all = logins.logins();
      PhaseResult single =
          new ConsolePhase(server, plan, progress).run(all.subList(0, 1), logins.password());
      PhaseResult many = new ConsolePhase(server, plan, progress).run(all, logins.password());
      AuditTrail audit = new AuditTrail(server.superuser());
      progress.accept("verifying the audit chain");
      return new ConsoleLoadResult(single, many, audit.verify(), audit.unsealed());
    }
  }
}
