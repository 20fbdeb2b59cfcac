package dev.arbiter.app.disputes;

import static dev.arbiter.app.disputes.QueueRows.page;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.disputes.QueueRow;
import org.junit.jupiter.api.Test;

class QueueWindowTest {

  @Test
  void appendingPastCapacityDropsTheSameNumberOfRowsAtTheTop() {
    QueueWindow window = new QueueWindow(100);
    window.reset(page(1, 50, true));
    assertThat(window.append(page(51, 100, true))).isZero();
    assertThat(window.append(page(101, 150, true))).isEqualTo(50);

    assertThat(window.rows()).hasSize(100);
    assertThat(window.first().id()).isEqualTo(51);
    assertThat(window.last().id()).isEqualTo(150);
    assertThat(window.moreBefore()).isTrue();
    assertThat(window.moreAfter()).isTrue();
  }

  @Test
  void prependingTrimsTheEndAndKnowsWhenTheTopIsReached() {
    QueueWindow window = new QueueWindow(100);
    window.reset(page(101, 150, true));
    window.append(page(151, 200, false));
    assertThat(window.moreAfter()).isFalse();

    assertThat(window.prepend(page(51, 100, false))).isEqualTo(50);
    assertThat(window.rows()).extracting(QueueRow::id).startsWith(51L).endsWith(150L);
    assertThat(window.moreBefore()).isFalse();
    assertThat(window.moreAfter()).isTrue();
  }

  @Test
  void aLiveReadStartsAtTheTopOrJustBeforeTheFirstRowAndKeepsThePlace() {
    QueueWindow window = new QueueWindow(100);
    window.reset(page(1, 50, true));
    assertThat(window.refreshFrom(false)).isNull();
    window.append(page(51, 100, true));
    window.append(page(101, 150, true));

    assertThat(window.refreshFrom(false).id()).isEqualTo(50);
    assertThat(window.refreshFrom(false).value()).isEqualTo("DSP-000051");
    assertThat(window.refreshFrom(true).id()).isEqualTo(52);

    window.refresh(page(51, 120, false));
    assertThat(window.rows()).hasSize(70);
    assertThat(window.moreBefore()).isTrue();
    assertThat(window.moreAfter()).isFalse();
  }

  @Test
  void replaceUpdatesARowInPlaceOrSaysItIsNotHeld() {
    QueueWindow window = new QueueWindow(10);
    window.reset(page(1, 5, false));
    assertThat(window.replace(QueueRows.row(3))).isEqualTo(2);
    assertThat(window.replace(QueueRows.row(30))).isEqualTo(-1);
  }
}
