package dev.arbiter.persistence.search;

import dev.arbiter.persistence.access.Row;
import java.util.List;

/**
 * The four kinds' queries. Each takes its candidates from an index: an exact match on a unique key,
 * plus at most {@link KindQuery#CANDIDATES} rows from a trigram index whose expression the query
 * repeats word for word (PostgreSQL uses an expression index only for that exact expression).
 */
final class KindQueries {

  private KindQueries() {}

  static List<KindQuery> all() {
    return List.of(new Disputes(), new Checkpoints(), new Workspaces(), new StaffAccounts());
  }

  /**
   * A kind found by its exact reference or its trigram key and ranked by the reference, whose hit
   * is titled by that reference: the disputes and the checkpoints (by their contract's reference).
   */
  private abstract static class ByReference extends KindQuery {

    ByReference(SearchKind kind, String sql, String key) {
      super(kind, sql, key);
    }

    @Override
    final void bind(Binder bind, SearchText text, int limit) {
      bind.text(text.reference()).patterns(text).candidates().text(text.reference()).number(limit);
    }

    @Override
    final SearchHit hit(Row row) {
      String reference = row.text("reference");
      return new SearchHit(
          kind(), row.getLong("id"), reference, title(reference, row), detail(row));
    }

    abstract String title(String reference, Row row);

    abstract String detail(Row row);
  }

  /**
   * By reference (disputes' unique reference index), or by part of the reference, the contract
   * reference or a party's name (dispute_queue_keys.search_key, trigram-indexed in V30, the key the
   * queue's search uses). Open cases before settled ones, newest first.
   */
  static final class Disputes extends ByReference {
    Disputes() {
      super(
          SearchKind.DISPUTE,
          """
          SELECT d.id, d.reference, d.status, k.client_name, k.freelancer_name, k.contract_reference
            FROM disputes d
            JOIN dispute_queue_keys k ON k.dispute_id = d.id
           WHERE d.id IN (SELECT id FROM disputes WHERE reference = ?
                          UNION ALL
                          (SELECT dispute_id FROM dispute_queue_keys WHERE {match} LIMIT ?))
           ORDER BY d.reference = ? DESC, d.status IN ('resolved', 'closed'), d.opened_at DESC,
                    d.id DESC
           LIMIT ?
          """,
          "search_key");
    }

    @Override
    String title(String reference, Row row) {
      return reference;
    }

    @Override
    String detail(Row row) {
      return row.text("client_name")
          + " ↔ "
          + row.text("freelancer_name")
          + " · "
          + readable(row.text("status"))
          + " · "
          + row.text("contract_reference");
    }
  }

  /**
   * The escrow checkpoints of contracts found by reference (the unique index) or by part of the
   * reference or title (contracts_search_trgm, V84). A checkpoint awaiting review comes first, as
   * that is what finance opens one for; then by contract and sequence.
   */
  static final class Checkpoints extends ByReference {
    Checkpoints() {
      super(
          SearchKind.CHECKPOINT,
          """
          SELECT cp.id, cp.seq, cp.label, cp.status, c.reference, c.title, payee.display_name AS payee
            FROM (SELECT id FROM contracts WHERE reference = ?
                  UNION
                  (SELECT id FROM contracts WHERE {match} LIMIT ?)) found
            JOIN contracts c ON c.id = found.id
            JOIN escrows e ON e.contract_id = c.id
            JOIN escrow_checkpoints cp ON cp.escrow_id = e.id
            JOIN users payee ON payee.id = c.freelancer_id
           ORDER BY c.reference = ? DESC, cp.status IN ('submitted', 'approved', 'on_hold') DESC,
                    c.reference, cp.seq, cp.id
           LIMIT ?
          """,
          "lower(reference || ' ' || title)");
    }

    @Override
    String title(String reference, Row row) {
      return reference + " · " + row.text("label");
    }

    @Override
    String detail(Row row) {
      return "#"
          + row.getInt("seq")
          + " "
          + readable(row.text("status"))
          + " · "
          + row.text("title")
          + " · payee "
          + row.text("payee");
    }
  }

  /**
   * By slug (its unique index) or by part of the name or slug (workspaces_search_trgm, V84). Names
   * starting with the text first, active workspaces before others, then by name.
   */
  static final class Workspaces extends KindQuery {
    Workspaces() {
      super(
          SearchKind.WORKSPACE,
          """
          SELECT w.id, w.name, w.slug, w.type, w.status, u.display_name AS owner
            FROM workspaces w
            JOIN users u ON u.id = w.owner_id
           WHERE w.id IN (SELECT id FROM workspaces WHERE slug = ?
                          UNION ALL
                          (SELECT id FROM workspaces WHERE {match} LIMIT ?))
           ORDER BY w.slug = ? DESC, lower(w.name) LIKE ? DESC, w.status = 'active' DESC,
                    lower(w.name), w.id
           LIMIT ?
          """,
          "lower(name || ' ' || slug)");
    }

    @Override
    void bind(Binder bind, SearchText text, int limit) {
      bind.text(text.term())
          .patterns(text)
          .candidates()
          .text(text.term())
          .text(text.prefix())
          .number(limit);
    }

    @Override
    SearchHit hit(Row row) {
      String slug = row.text("slug");
      return new SearchHit(
          kind(),
          row.getLong("id"),
          slug,
          row.text("name"),
          slug
              + " · "
              + row.text("type")
              + " · "
              + readable(row.text("status"))
              + " · owner "
              + row.text("owner"));
    }
  }

  /**
   * By part of the login or display name. No index: the table holds one row per member of staff,
   * which a sequential scan reads faster than an index would (see V84).
   */
  static final class StaffAccounts extends KindQuery {
    StaffAccounts() {
      super(
          SearchKind.STAFF_ACCOUNT,
          """
          SELECT s.id, s.login_role, s.display_name, s.active
            FROM staff_accounts s
           WHERE {match}
           ORDER BY s.login_role = ? DESC, s.active DESC, s.login_role
           LIMIT ?
          """,
          "lower(s.login_role || ' ' || s.display_name)");
    }

    @Override
    void bind(Binder bind, SearchText text, int limit) {
      bind.patterns(text).text(text.term()).number(limit);
    }

    @Override
    SearchHit hit(Row row) {
      String login = row.text("login_role");
      return new SearchHit(
          kind(),
          row.getLong("id"),
          login,
          row.text("display_name"),
          login + (row.getBoolean("active") ? "" : " · deactivated"));
    }
  }
}
