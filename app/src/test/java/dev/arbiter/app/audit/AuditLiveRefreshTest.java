package dev.arbiter.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.persistence.audit.AuditFilter;
import dev.arbiter.persistence.audit.AuditPage;
import dev.arbiter.persistence.audit.AuditRecord;
import dev.arbiter.persistence.live.TableChange;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AuditLiveRefreshTest {

  private long newest = 250;
  private int reads;
  private long now;
  private final List<Runnable> timers = new ArrayList<>();

  private AuditPage serve(AuditFilter filter, long before, int limit) {
    reads++;
    List<AuditRecord> page =
        LongStream.iterate(Math.min(before - 1, newest), id -> id >= 1, id -> id - 1)
            .filter(id -> filter.actor() == null || id % 2 == 0)
            .limit(limit + 1)
            .mapToObj(id -> Records.update(id, "demo_support", "{\"a\": 1}", "{\"a\": 2}"))
            .toList();
    boolean older = page.size() > limit;
    return new AuditPage(older ? page.subList(0, limit) : page, older);
  }

  private AuditViewModel model() {
    return new AuditViewModel(
        this::serve,
        new SynchronousTaskRunner(),
        Locale.US,
        ZoneOffset.UTC,
        () -> now,
        (delay, action) -> timers.add(action));
  }

  private static ChangeSet anyChange() {
    return ChangeSet.of(List.of(new TableChange("disputes", "update", "17")));
  }

  @Test
  void newEntriesAppearOnTheNewestPageAndTheSelectionStays() {
    AuditViewModel model = model();
    model.apply();
    model.selectedProperty().set(model.rows().get(3));
    newest = 253;

    model.changed(anyChange());

    assertThat(model.rows().get(0).id()).isEqualTo(253);
    assertThat(model.rows()).hasSize(AuditViewModel.PAGE_SIZE);
    assertThat(model.selectedProperty().get().id()).isEqualTo(247);
  }

  @Test
  void anOlderPageBeingReadIsLeftAlone() {
    AuditViewModel model = model();
    model.apply();
    model.older();
    int before = reads;
    newest = 260;

    model.changed(anyChange());

    assertThat(reads).isEqualTo(before);
    assertThat(model.rows().get(0).id()).isEqualTo(150);
  }

  @Test
  void aFilterStillAppliesToWhatArrivesLive() {
    AuditViewModel model = model();
    model.actorProperty().set("demo_support");
    model.apply();
    newest = 253;

    model.changed(anyChange());

    assertThat(model.rows().get(0).id()).isEqualTo(252);
  }

  @Test
  void aBurstOfChangeSetsCostsOneReadASecond() {
    AuditViewModel model = model();
    model.apply();
    int before = reads;
    for (int i = 0; i < 10; i++) {
      now += 50_000_000;
      model.changed(anyChange());
    }
    assertThat(reads).isEqualTo(before + 1);
    assertThat(timers).hasSize(1);
    timers.remove(0).run();
    assertThat(reads).isEqualTo(before + 2);
  }
}
