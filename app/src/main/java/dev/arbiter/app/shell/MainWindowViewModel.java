package dev.arbiter.app.shell;

import dev.arbiter.app.common.RecordRef;
import dev.arbiter.persistence.search.SearchHit;
import dev.arbiter.persistence.search.SearchKind;
import dev.arbiter.persistence.staff.SignedInStaff;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Which areas the signed-in staff member may open, and which one is open. */
public final class MainWindowViewModel {

  private final SignedInStaff staff;
  private final ObservableList<Area> areas;
  private final ReadOnlyObjectWrapper<Area> selected =
      new ReadOnlyObjectWrapper<>(this, "selected", Area.DASHBOARD);
  private final Runnable onSignOut;

  public MainWindowViewModel(SignedInStaff staff, Runnable onSignOut) {
    this.staff = staff;
    this.onSignOut = onSignOut;
    this.areas =
        FXCollections.unmodifiableObservableList(
            FXCollections.observableList(
                Area.availableTo(staff.roles(), Arrays.asList(Area.values()))));
  }

  /** Opens {@code area} if the staff member may use it; returns whether it is now open. */
  public boolean select(Area area) {
    if (!areas.contains(area)) {
      return false;
    }
    selected.set(area);
    return true;
  }

  /** Ctrl+digit: opens the area with that shortcut, if it is available. */
  public boolean selectShortcut(int digit) {
    return Area.forShortcut(digit).map(this::select).orElse(false);
  }

  public void signOut() {
    onSignOut.run();
  }

  public ObservableList<Area> areas() {
    return areas;
  }

  public List<String> areaTitles() {
    return areas.stream().map(Area::title).toList();
  }

  public ReadOnlyObjectProperty<Area> selectedProperty() {
    return selected.getReadOnlyProperty();
  }

  /**
   * The kinds of record global search finds for this staff member: each kind whose roles they hold
   * and whose area they may open.
   */
  public Set<SearchKind> searchKinds() {
    Set<SearchKind> kinds = EnumSet.noneOf(SearchKind.class);
    for (SearchKind kind : SearchKind.values()) {
      if (kind.allowedTo(staff.roles()) && areas.contains(areaOf(kind))) {
        kinds.add(kind);
      }
    }
    return kinds;
  }

  /** The area a search hit of {@code kind} opens in. */
  public static Area areaOf(SearchKind kind) {
    return switch (kind) {
      case DISPUTE -> Area.DISPUTES;
      case CHECKPOINT -> Area.RELEASES;
      case WORKSPACE, STAFF_ACCOUNT -> Area.WORKSPACES;
    };
  }

  /** What the area is asked to open for a search hit. */
  public static RecordRef recordOf(SearchHit hit) {
    RecordRef.Type type =
        switch (hit.kind()) {
          case DISPUTE -> RecordRef.Type.DISPUTE;
          case CHECKPOINT -> RecordRef.Type.CHECKPOINT;
          case WORKSPACE -> RecordRef.Type.WORKSPACE;
          case STAFF_ACCOUNT -> RecordRef.Type.STAFF_ACCOUNT;
        };
    return new RecordRef(type, hit.id(), hit.key());
  }

  public SignedInStaff staff() {
    return staff;
  }

  public String windowTitle() {
    return "Arbiter — " + staff.displayName() + " (" + staff.login() + ")";
  }
}
