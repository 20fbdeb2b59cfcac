package dev.arbiter.app.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.testing.ManualScheduler;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.testing.DataAccesses;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Presence while the server is gone: the real driver against a port nobody listens on. The
 * heartbeat must not keep knocking every beat (each knock would wait for the pool's timeout in the
 * console), must knock at once when the feed reconnects, and sign-out must not knock at all.
 */
class PresenceTrackerOfflineTest {

  /** The driver's data source, counting how often anyone asks it for a connection. */
  static final class CountingDataSource extends PGSimpleDataSource {
    final AtomicInteger attempts = new AtomicInteger();

    @Override
    public Connection getConnection() throws SQLException {
      attempts.incrementAndGet();
      return super.getConnection();
    }
  }

  @Test
  void anUnreachableServerIsTriedEverySixthBeatAndAtOnceOnReconnect() throws Exception {
    CountingDataSource unreachable = new CountingDataSource();
    try (ServerSocket probe = new ServerSocket(0)) {
      unreachable.setPortNumbers(new int[] {probe.getLocalPort()});
    }
    unreachable.setServerNames(new String[] {"localhost"});
    unreachable.setDatabaseName("arbiter");
    unreachable.setUser("demo_support");
    unreachable.setPassword("demo");
    ManualScheduler clock = new ManualScheduler();

    // Hibernate is up before the server goes, as in a console that lost it: starting it offline
    // asks the server nothing, so every attempt counted below is a beat's.
    DataAccess access = DataAccesses.startedOffline(unreachable);
    access.sessionFactory();
    PresenceTracker tracker =
        new PresenceTracker(
            new PresenceService(access, Duration.ofSeconds(35)),
            Runnable::run,
            clock,
            Duration.ofMillis(20));
    clock.advance(Duration.ofMillis(1_200));
    int whileOffline = unreachable.attempts.get();
    // Sixty beats went by; every beat knocking would be sixty attempts. The first beat finds the
    // server gone (and sweeps), then one beat in six tries again.
    assertThat(whileOffline).isBetween(60 / 6, 60 / 6 + 3);

    tracker.changed(ChangeSet.everything());
    clock.advance(Duration.ofMillis(20));
    assertThat(unreachable.attempts.get()).isGreaterThan(whileOffline);

    // Close does not knock (the server is gone), and nothing knocks after it.
    int beforeClose = unreachable.attempts.get();
    tracker.close();
    clock.advance(Duration.ofSeconds(10));
    assertThat(unreachable.attempts.get()).isEqualTo(beforeClose);
    assertThat(clock.isShutdown()).isTrue();
  }
}
