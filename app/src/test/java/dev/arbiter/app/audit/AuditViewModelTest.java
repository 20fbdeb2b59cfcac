package dev.arbiter.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.DeferredTaskRunner;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.persistence.audit.AuditActorRole;
import dev.arbiter.persistence.audit.AuditFilter;
import dev.arbiter.persistence.audit.AuditPage;
import dev.arbiter.persistence.audit.AuditRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AuditViewModelTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  private final List<AuditFilter> filters = new ArrayList<>();
  private final List<Long> befores = new ArrayList<>();

  /** 250 entries, ids 1..250, served newest first by keyset like the service. */
  private AuditPage serve(AuditFilter filter, long before, int limit) {
    filters.add(filter);
    befores.add(before);
    if ("nobody".equals(filter.actor())) {
      return new AuditPage(List.of(), false);
    }
    List<AuditRecord> page =
        LongStream.iterate(Math.min(before - 1, 250), id -> id >= 1, id -> id - 1)
            .limit(limit + 1)
            .mapToObj(id -> Records.update(id, "demo_support", "{\"a\": 1}", "{\"a\": 2}"))
            .toList();
    boolean older = page.size() > limit;
    return new AuditPage(older ? page.subList(0, limit) : page, older);
  }

  private AuditViewModel model() {
    return new AuditViewModel(this::serve, new SynchronousTaskRunner(), Locale.US, BERLIN);
  }

  @Test
  void applyShowsTheNewestPageAndOlderAndNewerWalkByKeyset() {
    AuditViewModel model = model();
    model.apply();
    assertThat(model.rows()).hasSize(100);
    assertThat(model.rows().get(0).id()).isEqualTo(250);
    assertThat(model.list().hasMoreProperty().get()).isTrue();
    assertThat(model.hasNewerProperty().get()).isFalse();
    assertThat(model.list().summaryProperty().get())
        .isEqualTo("Entries 1–100 of more · newest first");

    model.older();
    model.older();
    assertThat(befores).containsExactly(Long.MAX_VALUE, 151L, 51L);
    assertThat(model.rows()).extracting(AuditViewModel.Row::id).startsWith(50L).endsWith(1L);
    assertThat(model.list().hasMoreProperty().get()).isFalse();
    assertThat(model.list().summaryProperty().get()).isEqualTo("Entries 201–250 · newest first");

    model.newer();
    assertThat(befores).last().isEqualTo(151L);
    assertThat(model.rows().get(0).id()).isEqualTo(150);
    assertThat(model.hasNewerProperty().get()).isTrue();
  }

  @Test
  void filterInputsBecomeOneFilterWithWholeDaysInTheUsersZone() {
    AuditViewModel model = model();
    model.actorProperty().set(" demo_support ");
    model.roleProperty().set(AuditActorRole.SUPPORT);
    model.actionProperty().set("update");
    model.entityTypeProperty().set("disputes");
    model.entityProperty().set("DSP-000123");
    model.fromDateProperty().set(LocalDate.of(2025, 3, 1));
    model.toDateProperty().set(LocalDate.of(2025, 3, 4));
    model.searchProperty().set("urgent");

    model.apply();

    assertThat(filters)
        .containsExactly(
            new AuditFilter(
                "demo_support",
                AuditActorRole.SUPPORT,
                "update",
                "disputes",
                "DSP-000123",
                Instant.parse("2025-02-28T23:00:00Z"),
                Instant.parse("2025-03-04T23:00:00Z"),
                "urgent"));
    assertThat(model.appliedFilter()).isEqualTo(filters.get(0));
  }

  @Test
  void endBeforeStartIsExplainedAndNothingIsLoaded() {
    AuditViewModel model = model();
    model.fromDateProperty().set(LocalDate.of(2025, 3, 4));
    model.toDateProperty().set(LocalDate.of(2025, 3, 1));
    model.apply();
    assertThat(model.list().errorProperty().get())
        .isEqualTo("The end date is before the start date.");
    assertThat(filters).isEmpty();
  }

  @Test
  void showRecordFiltersToOneRecordAndClearsTheRest() {
    AuditViewModel model = model();
    model.actorProperty().set("demo_admin");
    model.showRecord("workspaces", "9");
    assertThat(filters).containsExactly(AuditFilter.record("workspaces", "9"));
  }

  @Test
  void goToEntryOpensThePageStartingThereWithTheEntrySelected() {
    AuditViewModel model = model();
    model.actorProperty().set("demo_admin");
    model.goToEntry(57);
    assertThat(befores).containsExactly(58L);
    assertThat(filters).containsExactly(AuditFilter.none());
    assertThat(model.selectedProperty().get().id()).isEqualTo(57);
    assertThat(model.detail().titleProperty().get()).startsWith("Entry 57 ");
    assertThat(model.list().summaryProperty().get()).isEqualTo("Entries #57 to #1 · newest first");
    assertThat(model.hasNewerProperty().get()).isTrue();
    model.newer();
    assertThat(befores).last().isEqualTo(Long.MAX_VALUE);
    assertThat(model.list().summaryProperty().get())
        .isEqualTo("Entries 1–100 of more · newest first");
  }

  @Test
  void selectingARowShowsItsDetail() {
    AuditViewModel model = model();
    model.apply();
    model.selectedProperty().set(model.rows().get(3));
    assertThat(model.detail().titleProperty().get()).isEqualTo("Entry 247 · update disputes #17");
    assertThat(model.detail().whenProperty().get()).isEqualTo("2025-03-04 14:09:16.123456 +01:00");
  }

  @Test
  void whileLoadingTheViewSaysSoAndTheLastFilterAppliedWins() {
    DeferredTaskRunner tasks = new DeferredTaskRunner();
    AuditViewModel model = new AuditViewModel(this::serve, tasks, Locale.US, BERLIN);
    model.apply();
    model.actorProperty().set("nobody");
    model.apply();
    assertThat(model.list().loadingProperty().get()).isTrue();
    tasks.finishAll();
    // The first filter's read was superseded before it started, so it never ran.
    assertThat(filters).singleElement().extracting(AuditFilter::actor).isEqualTo("nobody");
    assertThat(model.rows()).isEmpty();
    assertThat(model.list().summaryProperty().get()).isEqualTo("No entries match");
    assertThat(model.list().loadingProperty().get()).isFalse();
  }

  @Test
  void aFailedLoadKeepsTheRowsAndSaysWhy() {
    boolean[] fail = {false};
    AuditViewModel model =
        new AuditViewModel(
            (f, b, l) -> {
              if (fail[0]) {
                throw new IllegalStateException("server went away");
              }
              return serve(f, b, l);
            },
            new SynchronousTaskRunner(),
            Locale.US,
            BERLIN);
    model.apply();
    fail[0] = true;
    model.refresh();
    assertThat(model.rows()).hasSize(100);
    assertThat(model.list().errorProperty().get()).contains("server went away");
  }
}
