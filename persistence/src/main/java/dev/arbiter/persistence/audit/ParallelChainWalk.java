package dev.arbiter.persistence.audit;

import dev.arbiter.persistence.access.Jdbc;
import dev.arbiter.persistence.audit.ChainRanges.RangeReader;
import dev.arbiter.persistence.audit.ChainRanges.Segment;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Verification on several connections at once. Reading is the cost (the server renders every jsonb
 * value as text), and one connection keeps one server process busy, so the ranges are spread over
 * worker connections that all import the coordinator's snapshot: they see exactly the rows the
 * coordinator's head check sees. Each range is walked from its own first link, taken on trust; the
 * coordinator then joins the ranges in id order, checking every link between them.
 *
 * <p>A bad entry is rare and its name must not depend on how ranges fell, so any range that breaks
 * or does not join is walked again, one connection, from the start of the range before it: the
 * result is the one a single walk finds.
 */
final class ParallelChainWalk {

  private static final Pattern SNAPSHOT_ID = Pattern.compile("[0-9A-Fa-f-]+");
  private static final long POLL_MILLIS = 100;

  private final AuditChainVerifier verifier;
  private final VerifyOptions options;
  private final ChainAnchor head;
  private final ChainAnchor start;
  private final long lastId;
  private final long total;

  ParallelChainWalk(
      AuditChainVerifier verifier,
      VerifyOptions options,
      ChainAnchor head,
      ChainAnchor start,
      long lastId,
      long total) {
    this.verifier = verifier;
    this.options = options;
    this.head = head;
    this.start = start;
    this.lastId = lastId;
    this.total = total;
  }

  /**
   * Worth it with more than one connection and at least two ranges to share, each at least as long
   * as the window a fork is looked for in (so a walk again from the range before sees the whole
   * window).
   */
  boolean worthwhile() {
    return options.parallelism() > 1
        && total > verifier.batchSize()
        && verifier.batchSize() >= ChainWalk.WINDOW;
  }

  /** Runs on {@code c}, the coordinator's open REPEATABLE READ transaction. */
  ChainVerification run(Connection c, DataSource dataSource) throws SQLException {
    String snapshot = exportSnapshot(c);
    int batch = verifier.batchSize();
    int ranges = (int) ((total + batch - 1) / batch);
    @SuppressWarnings("unchecked")
    CompletableFuture<Segment>[] segments = new CompletableFuture[ranges];
    for (int i = 0; i < ranges; i++) {
      segments[i] = new CompletableFuture<>();
    }
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean stop = new AtomicBoolean();
    BooleanSupplier stopped = () -> stop.get() || options.cancelled().getAsBoolean();
    int workers = Math.min(options.parallelism(), ranges);
    ExecutorService pool =
        Executors.newFixedThreadPool(
            workers,
            r -> {
              Thread t = new Thread(r, "audit-verify");
              t.setDaemon(true);
              return t;
            });
    for (int w = 0; w < workers; w++) {
      pool.execute(() -> work(dataSource, snapshot, segments, next, stopped));
    }
    try {
      // The merged walk only joins segments, each of which filled its own gaps, so it needs no
      // links.
      ChainWalk merged = new ChainWalk(options.anchor(), start, null);
      ChainWalk.Point origin = ChainWalk.Point.start(start);
      ChainWalk.Point[] before = new ChainWalk.Point[ranges];
      for (int i = 0; i < ranges; i++) {
        before[i] = merged.point(origin);
        Segment segment = await(segments[i]);
        segments[i] = null;
        if (segment.walk() == null) {
          continue;
        }
        if (segment.broken() || segment.stopped() || !merged.extend(segment.walk())) {
          stop.set(true);
          AuditChainVerifier.checkCancelled(options);
          return verifier.walkFrom(c, options, head, before[Math.max(0, i - 1)], lastId, total);
        }
        options.progress().checked(merged.rowsChecked(), total);
      }
      return merged.result(origin, merged.finish(head));
    } finally {
      stop.set(true);
      pool.shutdown();
      try {
        pool.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private void work(
      DataSource dataSource,
      String snapshot,
      CompletableFuture<Segment>[] segments,
      AtomicInteger next,
      BooleanSupplier stopped) {
    int batch = verifier.batchSize();
    try {
      StreamSnapshot.on(
          dataSource,
          c -> {
            Jdbc.update(c, "SET TRANSACTION SNAPSHOT '" + snapshot + "'");
            RangeReader reader = verifier.rangeReader(c);
            int i;
            while (!stopped.getAsBoolean() && (i = next.getAndIncrement()) < segments.length) {
              long after = start.entryId() + (long) i * batch;
              long upTo = Math.min(after + batch, lastId);
              segments[i].complete(reader.walk(after, upTo, options, stopped));
            }
            return null;
          });
    } catch (SQLException | RuntimeException e) {
      for (CompletableFuture<Segment> segment : segments) {
        if (segment != null) {
          segment.completeExceptionally(e);
        }
      }
    }
  }

  private Segment await(CompletableFuture<Segment> segment) throws SQLException {
    while (true) {
      AuditChainVerifier.checkCancelled(options);
      try {
        return segment.get(POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException e) {
        // Poll the cancel flag again.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ChainReadException("interrupted while verifying the audit chain", e);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof SQLException sql) {
          throw sql;
        }
        throw new ChainReadException("could not read the audit chain", e.getCause());
      }
    }
  }

  private static String exportSnapshot(Connection c) throws SQLException {
    String id =
        Jdbc.list(c, "SELECT pg_export_snapshot() AS snapshot", row -> row.text("snapshot")).get(0);
    if (!SNAPSHOT_ID.matcher(id).matches()) {
      throw new SQLException("unexpected snapshot id from the server: " + id);
    }
    return id;
  }
}
