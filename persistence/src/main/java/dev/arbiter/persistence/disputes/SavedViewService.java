package dev.arbiter.persistence.disputes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.session.StaffDatabaseException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Saved queue views in {@code dispute_saved_views}. Row-level security decides what each member
 * sees (their own and shared views) and changes (their own), so this class never filters by owner
 * itself. The queue's last filter and sort are kept in one unnamed autosave row per member.
 */
public final class SavedViewService {

  /** What a view stores. */
  record Definition(QueueFilter filter, QueueSort sort) {}

  private static final ObjectMapper JSON =
      new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  private static final String LIST =
      "SELECT id, name, owner_login, shared, owner_login = session_user, definition::text"
          + " FROM dispute_saved_views WHERE NOT autosave"
          + " ORDER BY owner_login = session_user DESC, lower(name), id";
  private static final String SAVE =
      "INSERT INTO dispute_saved_views (name, shared, definition) VALUES (?, ?, ?::jsonb)"
          + " ON CONFLICT (owner_login, lower(name)) WHERE NOT autosave"
          + " DO UPDATE SET shared = EXCLUDED.shared, definition = EXCLUDED.definition"
          + " RETURNING id";
  private static final String SAVE_LAST =
      "INSERT INTO dispute_saved_views (name, autosave, definition) VALUES ('last used', true,"
          + " ?::jsonb) ON CONFLICT (owner_login) WHERE autosave"
          + " DO UPDATE SET definition = EXCLUDED.definition";
  private static final String LAST =
      "SELECT definition::text FROM dispute_saved_views WHERE autosave"
          + " AND owner_login = session_user";

  private final DataSource dataSource;

  public SavedViewService(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The member's own views first, then those colleagues shared, by name. */
  public List<SavedView> list() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LIST);
        ResultSet rs = ps.executeQuery()) {
      List<SavedView> views = new ArrayList<>();
      while (rs.next()) {
        Definition d = read(rs.getString(6)).orElse(defaults());
        views.add(
            new SavedView(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getBoolean(4),
                rs.getBoolean(5),
                d.filter(),
                d.sort()));
      }
      return views;
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not list the saved views", e);
    }
  }

  /**
   * Saves the filter and sort under {@code name}, replacing the member's own view of that name.
   *
   * @return the view's id
   */
  public long save(String name, boolean shared, QueueFilter filter, QueueSort sort) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A saved view needs a name.");
    }
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SAVE)) {
      ps.setString(1, name.strip());
      ps.setBoolean(2, shared);
      ps.setString(3, write(filter, sort));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not save the view", e);
    }
  }

  /** Deletes one of the member's own views; returns false if it was not theirs or is gone. */
  public boolean delete(long id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM dispute_saved_views WHERE id = ? AND NOT autosave")) {
      ps.setLong(1, id);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not delete the view", e);
    }
  }

  /** Remembers the queue's current filter and sort for the next start. */
  public void saveLast(QueueFilter filter, QueueSort sort) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(SAVE_LAST)) {
      ps.setString(1, write(filter, sort));
      ps.executeUpdate();
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not remember the queue's filter", e);
    }
  }

  /** The filter and sort the member last used, or the open-cases default. */
  public SavedView last() {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(LAST);
        ResultSet rs = ps.executeQuery()) {
      Definition d = rs.next() ? read(rs.getString(1)).orElse(defaults()) : defaults();
      return new SavedView(0, "last used", null, false, true, d.filter(), d.sort());
    } catch (SQLException e) {
      throw new StaffDatabaseException("Could not read the queue's last filter", e);
    }
  }

  private static Definition defaults() {
    return new Definition(QueueFilter.OPEN_CASES, QueueSort.DEFAULT);
  }

  static String write(QueueFilter filter, QueueSort sort) {
    try {
      return JSON.writeValueAsString(new Definition(filter, sort));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a queue filter always serialises", e);
    }
  }

  /** A definition written by an older or newer console may not read; the default replaces it. */
  static Optional<Definition> read(String json) {
    try {
      Definition d = JSON.readValue(json, Definition.class);
      return d.filter() == null || d.sort() == null ? Optional.empty() : Optional.of(d);
    } catch (JsonProcessingException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
