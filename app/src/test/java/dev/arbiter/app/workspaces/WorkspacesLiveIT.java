package dev.arbiter.app.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.ExecutorTaskRunner;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.live.LiveUpdates;
import dev.arbiter.app.live.Schedulers;
import dev.arbiter.app.testing.StandInWaits;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.testing.DataAccesses;
import dev.arbiter.persistence.testing.Latency;
import dev.arbiter.persistence.testing.TestDatabase;
import dev.arbiter.persistence.workspaces.InviteTokens;
import dev.arbiter.persistence.workspaces.WorkspaceAdminService;
import dev.arbiter.persistence.workspaces.WorkspaceDetailService;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import dev.arbiter.persistence.workspaces.WorkspaceFixture;
import dev.arbiter.persistence.workspaces.WorkspaceListService;
import dev.arbiter.persistence.workspaces.WorkspaceRow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The workspace view models over a real database and change feed: what the marketplace changes
 * shows by itself, and an admin action on a member changed meanwhile is refused with what changed
 * and can be re-applied.
 */
class WorkspacesLiveIT {

  // Stands in for the FX thread: one thread, in order.
  private final ExecutorService fx = Executors.newSingleThreadExecutor();
  private final ExecutorService workers = Executors.newFixedThreadPool(2);
  private final ExecutorTaskRunner tasks = new ExecutorTaskRunner(workers, fx);
  private TestDatabase db;
  private WorkspaceFixture ws;
  private StaffDatabase admin;
  private LiveUpdates updates;
  private ChangeFeed feed;
  private WorkspaceListViewModel list;
  private WorkspaceDetailViewModel detail;

  @BeforeEach
  void open() throws Exception {
    db = TestDatabase.fresh();
    try (Connection owner = db.migrator()) {
      ws = WorkspaceFixture.create(owner);
      Fixtures.workspace(owner, Fixtures.user(owner, "owner"));
    }
    admin =
        StaffDatabase.open(new ConsoleTarget(db.jdbcUrl(), false, "test"), "demo_admin", "demo");
    updates = new LiveUpdates(fx, Schedulers.daemon("test-live-updates"), Duration.ofMillis(200));
    feed = admin.changeFeed(updates);
    list =
        onFx(
            () ->
                new WorkspaceListViewModel(new WorkspaceListService(admin.access())::page, tasks));
    WorkspaceAdminService actions = new WorkspaceAdminService(admin.access());
    detail =
        onFx(
            () ->
                new WorkspaceDetailViewModel(
                    WorkspacesArea.workspaceDetail(
                        new WorkspaceDetailService(admin.access(), true), actions),
                    tasks,
                    commands(actions),
                    true,
                    "demo_admin"));
  }

  private CommandRunner commands(WorkspaceAdminService actions) {
    return new CommandRunner(
        tasks, tasks::schedule, new SimpleBooleanProperty(true), actions::committed);
  }

  @AfterEach
  void close() {
    feed.close();
    updates.close();
    tasks.close();
    fx.shutdownNow();
    admin.close();
  }

  @Test
  void aWorkspaceRenamedByTheBackendShowsInTheListWithinASecondAndInTheOpenWorkspace()
      throws Exception {
    updates.subscribe(
        changes -> {
          list.changed(changes);
          detail.changed(changes);
        });
    onFx(list::reload);
    waitFor(() -> onFx(() -> list.rows().size()) == 2, Duration.ofSeconds(5));
    onFx(() -> detail.open(ws.workspace()));
    waitFor(() -> onFx(() -> detail.detailsProperty().get()) != null, Duration.ofSeconds(5));
    String before = onFx(() -> detail.detailsProperty().get().settings().name());
    feed.start();
    waitFor(() -> feed.backendPid() > 0, Duration.ofSeconds(5));

    long start;
    try (Connection backend = db.as("demo_backend")) {
      backend.setAutoCommit(false);
      exec(backend, "SET LOCAL arbiter.actor = 'svc:marketplace-web'");
      exec(backend, "UPDATE workspaces SET name = 'Acme Renamed' WHERE id = ?", ws.workspace());
      start = System.nanoTime();
      backend.commit();
    }

    waitFor(
        () -> onFx(() -> list.rows().stream().anyMatch(r -> r.name().equals("Acme Renamed"))),
        Duration.ofSeconds(1));
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isLessThan(Latency.target(Duration.ofSeconds(1)));
    assertThat(onFx(() -> list.rows().stream().map(WorkspaceRow::id).toList()))
        .contains(ws.workspace())
        .hasSize(2);
    waitFor(() -> !onFx(() -> detail.changedTextProperty().get()).isEmpty(), Duration.ofSeconds(2));
    assertThat(onFx(() -> detail.changedTextProperty().get()))
        .isEqualTo(
            "Changed by svc:marketplace-web (via demo_backend) while you had it open: name "
                + before
                + " → Acme Renamed");
  }

