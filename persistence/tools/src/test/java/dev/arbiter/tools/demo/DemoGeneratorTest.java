package dev.arbiter.tools.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoGeneratorTest {

  private static final long BASE = Instant.parse("2024-06-11T09:00:00Z").getEpochSecond();

  @Test
  void sameSeedAndBaseTimeGenerateTheSameBatches() {
    assertThat(generate(42, BASE)).isEqualTo(generate(42, BASE));
  }

  @Test
  void seedAndBaseTimeBothChangeTheRows() {
    List<String> reference = generate(42, BASE);
    assertThat(generate(43, BASE)).isNotEqualTo(reference);
    assertThat(generate(42, BASE + 3_600)).isNotEqualTo(reference);
  }

  @Test
  void writesTheDisputesTheScaleAsksFor() {
    DemoWorld world = new DemoWorld(1, BASE, DemoScale.of(1));
    Map<DemoTable, Long> counts = new EnumMap<>(DemoTable.class);
    new DemoGenerator(world).run(batch -> batch.countInto(counts));
    assertThat(counts.get(DemoTable.DISPUTES)).isEqualTo(300);
    assertThat(counts.get(DemoTable.USERS)).isEqualTo(360);
    assertThat(counts.get(DemoTable.CONTRACTS)).isEqualTo(400);
    assertThat(counts.get(DemoTable.LEDGER_ENTRIES))
        .isGreaterThan(2 * counts.get(DemoTable.JOURNALS) - 1);
  }

  @Test
  void batchesGoOutInPhaseOrderWithGrowingProgress() {
    DemoWorld world = new DemoWorld(1, BASE, DemoScale.of(40));
    List<String> phases = new ArrayList<>();
    List<Long> contractProgress = new ArrayList<>();
    new DemoGenerator(world)
        .run(
            batch -> {
              if (phases.isEmpty() || !phases.get(phases.size() - 1).equals(batch.phase())) {
                phases.add(batch.phase());
              }
              if (batch.phase().equals("contracts")) {
                contractProgress.add(batch.unitsDone());
              }
            });
    assertThat(phases).containsExactly("people", "contracts", "ledger");
    assertThat(contractProgress).isSorted().last().isEqualTo((long) world.scale.contracts());
    assertThat(contractProgress).hasSizeGreaterThan(1);
  }

  private static List<String> generate(long seed, long base) {
    DemoWorld world = new DemoWorld(seed, base, new DemoScale(1, 60, 40, 30, 5, 1, 1, false));
    List<String> out = new ArrayList<>();
    new DemoGenerator(world).run(batch -> out.add(batch.toString()));
    return out;
  }
}
