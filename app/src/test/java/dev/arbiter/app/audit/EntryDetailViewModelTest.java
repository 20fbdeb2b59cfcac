package dev.arbiter.app.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.arbiter.app.audit.EntryDetailViewModel.DiffRow;
import dev.arbiter.persistence.audit.FieldChange.Kind;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EntryDetailViewModelTest {

  private final EntryDetailViewModel model =
      new EntryDetailViewModel(new AuditText(Locale.US, ZoneOffset.UTC));

  @Test
  void changedFieldsShowAndUnchangedOnesAreCollapsedUntilAsked() {
    model.show(
        Records.update(
            5,
            "user:42",
            "{\"id\": 17, \"status\": \"open\", \"priority\": \"normal\"}",
            "{\"id\": 17, \"status\": \"under_review\", \"priority\": \"normal\"}"));

    assertThat(model.diff())
        .containsExactly(new DiffRow("status", "open", "under_review", Kind.CHANGED));
    assertThat(model.unchangedToggleProperty().get()).isEqualTo("Show 2 unchanged fields");

    model.showUnchangedProperty().set(true);
    assertThat(model.diff()).extracting(DiffRow::field).containsExactly("id", "status", "priority");
    assertThat(model.unchangedToggleProperty().get()).isEqualTo("Hide 2 unchanged fields");
  }

  @Test
  void factsNameWhoWhenClientAndRequest() {
    model.show(Records.update(5, "user:42", "{\"a\": 1}", "{\"a\": 2}"));
    assertThat(model.titleProperty().get()).isEqualTo("Entry 5 · update disputes #17");
    assertThat(model.whoProperty().get()).isEqualTo("user:42 (via demo_backend)");
    assertThat(model.whenProperty().get()).isEqualTo("2025-03-04 13:05:14.123456 +00:00");
    assertThat(model.clientProperty().get()).isEqualTo("arbiter-console");
    assertThat(model.requestProperty().get()).isEqualTo("req-1");
    assertThat(model.commandProperty().get()).isEqualTo("—");
    assertThat(model.chainProperty().get()).isEqualTo("abababababab… → cdcdcdcdcdcd…");
    assertThat(model.hasRecordProperty().get()).isTrue();
  }

  @Test
  void withheldBodyOfAPrivateNoteReadsAsWithheldWithItsDigest() {
    String digest = "3f".repeat(32);
    model.show(
        Records.record(
            6,
            "demo_admin",
            "insert",
            "contact_notes",
            null,
            "{\"id\": 17, \"body\": null, \"visibility\": \"private\", \"body_sha256\": \""
                + digest
                + "\"}"));

    assertThat(model.diff())
        .containsExactly(
            new DiffRow("id", "", "17", Kind.ADDED),
            new DiffRow("body", "", "withheld: private note (sha256 " + digest + ")", Kind.ADDED),
            new DiffRow("visibility", "", "private", Kind.ADDED));
  }

  @Test
  void editedPrivateNoteShowsTheBodyChangedThroughItsDigest() {
    String before =
        "{\"body\": null, \"version\": 0, \"body_sha256\": \"" + "aa".repeat(32) + "\"}";
    String after = "{\"body\": null, \"version\": 1, \"body_sha256\": \"" + "bb".repeat(32) + "\"}";
    model.show(Records.record(7, "postgres", "update", "contact_notes", before, after));

    assertThat(model.diff())
        .extracting(DiffRow::field, DiffRow::kind)
        .containsExactly(tuple("body", Kind.CHANGED), tuple("version", Kind.CHANGED));
    assertThat(model.diff().get(0).before()).endsWith("aa".repeat(32) + ")");
    assertThat(model.diff().get(0).after()).endsWith("bb".repeat(32) + ")");
  }

  @Test
  void aBodyShaFieldOfAnotherTableIsShownAsStored() {
    model.show(
        Records.record(
            8,
            "demo_admin",
            "insert",
            "disputes",
            null,
            "{\"body\": null, \"body_sha256\": \"ab\"}"));

    assertThat(model.diff())
        .containsExactly(
            new DiffRow("body", "", "null", Kind.ADDED),
            new DiffRow("body_sha256", "", "ab", Kind.ADDED));
  }

  @Test
  void clearingShowsNothing() {
    model.show(Records.update(5, "demo_support", "{\"a\": 1}", "{\"a\": 2}"));
    model.show(null);
    assertThat(model.diff()).isEmpty();
    assertThat(model.titleProperty().get()).isEqualTo("No entry selected");
    assertThat(model.hasRecordProperty().get()).isFalse();
  }
}
