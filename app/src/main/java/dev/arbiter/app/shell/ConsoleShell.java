package dev.arbiter.app.shell;

import dev.arbiter.app.audit.AuditArea;
import dev.arbiter.app.common.AreaContext;
import dev.arbiter.app.common.AreaView;
import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.dashboard.DashboardArea;
import dev.arbiter.app.disputes.DisputesArea;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.app.live.DraftJournal;
import dev.arbiter.app.live.LiveContext;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.app.login.DemoAccount;
import dev.arbiter.app.login.LoginView;
import dev.arbiter.app.login.LoginViewModel;
import dev.arbiter.app.moderation.ModerationArea;
import dev.arbiter.app.releases.ReleasesArea;
import dev.arbiter.app.search.GlobalSearchViewModel;
import dev.arbiter.app.workspaces.WorkspacesArea;
import dev.arbiter.persistence.automation.AutomationHealth;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.presence.PresenceService;
import dev.arbiter.persistence.search.GlobalSearchService;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;

/**
 * The composition root of one console window: builds every view and ViewModel by hand and swaps the
 * window between the login screen and the signed-in main window.
 */
public final class ConsoleShell implements AutoCloseable {

  private static final double WIDTH = 1280;
  private static final double HEIGHT = 800;
  private static final Duration LIVE_INTERVAL = Duration.ofMillis(200);
  private static final Duration PRESENCE_HEARTBEAT = Duration.ofSeconds(10);
  private static final Duration PRESENCE_TTL = Duration.ofSeconds(35);

  private final ConsoleTarget target;
  private final TaskRunner tasks;
  private AutomationWatch automationWatch;
  private final Executor fxThread;
  private final Locale locale;
  private final ZoneId zone;
  private final StaffSessions sessions;
  private final ThemeSwitcher themes = new ThemeSwitcher();
  private Stage stage;
  private Scene scene;
  private final Path draftsFolder;
  private final PreferencesFile preferencesFile;
  private ConsolePreferences preferences = ConsolePreferences.defaults();
  private final Map<String, DraftJournal> journals = new ConcurrentHashMap<>();
  private MainWindow mainWindow;
  private LiveSession live;

  /**
   * @param draftsFolder where each staff member's unsent text is kept between sessions; null for a
   *     temporary folder that goes with the process
   * @param preferencesFile where the theme, the window's place and each login's last area are kept
   *     between starts; null to keep them for this run only
   */
  public ConsoleShell(
      ConsoleTarget target,
      SignInService signInService,
      TaskRunner tasks,
      Executor fxThread,
      Locale locale,
      ZoneId zone,
      Path draftsFolder,
      Path preferencesFile) {
    this.draftsFolder = draftsFolder == null ? temporaryDraftsFolder() : draftsFolder;
    this.preferencesFile = new PreferencesFile(preferencesFile);
    this.target = Objects.requireNonNull(target);
    this.tasks = tasks;
    this.fxThread = fxThread;
    this.locale = locale;
    this.zone = zone;
    this.sessions = new StaffSessions(signInService, target);
  }

  /** Shows the login screen in {@code stage}. Must run on the FX thread. */
  public void start(Stage stage) {
    this.stage = stage;
    preferences = preferencesFile.load();
    themes.apply(preferences.dark());
    themes.setOnToggle(dark -> remember(preferences.withDark(dark)));
    scene = new Scene(new StackPane(), WIDTH, HEIGHT);
    scene
        .getStylesheets()
        .add(Objects.requireNonNull(getClass().getResource("console.css")).toExternalForm());
    stage.setScene(scene);
    stage.setMinWidth(960);
    stage.setMinHeight(640);
    WindowPlaces.restore(stage, preferences.window());
    stage.addEventHandler(
        WindowEvent.WINDOW_HIDING,
        e -> remember(preferences.withWindow(WindowPlaces.of(stage, preferences.window()))));
    showLogin();
    stage.show();
  }

  private void remember(ConsolePreferences changed) {
    preferences = changed;
    preferencesFile.save(changed);
  }

  private void showLogin() {
    List<DemoAccount> demo = target.demoMode() ? DemoAccount.all() : List.of();
    LoginViewModel model =
        new LoginViewModel(target.serverLabel(), demo, sessions, tasks, this::showMainWindow);
    LoginView view = new LoginView(model);
    scene.getAccelerators().clear();
    scene.setRoot(view.root());
    stage.setTitle("Arbiter — Sign in");
    view.focus();
  }

