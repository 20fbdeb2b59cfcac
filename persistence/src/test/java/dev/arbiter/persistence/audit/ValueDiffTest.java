package dev.arbiter.persistence.audit;

import static dev.arbiter.persistence.audit.JsonValues.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.audit.FieldChange.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueDiffTest {

  @Test
  void updateListsEveryFieldAndMarksOnlyTheChangedOnes() {
    List<FieldChange> changes =
        ValueDiff.between(
            parse("{\"id\": 7, \"status\": \"open\", \"priority\": \"normal\", \"version\": 0}"),
            parse(
                "{\"id\": 7, \"status\": \"under_review\", \"priority\": \"normal\", \"version\": 1}"));

    assertThat(changes)
        .containsExactly(
            new FieldChange("id", Kind.UNCHANGED, "7", "7"),
            new FieldChange("status", Kind.CHANGED, "open", "under_review"),
            new FieldChange("priority", Kind.UNCHANGED, "normal", "normal"),
            new FieldChange("version", Kind.CHANGED, "0", "1"));
    assertThat(changes).last().extracting(FieldChange::path).isEqualTo("version");
  }

  @Test
  void bookkeepingFieldsComeLast() {
    assertThat(
            ValueDiff.between(
                parse("{\"version\": 1, \"status\": \"a\", \"updated_at\": \"t1\"}"),
                parse("{\"version\": 2, \"status\": \"b\", \"updated_at\": \"t2\"}")))
        .extracting(FieldChange::path)
        .containsExactly("status", "version", "updated_at");
  }

  @Test
  void nestedObjectsCompareFieldByFieldUnderADottedPath() {
    List<FieldChange> changes =
        ValueDiff.between(
            parse("{\"metadata\": {\"tier\": \"gold\", \"tags\": [1, 2], \"old\": true}}"),
            parse("{\"metadata\": {\"tier\": \"gold\", \"tags\": [1, 3], \"new\": null}}"));

    assertThat(changes)
        .containsExactly(
            new FieldChange("metadata.tier", Kind.UNCHANGED, "gold", "gold"),
            new FieldChange("metadata.tags", Kind.CHANGED, "[1, 2]", "[1, 3]"),
            new FieldChange("metadata.old", Kind.REMOVED, "true", ""),
            new FieldChange("metadata.new", Kind.ADDED, "", "null"));
  }

  @Test
  void insertShowsEveryFieldAddedAndDeleteEveryFieldRemoved() {
    assertThat(ValueDiff.between(null, parse("{\"a\": \"x\", \"b\": {\"c\": 1}}")))
        .containsExactly(
            new FieldChange("a", Kind.ADDED, "", "x"),
            new FieldChange("b", Kind.ADDED, "", "{\"c\": 1}"));
    assertThat(ValueDiff.between(parse("{\"a\": 1}"), null))
        .containsExactly(new FieldChange("a", Kind.REMOVED, "1", ""));
  }

  @Test
  void exactDecimalsThatDifferOnlyInScaleStillShowAsWritten() {
    assertThat(ValueDiff.between(parse("{\"n\": 2.50}"), parse("{\"n\": 2.5}")))
        .containsExactly(new FieldChange("n", Kind.CHANGED, "2.50", "2.5"));
  }

  @Test
  void truncateAndNotesWithoutValuesHaveNoFields() {
    assertThat(ValueDiff.between(null, null)).isEmpty();
  }

  @Test
  void aValueThatTurnsFromObjectToScalarIsOneChange() {
    assertThat(ValueDiff.between(parse("{\"s\": {\"a\": 1}}"), parse("{\"s\": \"flat\"}")))
        .containsExactly(new FieldChange("s", Kind.CHANGED, "{\"a\": 1}", "flat"));
  }
}
