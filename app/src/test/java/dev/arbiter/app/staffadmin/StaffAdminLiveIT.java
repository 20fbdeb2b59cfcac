package dev.arbiter.app.staffadmin;

import static dev.arbiter.app.testing.StandInWaits.on;
import static dev.arbiter.app.testing.StandInWaits.secs;
import static dev.arbiter.app.testing.StandInWaits.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.app.workspaces.WorkspacesArea;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.staff.StaffAdminAccount;
import dev.arbiter.persistence.staff.StaffAdminService;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.testing.Waits;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The staff accounts tab over a real database and the real change feed: what an admin does in
 * another console shows within a second, in place, with the selected login kept. Login roles are
 * cluster-wide and the embedded server is shared, so the tests make logins of their own and never
 * change the demo logins.
 */
class StaffAdminLiveIT {

  private static final AtomicInteger SEQ = new AtomicInteger();

  // Stands in for the FX thread: one thread, in order.
  private final ExecutorService fx = Executors.newSingleThreadExecutor();
  private TestDatabase db;
  private StaffDatabase support;
  private ExecutorTaskRunner tasks;
  private LiveUpdates updates;
  private ChangeFeed feed;
  private StaffAdminViewModel model;
  private StaffAdminService otherAdmin;
  private final List<Boolean> busy = new CopyOnWriteArrayList<>();
  // The feed's own state in the console; held here so a test can take the console offline.
  private final SimpleBooleanProperty online = new SimpleBooleanProperty(true);

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.fresh();
    otherAdmin = new StaffAdminService(db.access("demo_admin"));
    support =
        StaffDatabase.open(new ConsoleTarget(db.jdbcUrl(), false, "test"), "demo_support", "demo");
    tasks = new ExecutorTaskRunner(Executors.newFixedThreadPool(2), fx);
    updates = new LiveUpdates(fx, Schedulers.daemon("test-live-updates"), Duration.ofMillis(200));
    feed = support.changeFeed(updates);
    model =
        onFx(
            () ->
                new StaffAdminViewModel(
                    WorkspacesArea.staffAccounts(new StaffAdminService(support.access())),
                    tasks,
                    false,
                    online));
    updates.subscribe(model::changed);
    feed.start();
    waitFor(() -> feed.backendPid() > 0, secs(5));
  }

  @AfterEach
  void close() {
    feed.close();
    updates.close();
    tasks.close();
    fx.shutdownNow();
    support.close();
  }

  @Test
  void aRoleAnotherAdminGrantsShowsOnTheSelectedLoginWithinASecond() {
    String login = newLogin("m");
    showAndSelect(login);

    otherAdmin.grant(login, StaffRole.MODERATOR);
    long start = System.nanoTime();

    waitFor(() -> selected().roles().contains(StaffRole.MODERATOR), secs(2));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Latency.target(Duration.ofSeconds(1)));
    assertThat(selected().login()).isEqualTo(login);
    assertThat(busy).doesNotContain(true);
  }

  @Test
  void aLoginCreatedAboveTheSelectionAndADeactivationKeepTheSelection() {
    String login = newLogin("m");
    showAndSelect(login);
    int before = indexOf(login);

    String above = newLogin("a");
    long start = System.nanoTime();

    waitFor(() -> indexOf(above) >= 0, secs(2));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Latency.target(Duration.ofSeconds(1)));
    assertThat(indexOf(login)).isEqualTo(before + 1);
    assertThat(selected().login()).isEqualTo(login);

    // Deactivated accounts are listed last, so the selected row moves to the end.
    otherAdmin.deactivate(login);
    waitFor(() -> !selected().active(), secs(2));
    assertThat(indexOf(login)).isEqualTo(onFx(() -> model.accounts().size()) - 1);
    assertThat(selected().canLogin()).isFalse();
    assertThat(busy).doesNotContain(true);
  }

  @Test
  void offlineNothingIsReReadAndTheReconnectCatchesUp() throws Exception {
    String login = newLogin("m");
    showAndSelect(login);
    onFx(
        () -> {
          online.set(false);
          return null;
        });

    otherAdmin.grant(login, StaffRole.FINANCE);
    // A re-read while offline would show the role within this second.
    Waits.atMost(secs(30)).during(secs(1)).until(() -> selected().roles().isEmpty());

    // What the feed does when it is back: everything may have changed.
    onFx(
        () -> {
          online.set(true);
          model.changed(ChangeSet.everything());
          return null;
        });
    waitFor(() -> selected().roles().contains(StaffRole.FINANCE), secs(2));
  }

  @Test
  void aFailedReReadSaysTheListIsOutOfDateUntilAReadSucceeds() throws Exception {
    String login = newLogin("m");
    showAndSelect(login);
    privilege("REVOKE SELECT ON staff_accounts FROM arbiter_staff");

    String unseen = newLogin("n");

    waitFor(
        () ->
            onFx(() -> model.errorProperty().get())
                .startsWith("The list could not be brought up to date (Could not load staff"),
        secs(5));
    assertThat(onFx(() -> model.errorProperty().get()))
        .endsWith("It shows the accounts as last read.");
    assertThat(indexOf(unseen)).isNegative();
    assertThat(selected().login()).isEqualTo(login);

    privilege("GRANT SELECT ON staff_accounts TO arbiter_staff");
    String later = newLogin("o");
    waitFor(() -> indexOf(later) >= 0, secs(5));
    assertThat(onFx(() -> model.errorProperty().get())).isEmpty();
    assertThat(indexOf(unseen)).isNotNegative();
    assertThat(busy).doesNotContain(true);
  }

  private void privilege(String sql) throws Exception {
    try (Connection owner = db.migrator();
        Statement statement = owner.createStatement()) {
      statement.execute(sql);
    }
  }

  private void showAndSelect(String login) {
    onFx(
        () -> {
          model.shown();
          return null;
        });
    waitFor(() -> indexOf(login) >= 0, secs(5));
    int row = indexOf(login);
    onFx(
        () -> {
          model.busyProperty().addListener((obs, was, now) -> busy.add(now));
          model.select(model.accounts().get(row));
          return null;
        });
  }

  private String newLogin(String prefix) {
    // Sorts after the demo logins; "a" before "m" among this test's own.
    String login = "t" + ProcessHandle.current().pid() + "_" + prefix + SEQ.incrementAndGet();
    otherAdmin.createLogin(login, "Live Staff " + SEQ.get(), "s3cret-pass", null);
    return login;
  }

  private StaffAdminAccount selected() {
    return onFx(() -> model.selected().orElseThrow());
  }

  private int indexOf(String login) {
    return onFx(
        () -> {
          List<StaffAdminAccount> rows = model.accounts();
          for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).login().equals(login)) {
              return i;
            }
          }
          return -1;
        });
  }

  private <T> T onFx(Callable<T> read) {
    return on(fx, read);
  }
}
