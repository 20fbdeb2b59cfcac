package dev.arbiter.persistence.search;

import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.access.Sql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The bounded query for one kind of record. Each first takes a few candidates from an index (an
 * exact match on a unique key, plus at most {@value #CANDIDATES} trigram matches), then ranks only
 * those, so a search costs the same on a thousand rows as on a million: no query sorts or counts
 * every match.
 */
abstract class KindQuery {

  /** How many trigram matches a kind ranks; enough for the few it shows. */
  static final int CANDIDATES = 50;

  private final SearchKind kind;
  private final String sql;
  private final String key;

  /**
   * @param kind what it finds
   * @param sql the statement, with {@code {match}} where the condition on the trigram-indexed key
   *     goes
   * @param key the trigram-indexed expression, written exactly as its index is
   */
  KindQuery(SearchKind kind, String sql, String key) {
    this.kind = kind;
    this.sql = sql;
    this.key = key;
  }

  final SearchKind kind() {
    return kind;
  }

  /** Adds the statement's parameters in order. */
  abstract void bind(Binder bind, SearchText text, int limit);

  abstract SearchHit hit(Row row);

  List<SearchHit> run(Session session, SearchText text, int limit) {
    Binder binder = new Binder();
    bind(binder, text, limit);
    return Sql.list(session, statement(text), this::hit, binder.params.toArray());
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

  /** Collects parameters in order, so each query lists its binds in the order its SQL uses them. */
  static final class Binder {
    private final List<Object> params = new ArrayList<>();

    Binder text(String value) {
      params.add(value);
      return this;
    }

    Binder candidates() {
      return number(CANDIDATES);
    }

    Binder number(int value) {
      params.add(value);
      return this;
    }

    /** The parameters so far, in order. */
    List<Object> params() {
      return List.copyOf(params);
    }

    Binder patterns(SearchText text) {
      for (String pattern : text.patterns()) {
        text(pattern);
      }
      return this;
    }
  }
}
