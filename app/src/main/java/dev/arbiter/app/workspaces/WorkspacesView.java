package dev.arbiter.app.workspaces;

import dev.arbiter.app.common.AreaView;
import dev.arbiter.app.common.DetailSplit;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.RecordRef;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.LiveContext;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.PresenceViews;
import dev.arbiter.app.staffadmin.StaffAdminView;
import dev.arbiter.app.staffadmin.StaffAdminViewModel;
import dev.arbiter.persistence.presence.PresenceKey;
import dev.arbiter.persistence.presence.PresenceMode;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * The Workspaces area: the workspace list beside the selected workspace, and staff administration
 * as a second tab.
 */
public final class WorkspacesView implements AreaView {

  private final WorkspaceListViewModel list;
  private final WorkspaceDetailViewModel detail;
  private final StaffAdminView staff;
  private final StaffAdminViewModel staffModel;
  private final Tab staffTab;
  private final Tab workspacesTab;
  private final PresenceTracker.Scope presence;
  private final ObjectProperty<PresenceKey> presenceKey = new SimpleObjectProperty<>();
  private final TabPane root = new TabPane();
  private boolean editing;

  /**
   * @param live the window's change feed, presence and drafts: list and workspace follow the
   *     database, colleagues on a workspace show, and an unsent note survives an outage
   */
  WorkspacesView(
      WorkspaceListViewModel list,
      WorkspaceDetailViewModel detail,
      StaffAdminViewModel staff,
      Locale locale,
      LiveContext live) {
    this.list = list;
    this.detail = detail;
    this.staff = new StaffAdminView(staff);
    this.staffModel = staff;
    this.presence = live.presence();
    MoneyFormat money = new MoneyFormat(locale);
    WorkspaceListPane listPane =
        new WorkspaceListPane(list, money, presence, row -> detail.open(row.id()));
    detail
        .openIdProperty()
        .addListener(
            (obs, old, id) ->
                presenceKey.set(id.longValue() < 0 ? null : PresenceKey.workspace(id.longValue())));
    presenceKey.addListener(
        (obs, old, key) -> {
          if (old != null) {
            presence.leave(old);
          }
          if (key != null) {
            presence.enter(key, editing ? PresenceMode.EDITING : PresenceMode.VIEWING);
          }
        });
    NotesTab notes = new NotesTab(detail, live.drafts(), this::editing);
    WorkspaceDetailPane detailPane =
        new WorkspaceDetailPane(detail, money, PresenceViews.line(presence, presenceKey), notes);
    // List above details: both get the full width, so columns and action bars stay readable.
    SplitPane split = new SplitPane();
    split.setOrientation(Orientation.VERTICAL);
    DetailSplit.showWhileOpen(
        split, listPane, detailPane, detail.openIdProperty().greaterThanOrEqualTo(0), 0.38);
    split.setPadding(new Insets(12));
    workspacesTab = new Tab("Workspaces", split);
    workspacesTab.setId("tab-workspaces");
    staffTab = new Tab("Staff accounts", this.staff.node());
    staffTab.setId("tab-staff");
    // A hidden tab is not told of changes; it catches up when shown.
    staffTab.setOnSelectionChanged(
        e -> {
          if (staffTab.isSelected()) {
            this.staff.shown();
          }
        });
    root.getTabs().addAll(workspacesTab, staffTab);
    root.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    root.setId("workspaces");
  }

  // Colleagues see a pencil while the note form holds unsent text.
  private void editing(boolean now) {
    editing = now;
    PresenceKey key = presenceKey.get();
    if (key != null) {
      presence.enter(key, now ? PresenceMode.EDITING : PresenceMode.VIEWING);
    }
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    list.reload();
    detail.reload();
    staff.refresh();
  }

  @Override
  public void changed(ChangeSet changes) {
    list.changed(changes);
    detail.changed(changes);
    if (staffTab.isSelected()) {
      staffModel.changed(changes);
    }
  }

  /**
   * A workspace opens in the detail pane below the list; a staff account is selected in the staff
   * tab (read first if the tab has not been shown yet).
   */
  @Override
  public boolean open(RecordRef record) {
    switch (record.type()) {
      case WORKSPACE -> {
        root.getSelectionModel().select(workspacesTab);
        detail.open(record.id());
        return true;
      }
      case STAFF_ACCOUNT -> {
        staffModel.reveal(record.key());
        root.getSelectionModel().select(staffTab);
        return true;
      }
      default -> {
        return false;
      }
    }
  }

  @Override
  public void dispose() {
    presenceKey.set(null);
  }
}
