package dev.arbiter.persistence.disputes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.access.Sql;
import java.util.List;
import java.util.Optional;

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
      "SELECT id, name, owner_login, shared, owner_login = session_user AS mine,"
          + " definition::text AS definition FROM dispute_saved_views WHERE NOT autosave"
          + " ORDER BY owner_login = session_user DESC, lower(name), id";
  private static final String SAVE =
      "INSERT INTO dispute_saved_views (name, shared, definition) VALUES (?, ?, CAST(? AS jsonb))"
          + " ON CONFLICT (owner_login, lower(name)) WHERE NOT autosave"
          + " DO UPDATE SET shared = EXCLUDED.shared, definition = EXCLUDED.definition"
          + " RETURNING id";
  private static final String SAVE_LAST =
      "INSERT INTO dispute_saved_views (name, autosave, definition) VALUES ('last used', true,"
          + " CAST(? AS jsonb)) ON CONFLICT (owner_login) WHERE autosave"
          + " DO UPDATE SET definition = EXCLUDED.definition";
  private static final String LAST =
      "SELECT definition::text AS definition FROM dispute_saved_views WHERE autosave"
          + " AND owner_login = session_user";

  private final DisputeAccess access;

  public SavedViewService(DataAccess access) {
    this.access = new DisputeAccess(access);
  }

  /** The member's own views first, then those colleagues shared, by name. */
  public List<SavedView> list() {
    return access.read(
        "Could not list the saved views",
        session ->
            Sql.list(
                session,
                LIST,
                r -> {
                  Definition d = read(r.text("definition")).orElse(defaults());
                  return new SavedView(
                      r.getLong("id"),
                      r.text("name"),
                      r.text("owner_login"),
                      r.getBoolean("shared"),
                      r.getBoolean("mine"),
                      d.filter(),
                      d.sort());
                }));
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
    return access.write(
        Audited.as("dispute.save_view"),
        "Could not save the view",
        // Sql.one would add a LIMIT, which an INSERT does not take; RETURNING gives one row.
        session ->
            Sql.list(session, SAVE, r -> r.getLong("id"), name.strip(), shared, write(filter, sort))
                .get(0));
  }

  /** Deletes one of the member's own views; returns false if it was not theirs or is gone. */
  public boolean delete(long id) {
    return access.write(
        Audited.as("dispute.delete_view"),
        "Could not delete the view",
        session ->
            Sql.update(session, "DELETE FROM dispute_saved_views WHERE id = ? AND NOT autosave", id)
                == 1);
  }

  /** Remembers the queue's current filter and sort for the next start. */
  public void saveLast(QueueFilter filter, QueueSort sort) {
    access.write(
        Audited.as("dispute.remember_filter"),
        "Could not remember the queue's filter",
        session -> Sql.update(session, SAVE_LAST, write(filter, sort)));
  }

  /** The filter and sort the member last used, or the open-cases default. */
  public SavedView last() {
    Definition d =
        access.read(
            "Could not read the queue's last filter",
            session ->
                Sql.first(session, LAST, r -> read(r.text("definition")))
                    .flatMap(found -> found)
                    .orElse(defaults()));
    return new SavedView(0, "last used", null, false, true, d.filter(), d.sort());
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