  private void showMainWindow(SignedInStaff staff) {
    StaffSession session =
        sessions.current().orElseThrow(() -> new IllegalStateException("no open session"));
    StatusBarViewModel status = new StatusBarViewModel(staff, target);
    status.dates(new DateTimes(locale, zone));
    MainWindowViewModel model = new MainWindowViewModel(staff, this::signOut);
    LiveSession started = startLive(session, staff);
    live = started;
    LiveUpdates updates = started.updates();
    updates.onlineProperty().addListener((obs, was, online) -> status.reportPing(online));
    updates
        .checkedProperty()
        .addListener((obs, was, checked) -> status.reportPing(updates.onlineProperty().get()));
    mainWindow =
        new MainWindow(
            model,
            new StatusBar(status),
            (area, presence) -> viewFor(area, session, started.forArea(presence)),
            themes,
            updates,
            started.presence(),
            new GlobalSearchViewModel(
                new GlobalSearchService(session.database().access())::search,
                model.searchKinds(),
                tasks,
                updates.onlineProperty()));
    Area last = preferences.lastAreas().get(staff.login());
    if (last != null) {
      model.select(last);
    }
    model
        .selectedProperty()
        .addListener((obs, was, area) -> remember(preferences.withLastArea(staff.login(), area)));
    scene.setRoot(mainWindow.root());
    mainWindow.installShortcuts(scene);
    stage.setTitle(model.windowTitle());
    int drafts = started.drafts().journal().all().size();
    if (drafts > 0) {
      mainWindow.showNotice(
          drafts == 1
              ? "One unsent draft from an earlier session is kept; it is back in its form."
              : drafts
                  + " unsent drafts from an earlier session are kept; they are back in their"
                  + " forms.");
    }
    started.feed().start();
    automationWatch =
        new AutomationWatch(new AutomationHealth(session.database().access()), tasks, status);
  }

  private LiveSession startLive(StaffSession session, SignedInStaff staff) {
    LiveUpdates updates =
        new LiveUpdates(fxThread, Schedulers.daemon("arbiter-live-updates"), LIVE_INTERVAL);
    ChangeFeed feed = session.database().changeFeed(updates);
    PresenceTracker presence =
        new PresenceTracker(
            new PresenceService(session.database().access(), PRESENCE_TTL),
            fxThread,
            Schedulers.daemon("arbiter-presence"),
            PRESENCE_HEARTBEAT);
    updates.subscribe(presence::changed);
    // One journal per login for the console's life: signing out and straight back in must not read
    // the file before the last session's final write, and a send finishing after sign-out must
    // still clear its draft.
    DraftJournal journal =
        journals.computeIfAbsent(
            staff.login(),
            login ->
                DraftJournal.open(
                    draftsFolder.resolve(login + ".json"), Schedulers.daemon("arbiter-drafts")));
    return new LiveSession(feed, updates, presence, new DraftBinder(journal));
  }

  // One factory per area; a new Area constant does not compile until it has one here.
  private AreaView viewFor(Area area, StaffSession session, LiveContext live) {
    AreaContext context = new AreaContext(session, tasks, fxThread, locale, zone, live);
    return switch (area) {
      case DASHBOARD -> DashboardArea.create(context);
      case DISPUTES -> DisputesArea.create(context);
      case RELEASES -> ReleasesArea.create(context);
      case MODERATION -> ModerationArea.create(context);
      case WORKSPACES -> WorkspacesArea.create(context);
      case AUDIT -> AuditArea.create(context);
    };
  }

  private void signOut() {
    LiveSession ending = takeLive();
    if (mainWindow != null) {
      mainWindow.dispose();
      mainWindow = null;
    }
    // Leaving presence and closing the pool talk to the server, so they happen off the FX thread.
    var session = sessions.detach();
    tasks.run(
        () -> {
          if (ending != null) {
            ending.close();
          }
          session.ifPresent(StaffSession::close);
          return null;
        });
    showLogin();
  }

  /** Stops listening and closes the staff session. Safe from any thread, and more than once. */
  @Override
  public void close() {
    LiveSession ending = takeLive();
    if (ending != null) {
      ending.close();
    }
    journals.values().forEach(DraftJournal::close);
    preferencesFile.close();
    sessions.close();
  }

  // Stops watching the automation and hands the live session over to be closed, once.
  private LiveSession takeLive() {
    if (automationWatch != null) {
      automationWatch.close();
      automationWatch = null;
    }
    LiveSession ending = live;
    live = null;
    return ending;
  }

  private static Path temporaryDraftsFolder() {
    try {
      Path folder = Files.createTempDirectory("arbiter-drafts");
      folder.toFile().deleteOnExit();
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a drafts folder", e);
    }
  }
}