  @Test
  void anActionOnAMemberChangedMeanwhileIsRefusedWithWhatChangedAndCanBeReapplied()
      throws Exception {
    onFx(() -> detail.open(ws.workspace()));
    waitFor(() -> onFx(() -> detail.detailsProperty().get()) != null, Duration.ofSeconds(5));
    Member seen =
        onFx(
            () ->
                WorkspaceChanges.member(detail.detailsProperty().get(), ws.plainMember())
                    .orElseThrow());
    try (Connection backend = db.as("demo_backend")) {
      exec(backend, "UPDATE workspace_members SET role = 'viewer' WHERE id = ?", ws.plainMember());
    }

    onFx(() -> detail.changeRole(seen, MemberRole.MANAGER));

    waitFor(
        () -> !onFx(() -> detail.stale().textProperty().get()).isEmpty(), Duration.ofSeconds(5));
    assertThat(onFx(() -> List.copyOf(detail.stale().changes())))
        .containsExactly(seen.name() + ": role member → viewer");
    assertThat(onFx(() -> detail.stale().textProperty().get()))
        .startsWith("Not saved: Could not change the member's role")
        .endsWith("Re-apply to do it on the current version.");
    assertThat(role(ws.plainMember())).isEqualTo("viewer");

    onFx(detail::reapply);

    waitFor(
        () -> onFx(() -> detail.messageProperty().get()).startsWith("Changed " + seen.name()),
        Duration.ofSeconds(5));
    assertThat(role(ws.plainMember())).isEqualTo("manager");
    assertThat(onFx(() -> detail.stale().textProperty().get())).isEmpty();
  }

  @Test
  void aNoteWhoseAnswerWasLostIsFoundSavedByItsKeyAndActsOnce() throws Exception {
    LossyDataSource lossy = new LossyDataSource(admin.dataSource());
    WorkspaceDetailViewModel model = lossyDetail(lossy);
    boolean[] saved = {false};

    // The note commits, then the connection drops before the answer arrives.
    lossy.loseNextCommit(LossyDataSource.Loss.AFTER_COMMIT);
    onFx(
        () ->
            model.addNote(
                "Called about the invoice",
                NoteVisibility.WORKSPACE,
                null,
                null,
                () -> saved[0] = true));

    waitFor(
        () -> onFx(() -> model.messageProperty().get()).endsWith(ActionReply.SAVED_ONCE),
        Duration.ofSeconds(10));
    assertThat(onFx(() -> model.messageProperty().get())).startsWith("Note added.");
    assertThat(onFx(() -> model.errorProperty().get())).isEmpty();
    assertThat(onFx(() -> model.canRetryProperty().get())).isFalse();
    // The text (and its draft) went only once the key said it was saved.
    assertThat(saved[0]).isTrue();
    assertThat(count("SELECT count(*) FROM contact_notes WHERE body = 'Called about the invoice'"))
        .isOne();
    assertThat(count("SELECT count(*) FROM staff_requests WHERE action = 'workspace.add_note'"))
        .isOne();
  }

