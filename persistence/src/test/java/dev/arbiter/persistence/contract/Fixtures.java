package dev.arbiter.persistence.contract;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Rows for contract tests, written with the owner's rights (a {@code db.migrator()} connection) so
 * that they may start in any state. Every reference and e-mail is unique within the JVM.
 */
public final class Fixtures {

  private static final AtomicInteger SEQ = new AtomicInteger(1000);

  /** The ids of one connected set of rows: a contract with escrow, checkpoints, a dispute... */
  public record Seed(
      long client,
      long freelancer,
      long workspace,
      long membership,
      long contract,
      long escrow,
      long pendingCheckpoint,
      long approvedCheckpoint,
      long dispute,
      long flag,
      long holdingWallet,
      long freelancerWallet,
      long journal,
      long ledgerEntry) {}

  private Fixtures() {}

  public static Seed seed(Connection owner) throws SQLException {
    long client = user(owner, "client");
    long freelancer = user(owner, "freelancer");
    long workspace = workspace(owner, client);
    long membership =
        id(
            owner,
            "INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (?, ?, 'owner')",
            workspace,
            client);
    long contract = contract(owner, client, freelancer);
    long escrow =
        id(
            owner,
            "INSERT INTO escrows (contract_id, currency, funded_minor, status)"
                + " VALUES (?, 'USD', 100000, 'held')",
            contract);
    long pending = checkpoint(owner, escrow, "pending");
    long approved = checkpoint(owner, escrow, "approved");
    long dispute = dispute(owner, contract, client);
    long flag = flag(owner, client);
    long holding =
        id(
            owner,
            "INSERT INTO wallets (kind, currency, balance_minor) VALUES ('escrow_holding', 'USD', 100000)");
    long freelancerWallet =
        id(
            owner,
            "INSERT INTO wallets (owner_user_id, kind, currency) VALUES (?, 'user', 'USD')",
            freelancer);
    long[] journal = journal(owner, "seed-" + next(), holding, freelancerWallet, 500);
    return new Seed(
        client,
        freelancer,
        workspace,
        membership,
        contract,
        escrow,
        pending,
        approved,
        dispute,
        flag,
        holding,
        freelancerWallet,
        journal[0],
        journal[1]);
  }

  public static long user(Connection c, String kindHint) throws SQLException {
    String kind = kindHint.equals("freelancer") ? "freelancer" : "client";
    int n = next();
    return id(
        c,
        "INSERT INTO users (email, display_name, kind) VALUES (?, ?, ?)",
        kindHint + n + "@example.test",
        kindHint + " " + n,
        kind);
  }

  public static long workspace(Connection c, long owner) throws SQLException {
    int n = next();
    return id(
        c,
        "INSERT INTO workspaces (owner_id, name, slug, type) VALUES (?, ?, ?, 'agency')",
        owner,
        "Studio " + n,
        "studio-" + n);
  }

  public static long contract(Connection c, long client, long freelancer) throws SQLException {
    return id(
        c,
        "INSERT INTO contracts (reference, kind, title, client_id, freelancer_id, currency, value_minor)"
            + " VALUES (?, 'gig_order', 'Logo design', ?, ?, 'USD', 100000)",
        "GO-" + next(),
        client,
        freelancer);
  }

  /** A 10,000-minor checkpoint in {@code status} (pending, submitted or approved). */
  public static long checkpoint(Connection c, long escrow, String status) throws SQLException {
    return id(
        c,
        "INSERT INTO escrow_checkpoints (escrow_id, seq, label, amount_minor, currency, status,"
            + " submitted_at) VALUES (?, ?, 'Milestone', 10000, 'USD', ?,"
            + " CASE WHEN ? = 'pending' THEN NULL ELSE now() END)",
        escrow,
        next(),
        status,
        status);
  }

  public static long dispute(Connection c, long contract, long openedBy) throws SQLException {
    return id(
        c,
        "INSERT INTO disputes (reference, contract_id, opened_by, reason_code, amount_disputed_minor,"
            + " currency) VALUES (?, ?, ?, 'quality', 5000, 'USD')",
        disputeReference(),
        contract,
        openedBy);
  }

  public static long flag(Connection c, long reporter) throws SQLException {
    return id(
        c,
        "INSERT INTO moderation_flags (entity_type, entity_id, reporter_id, reason, severity)"
            + " VALUES ('user', ?, ?, 'spam', 'high')",
        reporter,
        reporter);
  }

  /**
   * A balanced journal moving {@code amount} from one wallet to another, in its own transaction
   * because the balance is checked at commit. Returns the journal id and its first entry id.
   */
  public static long[] journal(Connection c, String key, long from, long to, long amount)
      throws SQLException {
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try {
      long journal =
          id(
              c,
              "INSERT INTO journals (idempotency_key, request_fingerprint, kind, description)"
                  + " VALUES (?, 'fp', 'correction', 'fixture')",
              key);
      long entry = entry(c, journal, from, "debit", amount);
      entry(c, journal, to, "credit", amount);
      c.commit();
      return new long[] {journal, entry};
    } catch (SQLException e) {
      c.rollback();
      throw e;
    } finally {
      c.setAutoCommit(autoCommit);
    }
  }

  public static long entry(Connection c, long journal, long wallet, String direction, long amount)
      throws SQLException {
    return id(
        c,
        "INSERT INTO ledger_entries (journal_id, wallet_id, direction, amount_minor, currency,"
            + " balance_after) VALUES (?, ?, ?, ?, 'USD', 0)",
        journal,
        wallet,
        direction,
        amount);
  }

  public static String disputeReference() {
    return String.format("DSP-%06d", next());
  }

  public static int next() {
    return SEQ.incrementAndGet();
  }

  /** Runs an INSERT and returns the generated id. */
  public static long id(Connection c, String insert, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(insert + " RETURNING id")) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Runs one statement and returns the number of rows it changed. */
  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /** The single value a query returns, or null when it returns no row. */
  public static Object value(Connection c, String query, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(query)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getObject(1) : null;
      }
    }
  }

  /** The first column of every row a query returns, as text. */
  public static List<String> strings(Connection c, String query, Object... params)
      throws SQLException {
    List<String> values = new ArrayList<>();
    try (PreparedStatement ps = c.prepareStatement(query)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          values.add(rs.getString(1));
        }
      }
    }
    return values;
  }

  private static void bind(PreparedStatement ps, Object... params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }
}
