package dev.arbiter.persistence.escrow;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.escrow.BulkRelease.Item;
import dev.arbiter.persistence.escrow.BulkRelease.Outcome;
import dev.arbiter.persistence.escrow.BulkRelease.Subject;
import dev.arbiter.persistence.ledger.MoneyFunctions;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Previews and executes bulk releases. Every item is its own transaction with its own key: one
 * refusal never undoes the others, and a retried plan never pays twice.
 */
public final class BulkReleaseService {

  private static final String SUBJECTS =
      "SELECT cp.id, k.reference, cp.seq, cp.currency,"
          + " cp.amount_minor - cp.released_minor - cp.refunded_minor AS remaining_minor"
          + " FROM escrow_checkpoints cp JOIN escrows e ON e.id = cp.escrow_id"
          + " JOIN contracts k ON k.id = e.contract_id WHERE cp.id = ANY (CAST(? AS bigint[]))";

  private final DataAccess access;
  private final MoneyFunctions money;

  public BulkReleaseService(DataAccess access) {
    this.access = access;
    this.money = new MoneyFunctions(access);
  }

  /**
   * What each of {@code checkpointIds} is called; a checkpoint that no longer exists is left out.
   */
  public Map<Long, Subject> subjects(List<Long> checkpointIds) {
    if (checkpointIds.isEmpty()) {
      return Map.of();
    }
    Long[] ids = checkpointIds.toArray(Long[]::new);
    return StaffDatabaseException.wrap(
        "Could not read the checkpoints to release",
        () ->
            access.read(
                session ->
                    Sql.list(
                            session,
                            SUBJECTS,
                            r ->
                                Map.entry(
                                    r.getLong("id"),
                                    new Subject(
                                        r.text("reference"),
                                        r.getInt("seq"),
                                        r.getLong("remaining_minor"),
                                        r.text("currency"))),
                            (Object) ids)
                        .stream()
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue))));
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
