package dev.arbiter.app.audit;

import dev.arbiter.app.common.AreaContext;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.persistence.audit.AuditExportService;
import dev.arbiter.persistence.audit.AuditQueryService;
import dev.arbiter.persistence.audit.ChainCheckService;
import dev.arbiter.persistence.audit.RecordHistoryService;
import dev.arbiter.persistence.staff.StaffSession;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.function.Function;
import javafx.scene.Node;

/** Builds the audit area, and record history views for other areas, for one staff session. */
public final class AuditArea {

  private AuditArea() {}

  /** The audit area with a save dialog for exports, showing the newest entries. */
  public static AuditView create(AreaContext context) {
    return create(context, AuditToolbar::saveDialog);
  }

  static AuditView create(AreaContext context, Function<Node, AuditToolbar.FilePicker> files) {
    StaffSession session = context.session();
    TaskRunner tasks = context.tasks();
    AuditQueryService queries = new AuditQueryService(session);
    AuditExportService exports = new AuditExportService(session);
    ChainCheckService chain = new ChainCheckService(session);
    AuditViewModel model =
        new AuditViewModel(queries::page, tasks, context.locale(), context.zone());
    AuditView view =
        new AuditView(
            model,
            new ChainCheckViewModel(
                chain::verify,
                chain::unsealed,
                Clock.systemUTC(),
                tasks,
                context.fxThread(),
                context.locale()),
            new AuditExportViewModel(exports::export, tasks, context.fxThread(), context.locale()),
            () -> recordHistory(session, tasks, context.locale(), context.zone()),
            files);
    tasks.run(queries::staffLogins).onSuccess(view.filters()::suggestActors);
    view.refresh();
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
