package dev.arbiter.tools.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrafficMixTest {

  @Test
  void drawsFollowTheWeights() {
    TrafficMix mix = TrafficMix.parse("message=3, flag=1");
    Map<OperationKind, Integer> seen = new EnumMap<>(OperationKind.class);
    for (int i = 0; i < 400; i++) {
      seen.merge(mix.pick(i / 400.0), 1, Integer::sum);
    }
    assertThat(seen)
        .containsExactly(Map.entry(OperationKind.MESSAGE, 300), Map.entry(OperationKind.FLAG, 100));
  }

  @Test
  void kindsLeftOutAreNeverPicked() {
    TrafficMix mix = TrafficMix.parse("WORKSPACE=2");
    assertThat(mix.pick(0)).isEqualTo(OperationKind.WORKSPACE);
    assertThat(mix.pick(0.999_999)).isEqualTo(OperationKind.WORKSPACE);
    assertThat(mix.toString()).isEqualTo("workspace=2");
  }

  @Test
  void theStandardMixHasEveryKindAndMostlyMessages() {
    TrafficMix mix = TrafficMix.standard();
    assertThat(mix.weights()).allSatisfy((kind, w) -> assertThat(w).isPositive());
    assertThat(mix.weights().get(OperationKind.MESSAGE))
        .isEqualTo(mix.weights().values().stream().mapToInt(Integer::intValue).max().orElseThrow());
  }

  @Test
  void badMixesAreRefusedWithTheReason() {
    assertThatThrownBy(() -> TrafficMix.parse("refund=1"))
        .hasMessageContaining("unknown kind 'refund'")
        .hasMessageContaining("dispute, message, submission, flag, workspace, contract");
    assertThatThrownBy(() -> TrafficMix.parse("flag")).hasMessageContaining("not kind=weight");
    assertThatThrownBy(() -> TrafficMix.parse("flag=x")).hasMessageContaining("not a number");
    assertThatThrownBy(() -> TrafficMix.parse("flag=-1")).hasMessageContaining("negative");
    assertThatThrownBy(() -> TrafficMix.parse("flag=0")).hasMessageContaining("positive weight");
  }

  @Test
  void invitedAddressesTurnIntoDisplayNames() {
    assertThat(MarketplaceText.displayNameOf("maria.lopez.12345@mail.example"))
        .isEqualTo("Maria Lopez");
    assertThat(References.format("DSP", 42)).isEqualTo("DSP-000042");
    assertThat(References.number("DSP-1000001")).isEqualTo(1_000_001L);
  }
}
