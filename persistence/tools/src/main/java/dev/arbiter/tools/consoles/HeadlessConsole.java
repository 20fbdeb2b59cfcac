package dev.arbiter.tools.consoles;

import dev.arbiter.persistence.disputes.DisputeQueueService;
import dev.arbiter.persistence.disputes.LiveChangeJudge;
import dev.arbiter.persistence.disputes.QueueFilter;
import dev.arbiter.persistence.disputes.QueuePage;
import dev.arbiter.persistence.disputes.QueueSort;
import dev.arbiter.persistence.escrow.ReleaseQueueQuery;
import dev.arbiter.persistence.escrow.ReleaseQueueService;
import dev.arbiter.persistence.live.ChangeFeed;
import dev.arbiter.persistence.live.ChangeFeedListener;
import dev.arbiter.persistence.live.TableChange;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInException;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.staff.StaffSession;
import dev.arbiter.tools.consoles.PageTimes.Queue;
import java.util.BitSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A console without a window: its own login's session (pooled connections through the pooler when
 * the target has one), its change feed on a direct connection, and the disputes and release queues
 * shown, re-read as the console's live views re-read them.
 *
 * <p>The view models live in the app module, which the tools may not use (the app depends on them),
 * so this drives the same services with the same arguments: the disputes queue's open cases by SLA,
 * 50 rows, with its count capped at 10,000 ({@code DisputeQueueViewModel}); the release queue's
 * first page, overdue first, 50 rows ({@code ReleaseQueueViewModel}). Which changes make each queue
 * re-read is {@code LiveRouting} and {@code ReleasesLive}; a change to disputes is judged as the
 * disputes queue judges it ({@link LiveChangeJudge}), so it reads the page only when the change
 * touches it. As there, each queue has at most one read in flight and one due after it, and changes
 * are taken in batches every {@link ConsoleLoad#TICK} ({@code UpdateThrottle}'s 200 ms).
 */
final class HeadlessConsole implements ChangeFeedListener, AutoCloseable {

  private static final int PAGE = 50;
  private static final int COUNT_CAP = 10_000;

  /** As {@code DisputeQueueViewModel.COUNT_EVERY}. */
  private static final long COUNT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(2);

  private static final Set<String> RELEASE_TABLES =
      Set.of(
          "escrow_checkpoints",
          "release_approvals",
          "escrows",
          "journals",
          "disputes",
          "contracts",
          "users");

  private final StaffSession session;
  private final DisputeQueueService disputes;
  private final ReleaseQueueService releases;
  private final ChangeKeys keys;
  private final PageTimes times;
  private final BitSet heard = new BitSet();
  private final CountDownLatch online = new CountDownLatch(1);
  private final AtomicInteger offlines = new AtomicInteger();
  private final Gate disputesGate = new Gate();
  private final Gate releasesGate = new Gate();
  // The disputes queue's live state, as DisputeQueueViewModel keeps it: the rows shown, the
  // disputes changed since (or everything), and when it last counted.
  private final Set<Long> changedDisputes = new HashSet<>();
  private boolean everyDispute = true;
  private QueuePage shownDisputes = new QueuePage(List.of(), false);
  private long countedAt;
  private final ChangeFeed feed;

  private HeadlessConsole(StaffSession session, ChangeKeys keys, PageTimes times) {
    this.session = session;
    this.keys = keys;
    this.times = times;
    this.disputes = new DisputeQueueService(session.database().access());
    this.releases = new ReleaseQueueService(session.database().access());
    this.feed = session.database().changeFeed(this);
  }

  /** Signs in as the console does and starts listening; both queues are due for a first read. */
  static HeadlessConsole open(
      ConsoleTarget target, String login, String password, ChangeKeys keys, PageTimes times)
      throws SignInException {
    HeadlessConsole console =
        new HeadlessConsole(new SignInService().startSession(target, login, password), keys, times);
    console.feed.start();
    console.disputesGate.due.set(true);
    console.releasesGate.due.set(true);
    return console;
  }

  boolean awaitOnline(long seconds) throws InterruptedException {
    return online.await(seconds, TimeUnit.SECONDS);
  }

  int listenerPid() {
    return feed.backendPid();
  }

  String login() {
    return session.database().login();
  }

  /** Times the feed went offline: each one may have lost notifications (it resyncs after). */
  int offlines() {
    return offlines.get();
  }

  /** Starts the reads that are due and not already in flight, on {@code readers}. */
  void tick(Executor readers) {
    disputesGate.start(readers, this::readDisputes);
    releasesGate.start(readers, this::readReleases);
  }

  /** Whether both queues have no read in flight and none due. */
  boolean settled() {
    return disputesGate.idle() && releasesGate.idle();
  }

  /** How many of {@code expected} this console never heard. */
  synchronized int missing(BitSet expected) {
    BitSet lost = (BitSet) expected.clone();
    lost.andNot(heard);
    return lost.cardinality();
  }

  // What a live refresh of the disputes queue costs (DisputeQueueViewModel.liveRead): the changed
  // cases looked up by id, the page only when one entered, left or moved within it, the count then
  // or every two seconds.
  private void readDisputes() {
    List<Long> changed;
    boolean everything;
    synchronized (this) {
      changed = List.copyOf(changedDisputes);
      everything = everyDispute;
      changedDisputes.clear();
      everyDispute = false;
    }
    QueueSort sort = QueueSort.DEFAULT;
    long start = System.nanoTime();
    LiveChangeJudge.Window window =
        new LiveChangeJudge.Window(
            shownDisputes.rows(), false, shownDisputes.more(), sort.descending());
    boolean reread =
        everything
            || !changed.isEmpty()
                && LiveChangeJudge.judge(
                            window,
                            changed,
                            disputes.matchingRows(changed, QueueFilter.OPEN_CASES, sort))
                        .kind()
                    == LiveChangeJudge.Kind.REREAD;
    if (reread) {
      shownDisputes = disputes.firstPage(QueueFilter.OPEN_CASES, sort, PAGE);
    }
    // The refresh as the console pays it: the lookup, and the page when the change touched it.
    times.record(Queue.DISPUTES, System.nanoTime() - start);
    if (reread || System.nanoTime() - countedAt >= COUNT_EVERY_NANOS) {
      disputes.count(QueueFilter.OPEN_CASES, COUNT_CAP);
      countedAt = System.nanoTime();
    }
    times.busy(Queue.DISPUTES, System.nanoTime() - start);
  }

  private void readReleases() {
    long start = System.nanoTime();
    releases.page(ReleaseQueueQuery.firstPage(PAGE));
    times.record(Queue.RELEASES, System.nanoTime() - start);
  }

  @Override
  public void changes(List<TableChange> changes) {
    synchronized (this) {
      for (TableChange change : changes) {
        if (change.id() != null) {
          heard.set(keys.number(change.table(), change.op(), change.id()));
        }
      }
    }
    for (TableChange change : changes) {
      if (change.table().equals("disputes")) {
        synchronized (this) {
          if (change.id() == null) {
            everyDispute = true;
          } else {
            changedDisputes.add(Long.valueOf(change.id()));
          }
        }
        disputesGate.due.set(true);
      }
      if (RELEASE_TABLES.contains(change.table())) {
        releasesGate.due.set(true);
      }
    }
  }

  @Override
  public void online(boolean resync) {
    online.countDown();
    if (resync) {
      synchronized (this) {
        everyDispute = true;
      }
      disputesGate.due.set(true);
      releasesGate.due.set(true);
    }
  }

  @Override
  public void offline(String reason) {
    offlines.incrementAndGet();
  }

  @Override
  public void close() {
    feed.close();
    session.close();
  }

  /** One read in flight, and one due after it: a burst of changes costs two reads, not many. */
  private final class Gate {
    final AtomicBoolean due = new AtomicBoolean();
    final AtomicBoolean running = new AtomicBoolean();

    void start(Executor readers, Runnable read) {
      if (!due.get() || !running.compareAndSet(false, true)) {
        return;
      }
      due.set(false);
      readers.execute(
          () -> {
            try {
              read.run();
            } catch (RuntimeException e) {
              times.failed(e);
            } finally {
              running.set(false);
            }
          });
    }

    boolean idle() {
      return !due.get() && !running.get();
    }
  }
}
