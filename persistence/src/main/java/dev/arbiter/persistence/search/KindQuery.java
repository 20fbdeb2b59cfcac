package dev.arbiter.persistence.search;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The bounded query for one kind of record. Each first takes a few candidates from an index (an
 * exact match on a unique key, plus at most {@value #CANDIDATES} trigram matches), then ranks only
 * those, so a search costs the same on a thousand rows as on a million: no query sorts or counts
 * every match.
 */
abstract class KindQuery {

  /** How many trigram matches a kind ranks; enough for the few it shows. */
  static final int CANDIDATES = 50;

  private final String sql;
  private final String key;

  /**
   * @param sql the statement, with {@code {match}} where the condition on the trigram-indexed key
   *     goes
   * @param key the trigram-indexed expression, written exactly as its index is
   */
  KindQuery(String sql, String key) {
    this.sql = sql;
    this.key = key;
  }

  abstract SearchKind kind();

  /** Binds the statement's parameters from index 1 on. */
  abstract void bind(Binder bind, SearchText text, int limit) throws SQLException;

  abstract SearchHit hit(ResultSet rs) throws SQLException;

  List<SearchHit> run(Connection c, SearchText text, int limit) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(statement(text))) {
      bind(new Binder(ps), text, limit);
      List<SearchHit> hits = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          hits.add(hit(rs));
        }
      }
      return hits;
    }
  }

  /** The SQL for {@code text}, whose parameters {@link #bind} sets. */
  String statement(SearchText text) {
    return sql.replace("{match}", match(text));
  }

  /** "key LIKE ?", or two of them OR-ed for a short term (see {@link SearchText#patterns()}). */
  private String match(SearchText text) {
    return text.patterns().stream()
        .map(p -> key + " LIKE ?")
        .collect(Collectors.joining(" OR ", "(", ")"));
  }

  /** A status as people read it: {@code under_review} is "under review". */
  static String readable(String status) {
    return status.replace('_', ' ').toLowerCase(Locale.ROOT);
  }

  /** Sets parameters in order, so each query lists its binds in the order its SQL uses them. */
  static final class Binder {
    private final PreparedStatement ps;
    private int next = 1;

    Binder(PreparedStatement ps) {
      this.ps = ps;
    }

    Binder text(String value) throws SQLException {
      ps.setString(next++, value);
      return this;
    }

    Binder candidates() throws SQLException {
      return number(CANDIDATES);
    }

    Binder number(int value) throws SQLException {
      ps.setInt(next++, value);
      return this;
    }

    Binder patterns(SearchText text) throws SQLException {
      for (String pattern : text.patterns()) {
        text(pattern);
      }
      return this;
    }
  }
}
