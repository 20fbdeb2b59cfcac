package dev.arbiter.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.audit.RecordHistoryViewModel.Item;
import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.persistence.audit.RecordHistory;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class RecordHistoryViewModelTest {

  @Test
  void timelineListsEachChangeOldestFirstWithItsFields() {
    RecordHistoryViewModel model =
        new RecordHistoryViewModel(
            (type, id) ->
                new RecordHistory(
                    type,
                    id,
                    List.of(
                        Records.record(1, "postgres", "insert", null, "{\"a\": 1, \"b\": 2}"),
                        Records.update(
                            2, "user:42", "{\"a\": 1, \"b\": 2}", "{\"a\": 3, \"b\": 2}"),
                        Records.record(3, "demo_admin", "delete", "{\"a\": 3, \"b\": 2}", null)),
                    false),
            new SynchronousTaskRunner(),
            Locale.US,
            ZoneOffset.UTC);

    model.load("disputes", "17");

    assertThat(model.titleProperty().get()).isEqualTo("History of disputes #17");
    assertThat(model.noteProperty().get()).isEqualTo("3 changes, oldest first");
    assertThat(model.items())
        .extracting(Item::changes)
        .containsExactly(List.of("created with 2 fields"), List.of("a: 1 → 3"), List.of("deleted"));
    assertThat(model.items().get(1).who()).isEqualTo("user:42 (via demo_backend)");
  }

  @Test
  void editOfAPrivateNoteSaysItsBodyChangedWithoutAnEmptyValue() {
    String before = "{\"body\": null, \"body_sha256\": \"aa\"}";
    String after = "{\"body\": null, \"body_sha256\": \"bb\"}";

    assertThat(
            RecordHistoryViewModel.changeLines(
                Records.record(2, "postgres", "update", "contact_notes", before, after)))
        .containsExactly(
            "body: withheld: private note (sha256 aa) → withheld: private note (sha256 bb)");
    assertThat(
            RecordHistoryViewModel.changeLines(
                Records.record(
                    1,
                    "demo_admin",
                    "insert",
                    "contact_notes",
                    null,
                    "{\"id\": 17, \"body\": null, \"body_sha256\": \"aa\"}")))
        .containsExactly("created with 2 fields");
  }
}
