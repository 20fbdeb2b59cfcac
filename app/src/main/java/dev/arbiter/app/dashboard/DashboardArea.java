package dev.arbiter.app.dashboard;

import dev.arbiter.app.common.AreaContext;
import dev.arbiter.persistence.dashboard.DashboardService;

/** Builds the dashboard for a signed-in staff member. */
public final class DashboardArea {

  private DashboardArea() {}

  /** The dashboard with its first read started. */
  public static DashboardView create(AreaContext context) {
    DashboardService service = new DashboardService(context.database().access());
    DashboardView view =
        new DashboardView(
            new DashboardViewModel(
                service::load, context.tasks(), context.locale(), context.zone()));
    view.refresh();
    return view;
  }
}
