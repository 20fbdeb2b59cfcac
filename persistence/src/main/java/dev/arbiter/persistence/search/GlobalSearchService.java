package dev.arbiter.persistence.search;

import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.staff.HeldRoles;
import dev.arbiter.persistence.staff.StaffRole;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * Quick open: finds disputes, checkpoints, workspaces and staff accounts by a fragment of their
 * reference or name, a few of each kind.
 *
 * <p>It runs on the signed-in staff member's own connection, so their grants and row policies
 * apply, and it asks the database which roles the login holds at the time of each search: a kind is
 * searched only for holders of its roles ({@link SearchKind#roles()}), and a role revoked
 * mid-session stops its kind at once. Every kind's query is bounded and indexed (see {@link
 * KindQueries}); a statement timeout guards against anything that still goes wrong.
 */
public final class GlobalSearchService {

  /** How many of each kind a search returns unless asked for fewer. */
  public static final int DEFAULT_PER_KIND = 5;

  /** The most of one kind anyone may ask for. */
  public static final int MAX_PER_KIND = 20;

  // Long enough for any indexed search on a busy server, short enough that a stuck one gives way.
  private static final String TIMEOUT =
      "SELECT set_config('statement_timeout', '3s', true) AS timeout";

  private final DataAccess access;
  private final List<KindQuery> queries = KindQueries.all();

  public GlobalSearchService(DataAccess access) {
    this.access = access;
  }

  /** The shortest text worth searching; shorter text returns nothing without a query. */
  public static int minimumLength() {
    return SearchText.MIN_LENGTH;
  }

  /**
   * Searches {@code kinds} for {@code text}, at most {@code perKind} of each, grouped in {@link
   * SearchKind} order. Kinds the login's roles do not cover are skipped. Text shorter than {@link
   * #minimumLength()} after trimming finds nothing.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public List<SearchHit> search(String text, Set<SearchKind> kinds, int perKind) {
    var term = SearchText.of(text);
    if (term.isEmpty() || kinds.isEmpty()) {
      return List.of();
    }
    int limit = Math.max(1, Math.min(perKind, MAX_PER_KIND));
    return StaffDatabaseException.wrap(
        "Search failed", () -> access.read(session -> search(session, term.get(), kinds, limit)));
  }

  private List<SearchHit> search(
      Session session, SearchText term, Set<SearchKind> kinds, int limit) {
    Sql.one(session, TIMEOUT, row -> row.text("timeout"));
    Set<StaffRole> roles = roles(session);
    List<SearchHit> hits = new ArrayList<>();
    for (KindQuery query : queries) {
      if (kinds.contains(query.kind()) && query.kind().allowedTo(roles)) {
        hits.addAll(query.run(session, term, limit));
      }
    }
    return hits;
  }

  /** {@link #search(String, Set, int)} over every kind, {@value #DEFAULT_PER_KIND} of each. */
  public List<SearchHit> search(String text) {
    return search(text, EnumSet.allOf(SearchKind.class), DEFAULT_PER_KIND);
  }

  private static Set<StaffRole> roles(Session session) {
    return Sql.one(session, HeldRoles.QUERY, HeldRoles::of, HeldRoles.params());
  }
}
