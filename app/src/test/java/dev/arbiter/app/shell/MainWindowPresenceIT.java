package dev.arbiter.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.AreaView;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.app.search.GlobalSearchViewModel;
import dev.arbiter.app.testing.StandInWaits;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.presence.Presence;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.testing.TestDatabase;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The window, not the areas, decides what presence is published: Sam opens a case in Disputes and
 * switches to the Dashboard; Fran, on another console, stops seeing Sam on the case, and sees Sam
 * back (still editing) when Sam returns to Disputes. The areas here are stand-ins that only hold
 * the scope they were given, so nothing but the window's switching is at work.
 */
class MainWindowPresenceIT {

  private static final Duration SLOW_HEARTBEAT = Duration.ofMinutes(5);
  private static final Duration TTL = Duration.ofSeconds(30);

  private final Map<Area, PresenceTracker.Scope> scopes = new EnumMap<>(Area.class);
  private TestDatabase db;
  private StaffDatabase supportDb;
  private StaffDatabase financeDb;
  private LiveUpdates samUpdates;
  private PresenceTracker samPresence;
  private LiveUpdates franUpdates;
  private ChangeFeed franFeed;
  private PresenceTracker franPresence;
  private MainWindowViewModel samWindow;
  private MainWindow window;

  @BeforeEach
  void open() throws Exception {
    FxToolkit.registerPrimaryStage();
    db = TestDatabase.fresh();
    ConsoleTarget target = new ConsoleTarget(db.jdbcUrl(), false, "test");
    supportDb = StaffDatabase.open(target, "demo_support", "demo");
    financeDb = StaffDatabase.open(target, "demo_finance", "demo");

    samUpdates =
        new LiveUpdates(
            Platform::runLater, Schedulers.daemon("test-live-updates"), Duration.ofMillis(100));
    samPresence = tracker(supportDb);
    SignedInStaff sam = new SignedInStaff("demo_support", "Sam Support", Set.of(StaffRole.SUPPORT));
    samWindow = new MainWindowViewModel(sam, () -> {});
    window =
        fx(
            () ->
                new MainWindow(
                    samWindow,
                    new StatusBar(new StatusBarViewModel(sam, target)),
                    this::standIn,
                    new ThemeSwitcher(),
                    samUpdates,
                    samPresence,
                    new GlobalSearchViewModel(
                        (text, kinds, perKind) -> List.of(),
                        Set.of(),
                        new SynchronousTaskRunner(),
                        samUpdates.onlineProperty())));

    franUpdates =
        new LiveUpdates(
            Platform::runLater, Schedulers.daemon("test-live-updates"), Duration.ofMillis(100));
    franPresence = tracker(financeDb);
    franUpdates.subscribe(franPresence::changed);
    franFeed = financeDb.changeFeed(franUpdates);
    franFeed.start();
    waitUntil(() -> franFeed.backendPid() > 0, Duration.ofSeconds(5));
  }

  @AfterEach
  void close() throws Exception {
    fx(
        () -> {
          window.dispose();
          return null;
        });
    franFeed.close();
    franUpdates.close();
    franPresence.close();
    samUpdates.close();
    samPresence.close();
    supportDb.close();
    financeDb.close();
  }

  @Test
  void switchingAwayHidesTheAreasPresenceAndSwitchingBackRestoresItsMode() {
    PresenceKey openCase = PresenceKey.dispute(7);
    select(Area.DISPUTES);
    fx(() -> enter(Area.DISPUTES, openCase, PresenceMode.EDITING));
    waitUntil(() -> franSees(openCase).equals(List.of(PresenceMode.EDITING)));

    select(Area.DASHBOARD);
    waitUntil(() -> franSees(openCase).isEmpty());

    // A case that finishes loading after Sam switched away stays unannounced; the workspace the
    // shown area opens after it proves Sam's console has published since.
    PresenceKey lateCase = PresenceKey.dispute(8);
    PresenceKey workspace = PresenceKey.workspace(3);
    fx(() -> enter(Area.DISPUTES, lateCase, PresenceMode.VIEWING));
    fx(() -> enter(Area.DASHBOARD, workspace, PresenceMode.VIEWING));
    waitUntil(() -> !franSees(workspace).isEmpty());
    assertThat(franSees(openCase)).isEmpty();
    assertThat(franSees(lateCase)).isEmpty();

    select(Area.DISPUTES);
    waitUntil(
        () ->
            franSees(openCase).equals(List.of(PresenceMode.EDITING))
                && franSees(lateCase).equals(List.of(PresenceMode.VIEWING))
                && franSees(workspace).isEmpty());
  }

  private AreaView standIn(Area area, PresenceTracker.Scope scope) {
    scopes.put(area, scope);
    Label label = new Label(area.title());
    return new AreaView() {
      @Override
      public Node node() {
        return label;
      }
    };
  }

  private Void enter(Area area, PresenceKey key, PresenceMode mode) {
    scopes.get(area).enter(key, mode);
    return null;
  }

  private void select(Area area) {
    assertThat(fx(() -> samWindow.select(area))).isTrue();
  }

  private List<PresenceMode> franSees(PresenceKey key) {
    return fx(() -> franPresence.othersOn(key).stream().map(Presence::mode).toList());
  }

  private static PresenceTracker tracker(StaffDatabase database) {
    return new PresenceTracker(
        new PresenceService(database.access(), TTL),
        Platform::runLater,
        Schedulers.daemon("test-presence"),
        SLOW_HEARTBEAT);
  }

  private static <T> T fx(Callable<T> call) {
    try {
      return WaitForAsyncUtils.asyncFx(call).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError("could not run on the FX thread", e);
    }
  }

  // The feed announces arrivals and departures at once; the five-minute heartbeat never comes.
  private static void waitUntil(Callable<Boolean> condition) {
    waitUntil(condition, Duration.ofSeconds(2));
  }

  private static void waitUntil(Callable<Boolean> condition, Duration limit) {
    StandInWaits.waitFor(condition, limit);
  }
}
