package dev.arbiter.persistence.escrow;

import dev.arbiter.persistence.ledger.IdempotencyKeys;
import dev.arbiter.persistence.ledger.MoneyResult;
import java.util.List;

/**
 * A bulk release: the checkpoints chosen, each with its own idempotency key fixed when the plan is
 * made. Executing the same plan again (after a crash, a lost connection, a second click) therefore
 * has exactly one effect per item: done items replay, the rest are released.
 */
public record BulkRelease(List<Item> items) {

  public BulkRelease {
    items = List.copyOf(items);
  }

  /** One checkpoint and the key its release carries. */
  public record Item(long checkpointId, String idempotencyKey) {}

  /**
   * What a reader calls a checkpoint in a bulk release: its contract's reference, its number on the
   * contract and what is left to release on it.
   */
  public record Subject(String contractReference, int seq, long remainingMinor, String currency) {}

  /** One item's answer from the database, in a preview or for real. */
  public record Outcome(Item item, MoneyResult result) {}

  /** Plans the release of {@code checkpointIds}, in that order, with fresh keys. */
  public static BulkRelease plan(List<Long> checkpointIds) {
    return new BulkRelease(
        checkpointIds.stream()
            .distinct()
            .map(id -> new Item(id, IdempotencyKeys.next("bulk-release")))
            .toList());
  }
}
