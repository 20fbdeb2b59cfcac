package dev.arbiter.persistence.search;

import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.staff.StaffRole;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.sql.DataSource;

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

  private static final String ROLES =
      Arrays.stream(StaffRole.values())
          .map(r -> "pg_has_role(session_user, ?, 'MEMBER')")
          .collect(Collectors.joining(", ", "SELECT ", ""));

  // Long enough for any indexed search on a busy server, short enough that a stuck one gives way.
  private static final String TIMEOUT = "SET LOCAL statement_timeout = '3s'";

  private final DataSource dataSource;
  private final List<KindQuery> queries = KindQueries.all();

  public GlobalSearchService(StaffDatabase database) {
    this(database.dataSource());
  }

  /** For tests and tools that already hold a data source logged in as a staff member. */
  public GlobalSearchService(DataSource dataSource) {
    this.dataSource = dataSource;
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
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        List<SearchHit> hits = new ArrayList<>();
        try (Statement s = c.createStatement()) {
          s.execute(TIMEOUT);
        }
        Set<StaffRole> roles = roles(c);
        for (KindQuery query : queries) {
          if (kinds.contains(query.kind()) && query.kind().allowedTo(roles)) {
            hits.addAll(query.run(c, term.get(), limit));
          }
        }
        c.commit();
        return hits;
      } catch (SQLException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StaffDatabaseException("Search failed", e);
    }
  }

  /** {@link #search(String, Set, int)} over every kind, {@value #DEFAULT_PER_KIND} of each. */
  public List<SearchHit> search(String text) {
    return search(text, EnumSet.allOf(SearchKind.class), DEFAULT_PER_KIND);
  }

  private static Set<StaffRole> roles(Connection c) throws SQLException {
    StaffRole[] all = StaffRole.values();
    try (PreparedStatement ps = c.prepareStatement(ROLES)) {
      for (int i = 0; i < all.length; i++) {
        ps.setString(i + 1, all[i].groupRole());
      }
      Set<StaffRole> held = EnumSet.noneOf(StaffRole.class);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        for (int i = 0; i < all.length; i++) {
          if (rs.getBoolean(i + 1)) {
            held.add(all[i]);
          }
        }
      }
      return held;
    }
  }
}
