package dev.arbiter.persistence.escrow;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.escrow.BulkRelease.Item;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.ledger.MoneyFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Previews and executes bulk releases. Every item is its own transaction with its own key: one
 * refusal never undoes the others, and a retried plan never pays twice.
 */
public final class BulkReleaseService {

  private final MoneyFunctions money;

  public BulkReleaseService(DataAccess access) {
    this.money = new MoneyFunctions(access);
  }

  /**
   * What each item would get now: the database runs each release and rolls it back, so the preview
   * judges every gate as the real run will (each item on its own, as executed).
   */
  public List<Outcome> preview(BulkRelease plan, Consumer<Outcome> progress) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Item item : plan.items()) {
      Outcome outcome =
          new Outcome(item, money.previewRelease(item.checkpointId(), null, item.idempotencyKey()));
      outcomes.add(outcome);
      progress.accept(outcome);
    }
    return outcomes;
  }

  /**
   * Releases every item in order, reporting each answer as it comes. Stops early, between items,
   * when {@code cancelled} turns true; the items not reached are simply not in the result.
   */
  public List<Outcome> execute(
      BulkRelease plan, Consumer<Outcome> progress, BooleanSupplier cancelled) {
    List<Outcome> outcomes = new ArrayList<>();
    for (Item item : plan.items()) {
      if (cancelled.getAsBoolean()) {
        break;
      }
      Outcome outcome =
          new Outcome(item, money.release(item.checkpointId(), null, item.idempotencyKey()));
      outcomes.add(outcome);
      progress.accept(outcome);
    }
    return outcomes;
  }
}