  @Test
  void anUnsavedNoteIsRetriedUnderItsKeyAndActsOnce() throws Exception {
    LossyDataSource lossy = new LossyDataSource(admin.dataSource());
    WorkspaceDetailViewModel model = lossyDetail(lossy);
    boolean[] saved = {false};

    // The connection drops before the server got the note.
    lossy.loseNextCommit(LossyDataSource.Loss.BEFORE_COMMIT);
    onFx(
        () ->
            model.addNote(
                "Asked for a refund", NoteVisibility.WORKSPACE, null, null, () -> saved[0] = true));
    waitFor(() -> onFx(() -> model.canRetryProperty().get()), Duration.ofSeconds(10));
    assertThat(onFx(() -> model.errorProperty().get())).isEqualTo(ActionReply.NOT_SAVED);
    assertThat(saved[0]).isFalse();
    assertThat(count("SELECT count(*) FROM contact_notes WHERE body = 'Asked for a refund'"))
        .isZero();

    // The retry commits but its answer is lost as well; a second click does nothing more.
    lossy.loseNextCommit(LossyDataSource.Loss.AFTER_COMMIT);
    onFx(
        () -> {
          model.retry();
          model.retry();
        });
    waitFor(
        () -> onFx(() -> model.messageProperty().get()).endsWith(ActionReply.SAVED_ONCE),
        Duration.ofSeconds(10));
    assertThat(saved[0]).isTrue();
    assertThat(count("SELECT count(*) FROM contact_notes WHERE body = 'Asked for a refund'"))
        .isOne();
    assertThat(count("SELECT count(*) FROM staff_requests WHERE action = 'workspace.add_note'"))
        .isOne();
  }

  @Test
  void aReissueWhoseAnswerWasLostShowsTheTokenThatWasSaved() throws Exception {
    LossyDataSource lossy = new LossyDataSource(admin.dataSource());
    WorkspaceDetailViewModel model = lossyDetail(lossy);
    Invite invite =
        onFx(
            () ->
                model.detailsProperty().get().invites().stream()
                    .filter(i -> i.id() == ws.pendingInvite())
                    .findFirst()
                    .orElseThrow());

    lossy.loseNextCommit(LossyDataSource.Loss.AFTER_COMMIT);
    onFx(() -> model.reissue(invite));

    waitFor(
        () -> onFx(() -> model.messageProperty().get()).endsWith(ActionReply.SAVED_ONCE),
        Duration.ofSeconds(10));
    String token = onFx(() -> model.issuedTokenProperty().get());
    assertThat(token).isNotEmpty();
    assertThat(
            count(
                "SELECT count(*) FROM workspace_invites WHERE status = 'pending' AND token_hash = '\\x"
                    + HexFormat.of().formatHex(InviteTokens.hash(token))
                    + "'"))
        .isOne();
    assertThat(
            count("SELECT count(*) FROM staff_requests WHERE action = 'workspace.reissue_invite'"))
        .isOne();
  }

  // The console's data access over the lossy pool, started (as the console's is by its first
  // read) before any commit is lost.
  private static DataAccess started(LossyDataSource lossy) throws SQLException {
    DataAccess access = DataAccesses.over(lossy);
    access.read(session -> session.isOpen());
    return access;
  }

  private WorkspaceDetailViewModel lossyDetail(LossyDataSource lossy) throws Exception {
    WorkspaceAdminService actions = new WorkspaceAdminService(started(lossy), Clock.systemUTC());
    WorkspaceDetailViewModel model =
        onFx(
            () ->
                new WorkspaceDetailViewModel(
                    WorkspacesArea.workspaceDetail(
                        new WorkspaceDetailService(admin.access(), true), actions),
                    tasks,
                    commands(actions),
                    true,
                    "demo_admin"));
    onFx(() -> model.open(ws.workspace()));
    waitFor(() -> onFx(() -> model.detailsProperty().get()) != null, Duration.ofSeconds(5));
    return model;
  }

  private long count(String sql) throws SQLException {
    try (Connection owner = db.migrator();
        PreparedStatement ps = owner.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private String role(long member) throws SQLException {
    try (Connection owner = db.migrator();
        PreparedStatement ps =
            owner.prepareStatement("SELECT role FROM workspace_members WHERE id = ?")) {
      ps.setLong(1, member);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  private static void exec(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.execute();
    }
  }

  private void onFx(Runnable action) {
    StandInWaits.run(fx, action);
  }

  private <T> T onFx(Supplier<T> read) {
    return StandInWaits.on(fx, read::get);
  }

  private static void waitFor(BooleanSupplier condition, Duration limit) {
    StandInWaits.waitFor(condition::getAsBoolean, limit);
  }
}
