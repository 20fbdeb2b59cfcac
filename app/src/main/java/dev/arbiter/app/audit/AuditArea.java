package dev.arbiter.app.audit;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.audit.AuditExportService;
import dev.arbiter.persistence.audit.AuditQueryService;
import dev.arbiter.persistence.audit.ChainCheckService;
import dev.arbiter.persistence.audit.RecordHistoryService;
import dev.arbiter.persistence.staff.StaffSession;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.function.Function;
import javafx.scene.Node;

/** Builds the audit area, and record history views for other areas, for one staff session. */
public final class AuditArea {

  private AuditArea() {}

  /** The audit area with a save dialog for exports. */
  public static AuditView create(
      StaffSession session, TaskRunner tasks, Executor fxThread, Locale locale, ZoneId zone) {
    return create(session, tasks, fxThread, locale, zone, AuditToolbar::saveDialog);
  }

  static AuditView create(
      StaffSession session,
      TaskRunner tasks,
      Executor fxThread,
      Locale locale,
      ZoneId zone,
      Function<Node, AuditToolbar.FilePicker> files) {
    AuditQueryService queries = new AuditQueryService(session);
    AuditExportService exports = new AuditExportService(session);
    ChainCheckService chain = new ChainCheckService(session);
    AuditViewModel model = new AuditViewModel(queries::page, tasks, locale, zone);
    AuditView view =
        new AuditView(
            model,
            new ChainCheckViewModel(chain::verify, tasks, fxThread, locale),
            new AuditExportViewModel(exports::export, tasks, fxThread, locale),
            () -> recordHistory(session, tasks, locale, zone),
            files);
    tasks.run(queries::staffLogins).onSuccess(view.filters()::suggestActors);
    return view;
  }

  /**
   * A record history timeline for {@code session}, for any area to embed: put {@code new
   * RecordHistoryView(model).node()} in a pane and call {@code model.load(entityType, id)}.
   */
  public static RecordHistoryViewModel recordHistory(
      StaffSession session, TaskRunner tasks, Locale locale, ZoneId zone) {
    RecordHistoryService service = new RecordHistoryService(session);
    return new RecordHistoryViewModel(service::history, tasks, locale, zone);
  }
}
