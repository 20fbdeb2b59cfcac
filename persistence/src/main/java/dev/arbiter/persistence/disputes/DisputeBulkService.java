package dev.arbiter.persistence.disputes;

import dev.arbiter.persistence.session.StaffDatabaseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs one action over many disputes: each row in its own transaction, so one refusal (a closed
 * case, a stale row) never undoes the others, and each row's result is reported. Row keys derive
 * from one batch key, so retrying the whole batch acts once per row.
 */
public final class DisputeBulkService {

  /** The most rows one bulk action touches; a broader filter is refused, not truncated. */
  public static final int MAX_ROWS = 1000;

  /** What happened to one row. */
  public record Outcome(long id, String reference, boolean done, String message) {}

  private final DisputeActionService actions;
  private final DisputeQueueService queue;

  public DisputeBulkService(DisputeActionService actions, DisputeQueueService queue) {
    this.actions = actions;
    this.queue = queue;
  }

  /**
   * The current state of every dispute matching {@code filter}, for "all matching the filter".
   *
   * @throws IllegalArgumentException if more than {@link #MAX_ROWS} match
   */
  public List<DisputeSnapshot> matching(QueueFilter filter) {
    List<Long> ids = queue.matchingIds(filter, MAX_ROWS);
    if (ids.size() > MAX_ROWS) {
      throw new IllegalArgumentException(
          "More than " + MAX_ROWS + " disputes match; narrow the filter for a bulk action.");
    }
    return queue.snapshots(ids);
  }

  /**
   * Applies {@code command} (given a row and its key) to every target, in order.
   *
   * @param batchKey one key for the whole batch; each row's key is derived from it
   */
  public List<Outcome> apply(
      List<DisputeSnapshot> targets,
      String batchKey,
      BiFunction<DisputeSnapshot, String, DisputeCommand> command) {
    if (targets.size() > MAX_ROWS) {
      throw new IllegalArgumentException("A bulk action takes at most " + MAX_ROWS + " rows.");
    }
    List<Outcome> outcomes = new ArrayList<>(targets.size());
    for (DisputeSnapshot target : targets) {
      try {
        ActionResult result = actions.execute(command.apply(target, batchKey + "/" + target.id()));
        outcomes.add(new Outcome(target.id(), target.reference(), true, result.message()));
      } catch (DisputeActionRefused refused) {
        outcomes.add(new Outcome(target.id(), target.reference(), false, refused.getMessage()));
      } catch (StaffDatabaseException failed) {
        if (failed.connectionLost()) {
          throw failed;
        }
        outcomes.add(new Outcome(target.id(), target.reference(), false, failed.getMessage()));
      }
    }
    return outcomes;
  }
}
