package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.AreaContext;
import dev.arbiter.app.common.command.CommandRunner;
import dev.arbiter.app.staffadmin.StaffAdminViewModel;
import dev.arbiter.persistence.staff.StaffAdminAccount;
import dev.arbiter.persistence.staff.StaffAdminService;
import dev.arbiter.persistence.staff.StaffRole;
import dev.arbiter.persistence.workspaces.WorkspaceActions;
import dev.arbiter.persistence.workspaces.WorkspaceAdminService;
import dev.arbiter.persistence.workspaces.WorkspaceDetailService;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceListService;
import java.util.List;

/** Builds the Workspaces area (workspaces and staff accounts) for a signed-in staff member. */
public final class WorkspacesArea {

  private WorkspacesArea() {}

  /** The area with its first reads started. */
  public static WorkspacesView create(AreaContext context) {
    var access = context.database().access();
    boolean admin = context.staff().has(StaffRole.ADMIN);
    var online = context.live().onlineProperty();
    WorkspaceDetailService details = new WorkspaceDetailService(access, admin);
    WorkspaceAdminService actions = new WorkspaceAdminService(access);
    WorkspacesView view =
        new WorkspacesView(
            new WorkspaceListViewModel(new WorkspaceListService(access)::page, context.tasks()),
            new WorkspaceDetailViewModel(
                workspaceDetail(details, actions),
                context.tasks(),
                new CommandRunner(
                    context.tasks(), context.tasks()::schedule, online, actions::committed),
                admin,
                context.staff().login()),
            new StaffAdminViewModel(
                staffAccounts(new StaffAdminService(access)), context.tasks(), admin, online),
            context.locale(),
            context.live());
    view.refresh();
    return view;
  }

  /** The detail's port: reads over {@code details}, each action keyed over {@code actions}. */
  static WorkspaceDetailViewModel.Port workspaceDetail(
      WorkspaceDetailService details, WorkspaceAdminService actions) {
    return new WorkspaceDetailViewModel.Port() {
      @Override
      public WorkspaceDetails details(long workspaceId) {
        return details.load(workspaceId);
      }

      @Override
      public String newRequestKey() {
        return WorkspaceAdminService.newRequestKey();
      }

      @Override
      public WorkspaceActions keyed(String requestKey) {
        return actions.keyed(requestKey);
      }
    };
  }

  /** The staff tab's port over the staff administration service. */
  public static StaffAdminViewModel.Port staffAccounts(StaffAdminService service) {
    return new StaffAdminViewModel.Port() {
      @Override
      public List<StaffAdminAccount> accounts() {
        return service.list();
      }

      @Override
      public void grant(String login, StaffRole role) {
        service.grant(login, role);
      }

      @Override
      public void revoke(String login, StaffRole role) {
        service.revoke(login, role);
      }

      @Override
      public void deactivate(String login) {
        service.deactivate(login);
      }

      @Override
      public void createLogin(String login, String displayName, String password, String email) {
        service.createLogin(login, displayName, password, email);
      }
    };
  }
}
