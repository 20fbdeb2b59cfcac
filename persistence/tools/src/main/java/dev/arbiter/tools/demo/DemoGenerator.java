package dev.arbiter.tools.demo;

import java.util.function.Consumer;

/**
 * Generates the whole demo as a sequence of batches: people and workspaces, then contracts in
 * chunks, then the ledger. Runs on one thread; the same world always yields the same batches.
 */
final class DemoGenerator {

  static final int CONTRACTS_PER_BATCH = 2_000;
  static final int ENTRIES_PER_BATCH = 50_000;

  private final DemoWorld world;

  DemoGenerator(DemoWorld world) {
    this.world = world;
  }

  void run(Consumer<Batch> sink) {
    boolean actorsMatter = !world.bulk;
    Batch peopleRows = new Batch(actorsMatter, "people", 1);
    People people = People.generate(world, peopleRows);
    Workspaces.generate(world, peopleRows, people);
    sink.accept(peopleRows.upTo(1));

    Ledger ledger = new Ledger();
    Contracts contracts = new Contracts(world, people, ledger);
    long total = world.scale.contracts();
    long disputes = world.scale.disputes();
    for (long first = 0; first < total; first += CONTRACTS_PER_BATCH) {
      long last = Math.min(first + CONTRACTS_PER_BATCH, total);
      Batch batch = new Batch(actorsMatter, "contracts", total);
      for (long i = first; i < last; i++) {
        // Spreads the disputes evenly: contract i gets its share of the running total.
        int share = (int) ((i + 1) * disputes / total - i * disputes / total);
        contracts.generate(batch, i, share);
      }
      sink.accept(batch.upTo(last));
    }
    ledger.writeEntries(world, sink, ENTRIES_PER_BATCH);
  }
}
