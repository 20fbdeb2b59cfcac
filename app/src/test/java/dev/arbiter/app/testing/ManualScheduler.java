package dev.arbiter.app.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * A scheduler whose clock moves only when the test says so: {@link #advance} runs, on the calling
 * thread and in order of their time, the tasks that fall due, as many heartbeats or flushes as the
 * interval holds. A test of a timed component thus asserts exactly what happens after sixty beats,
 * and takes no time doing it. Shutdown behaves as a {@code ScheduledThreadPoolExecutor}'s: periodic
 * tasks stop, submissions are refused.
 */
public final class ManualScheduler extends AbstractExecutorService
    implements ScheduledExecutorService {

  private final PriorityQueue<Job<?>> queue =
      new PriorityQueue<>(Comparator.comparingLong((Job<?> j) -> j.due).thenComparing(j -> j.seq));
  private long now;
  private long submitted;
  private boolean shutdown;

  /** How far the clock has moved since the scheduler was made. */
  public synchronized Duration elapsed() {
    return Duration.ofNanos(now);
  }

  /** Moves the clock by {@code time}, running every task that falls due on the way. */
  public void advance(Duration time) {
    long until;
    synchronized (this) {
      until = now + time.toNanos();
    }
    Job<?> job;
    while ((job = nextDue(until)) != null) {
      job.run();
    }
    synchronized (this) {
      now = until;
    }
  }

  /** Runs what is due now (work handed to {@link #execute}), without moving the clock. */
  public void runDue() {
    advance(Duration.ZERO);
  }

  /** How many tasks wait, periodic ones included. */
  public synchronized int pending() {
    return queue.size();
  }

  private synchronized Job<?> nextDue(long until) {
    Job<?> next = queue.peek();
    if (next == null || next.due > until) {
      return null;
    }
    queue.poll();
    now = Math.max(now, next.due);
    return next;
  }

  private synchronized <T> Job<T> enqueue(Callable<T> task, long delayNanos, long period) {
    if (shutdown) {
      throw new RejectedExecutionException("the scheduler is shut down");
    }
    Job<T> job = new Job<>(task, now + Math.max(0, delayNanos), period, submitted++);
    queue.add(job);
    return job;
  }

  private synchronized void requeue(Job<?> job) {
    if (!shutdown && !job.cancelled) {
      job.due = now + job.period;
      job.seq = submitted++;
      queue.add(job);
    }
  }

  @Override
  public void execute(Runnable command) {
    enqueue(Executors.callable(command), 0, 0);
  }

  @Override
  public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
    return enqueue(Executors.callable(command), unit.toNanos(delay), 0);
  }

  @Override
  public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
    return enqueue(callable, unit.toNanos(delay), 0);
  }

  @Override
  public ScheduledFuture<?> scheduleAtFixedRate(
      Runnable command, long initialDelay, long period, TimeUnit unit) {
    // Tasks take no time on this clock, so a fixed rate and a fixed delay are the same.
    return scheduleWithFixedDelay(command, initialDelay, period, unit);
  }

  @Override
  public ScheduledFuture<?> scheduleWithFixedDelay(
      Runnable command, long initialDelay, long delay, TimeUnit unit) {
    if (delay <= 0) {
      throw new IllegalArgumentException("period must be positive");
    }
    return enqueue(Executors.callable(command), unit.toNanos(initialDelay), unit.toNanos(delay));
  }

  @Override
  public synchronized void shutdown() {
    shutdown = true;
    queue.removeIf(job -> job.period > 0);
  }

  @Override
  public synchronized List<Runnable> shutdownNow() {
    shutdown = true;
    List<Runnable> dropped = new ArrayList<>(queue);
    queue.clear();
    return dropped;
  }

  @Override
  public synchronized boolean isShutdown() {
    return shutdown;
  }

  @Override
  public synchronized boolean isTerminated() {
    return shutdown && queue.isEmpty();
  }

  /** Never waits: nothing runs but what {@link #advance} runs. */
  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) {
    return isTerminated();
  }

  private final class Job<T> implements ScheduledFuture<T>, Runnable {
    private final Callable<T> task;
    private final long period;
    private long due;
    private long seq;
    private volatile boolean cancelled;
    private volatile boolean done;
    private T result;
    private Throwable failure;

    Job(Callable<T> task, long due, long period, long seq) {
      this.task = task;
      this.due = due;
      this.period = period;
      this.seq = seq;
    }

    @Override
    public void run() {
      if (cancelled) {
        return;
      }
      try {
        result = task.call();
        if (period > 0) {
          requeue(this);
          return;
        }
      } catch (Exception e) {
        // As in a real scheduler, a periodic task that throws runs no more.
        failure = e;
      }
      done = true;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      synchronized (ManualScheduler.this) {
        return unit.convert(due - now, TimeUnit.NANOSECONDS);
      }
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), other.getDelay(TimeUnit.NANOSECONDS));
    }

    @Override
    public boolean cancel(boolean mayInterruptIfRunning) {
      if (done) {
        return false;
      }
      cancelled = true;
      synchronized (ManualScheduler.this) {
        queue.remove(this);
      }
      return true;
    }

    @Override
    public boolean isCancelled() {
      return cancelled;
    }

    @Override
    public boolean isDone() {
      return done || cancelled;
    }

    @Override
    public T get() throws ExecutionException {
      if (!done) {
        throw new IllegalStateException("not run yet: advance the scheduler first");
      }
      if (failure != null) {
        throw new ExecutionException(failure);
      }
      return result;
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws ExecutionException {
      return get();
    }
  }
}
