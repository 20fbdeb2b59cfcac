package dev.arbiter.model.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.SettlementStatus;
import dev.arbiter.model.escrow.CheckpointStatus;
import dev.arbiter.model.moderation.FlagStatus;
import org.junit.jupiter.api.Test;

class TransitionTableTest {

  private enum Light implements DatabaseValue {
    RED,
    GREEN,
    AMBER_FLASHING
  }

  @Test
  void directMovesPassAndMoneyMovesAreRefusedWithTheirOwnReason() {
    TransitionTable<Light> table =
        TransitionTable.builder("light", Light.class, Light.RED)
            .direct(Light.RED, Light.GREEN)
            .moneyFunction(Light.GREEN, Light.AMBER_FLASHING)
            .build();

    table.checkDirectMove(Light.RED, Light.GREEN);
    assertThat(table.allows(Light.GREEN, Light.AMBER_FLASHING)).isTrue();
    assertThat(table.requiresMoneyFunction(Light.GREEN, Light.AMBER_FLASHING)).isTrue();
    assertThatThrownBy(() -> table.checkDirectMove(Light.GREEN, Light.AMBER_FLASHING))
        .isInstanceOfSatisfying(
            IllegalStatusChangeException.class,
            e -> {
              assertThat(e.moneyFunctionOnly()).isTrue();
              assertThat(e.entity()).isEqualTo("light");
              assertThat(e.from()).isEqualTo("green");
              assertThat(e.to()).isEqualTo("amber flashing");
            });
    assertThatThrownBy(() -> table.checkDirectMove(Light.AMBER_FLASHING, Light.RED))
        .isInstanceOfSatisfying(
            IllegalStatusChangeException.class, e -> assertThat(e.moneyFunctionOnly()).isFalse())
        .hasMessage("A light cannot move from amber flashing to red.");
    assertThat(table.isTerminal(Light.AMBER_FLASHING)).isTrue();
  }

  @Test
  void aTableRefusesDuplicatesAndMovesThatChangeNothing() {
    assertThatThrownBy(
            () ->
                TransitionTable.builder("light", Light.class, Light.RED)
                    .direct(Light.RED, Light.GREEN)
                    .moneyFunction(Light.RED, Light.GREEN)
                    .build())
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Transition<>(Light.RED, Light.RED, false))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void stayingInTheSameStatusIsNotAMove() {
    for (DisputeStatus s : DisputeStatus.values()) {
      assertThat(s.canMoveTo(s)).as(s.name()).isFalse();
    }
  }

  @Test
  void everyTableNamesTheEntityAndInitialStatusTheDatabaseUses() {
    assertThat(DisputeStatus.rules().entity()).isEqualTo("dispute");
    assertThat(CheckpointStatus.rules().entity()).isEqualTo("checkpoint");
    assertThat(FlagStatus.rules().entity()).isEqualTo("flag");
    assertThat(SettlementStatus.rules().entity()).isEqualTo("settlement");
    assertThat(CheckpointStatus.rules().initial()).isEqualTo(CheckpointStatus.PENDING);
    assertThat(SettlementStatus.rules().initial()).isEqualTo(SettlementStatus.PROPOSED);
  }

  @Test
  void databaseSpellingIsTheLowerCaseNameBothWays() {
    assertThat(DisputeStatus.AWAITING_PARTIES.dbValue()).isEqualTo("awaiting_parties");
    assertThat(DatabaseValue.fromDb(DisputeStatus.class, "awaiting_parties"))
        .isEqualTo(DisputeStatus.AWAITING_PARTIES);
    assertThatThrownBy(() -> DatabaseValue.fromDb(DisputeStatus.class, "AWAITING_PARTIES"))
        .hasMessage("'AWAITING_PARTIES' is not a known DisputeStatus value");

    DisputeStatus.Converter converter = new DisputeStatus.Converter();
    assertThat(converter.convertToDatabaseColumn(DisputeStatus.UNDER_REVIEW))
        .isEqualTo("under_review");
    assertThat(converter.convertToEntityAttribute("under_review"))
        .isEqualTo(DisputeStatus.UNDER_REVIEW);
    assertThat(converter.convertToDatabaseColumn(null)).isNull();
    assertThat(converter.convertToEntityAttribute(null)).isNull();
  }
}
