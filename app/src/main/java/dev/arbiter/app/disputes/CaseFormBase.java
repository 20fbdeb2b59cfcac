package dev.arbiter.app.disputes;

import dev.arbiter.app.common.FxmlView;

/**
 * What the open case's forms (reply and note, deadline, settlement) share; each lays out in its own
 * FXML. Their fields bind to the case's {@link CaseForms}, keep their drafts and show their errors
 * through the view's {@link CaseFields}, and each form is disabled while a command on the case is
 * on its way.
 */
abstract class CaseFormBase extends FxmlView<CaseFields> {

  CaseFormBase(CaseFields fields) {
    super(fields);
  }

  /** Where the form's drafts and error lines go. */
  final CaseFields fields() {
    return model;
  }

  /** The case the form acts on. */
  final DisputeCaseViewModel caseModel() {
    return model.model();
  }
}
