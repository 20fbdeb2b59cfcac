package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.persistence.live.TableChange;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which finance tabs hear of a change. */
class ReleasesLiveTest {

  private final List<ChangeSet> exposure = new ArrayList<>();
  private final List<ChangeSet> ledger = new ArrayList<>();
  private boolean exposureShown;

  private final ReleasesLive live =
      new ReleasesLive(
          Runnable::run,
          Runnable::run,
          () -> null,
          Runnable::run,
          () -> false,
          exposure::add,
          () -> exposureShown,
          ledger::add);

  private static final ChangeSet JOURNAL =
      ChangeSet.of(List.of(new TableChange("journals", "insert", "3")));

  @Test
  void exposureHearsOfChangesOnlyWhileShown() {
    live.changed(JOURNAL);
    assertThat(exposure).isEmpty();

    exposureShown = true;
    live.changed(JOURNAL);
    assertThat(exposure).containsExactly(JOURNAL);
  }

  // Hidden, ledger health only notes that money moved, so that showing it re-checks only then.
  @Test
  void ledgerHealthHearsOfEveryChange() {
    live.changed(JOURNAL);

    assertThat(ledger).containsExactly(JOURNAL);
  }
}
