package dev.arbiter.persistence.workspaces;

import dev.arbiter.model.workspaces.ContactNote;
import dev.arbiter.model.workspaces.MemberStatus;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.model.workspaces.Workspace;
import dev.arbiter.model.workspaces.WorkspaceMember;
import dev.arbiter.persistence.access.Sql;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.hibernate.LockMode;
import org.hibernate.Session;

/**
 * The writes behind {@link WorkspaceAdminService}, inside its action's transaction. A direct edit
 * loads the entity and changes it, based on the version the staff member saw; a write that takes
 * the database's clock or runs a rule of its own is one statement.
 */
final class WorkspaceEdits {

  private WorkspaceEdits() {}

  /**
   * Edits member {@code id} as seen at {@code version}, when its status is {@code required} (any
   * when null).
   */
  static long member(
      Session session, long id, int version, MemberStatus required, Consumer<WorkspaceMember> edit)
      throws SQLException {
    WorkspaceMember member = session.find(WorkspaceMember.class, id);
    if (member == null || (required != null && member.getStatus() != required)) {
      throw nothingToChange();
    }
    return edited(
        session, member, WorkspaceMember::getVersion, "workspace_members", id, version, edit);
  }

  /** Edits workspace {@code id} as seen at {@code version}. */
  static long workspace(Session session, long id, int version, Consumer<Workspace> edit)
      throws SQLException {
    Workspace workspace = session.find(Workspace.class, id);
    if (workspace == null) {
      throw nothingToChange();
    }
    return edited(session, workspace, Workspace::getVersion, "workspaces", id, version, edit);
  }

  // Every edit moves the version on, as the console's writes always have, even when it sets what
  // the row already holds: a colleague's view of it is then refused as stale, not silently kept.
  private static <T> long edited(
      Session session,
      T entity,
      ToIntFunction<T> versionOf,
      String table,
      long id,
      int seen,
      Consumer<T> edit)
      throws SQLException {
    int current = versionOf.applyAsInt(entity);
    if (current != seen) {
      throw new SQLException(
          "stale version for "
              + table
              + "."
              + id
              + " (row has "
              + current
              + ", write based on "
              + seen
              + ")",
          "40001");
    }
    edit.accept(entity);
    ActionTransaction.flush(session);
    if (versionOf.applyAsInt(entity) == current) {
      session.lock(entity, LockMode.PESSIMISTIC_FORCE_INCREMENT);
    }
    return 1;
  }

  /** Adds a contact note; the database stamps its author. */
  static long note(
      Session session,
      long workspaceId,
      Long subjectUserId,
      String body,
      NoteVisibility visibility,
      Long supersedesId)
      throws SQLException {
    ContactNote note = new ContactNote(workspaceId, subjectUserId, body, visibility, supersedesId);
    session.persist(note);
    ActionTransaction.flush(session);
    return note.getId();
  }

  /** Runs an UPDATE that must change exactly one row. */
  static long update(Session session, String sql, Object... args) throws SQLException {
    int changed = Sql.update(session, sql, args);
    if (changed != 1) {
      throw nothingToChange();
    }
    return changed;
  }

  /** Runs a query whose one row has a number named {@code value}. */
  static long number(Session session, String sql, Object... args) {
    return Sql.one(session, sql, row -> row.getLong("value"), args);
  }

  private static SQLException nothingToChange() {
    return new SQLException(
        "nothing to change: the record is gone or already in that state", "P0002");
  }
}
