package dev.arbiter.tools.simulate;

import dev.arbiter.tools.simulate.Candidates.Invite;
import dev.arbiter.tools.simulate.Candidates.Workspace;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Provider workspaces changing under the console: renames, settings, invites sent and accepted,
 * members added. Everything here is what V6 grants marketplace_backend and V60 lets through.
 */
final class WorkspaceTraffic {

  private static final String[] INVITE_ROLES = {"member", "member", "member", "viewer", "manager"};
  private static final String[] MEMBER_ROLES = {"member", "member", "viewer", "manager"};
  private static final String[] SCHEDULES = {"weekly", "monthly"};

  private static final SecureRandom TOKENS = new SecureRandom();

  private final Candidates candidates;

  WorkspaceTraffic(Candidates candidates) {
    this.candidates = candidates;
  }

  Outcome change(Tx tx) throws SQLException {
    int roll = tx.r.nextInt(100);
    if (roll < 20) {
      Optional<Invite> invite = candidates.invites.take(tx.c, tx.r);
      if (invite.isPresent()) {
        return accept(tx, invite.get());
      }
    }
    Optional<Workspace> target = candidates.workspaces.pick(tx.c, tx.r);
    if (target.isEmpty()) {
      return Outcome.refused("workspace changed", Refusals.NO_CANDIDATE);
    }
    Workspace w = target.get();
    if (roll < 45) {
      return invite(tx, w);
    }
    if (roll < 60) {
      return addMember(tx, w);
    }
    if (roll < 75) {
      return rename(tx, w);
    }
    return configure(tx, w);
  }

  private Outcome rename(Tx tx, Workspace w) throws SQLException {
    tx.actAs(MarketplaceText.user(w.ownerId(), "web"));
    int changed =
        tx.update(
            "UPDATE workspaces SET name = ? WHERE id = ? AND status = 'active'",
            MarketplaceText.workspaceName(tx.r),
            w.id());
    return active(w, changed, "workspace renamed");
  }

  /** Billing moves the payout schedule, or the owner changes the seat limit. */
  private Outcome configure(Tx tx, Workspace w) throws SQLException {
    boolean billing = tx.r.nextBoolean();
    tx.actAs(
        billing ? MarketplaceText.service("billing") : MarketplaceText.user(w.ownerId(), "web"));
    int changed =
        billing
            ? tx.update(
                "UPDATE workspaces SET settings = settings || jsonb_build_object('payout_schedule',"
                    + " ?::text) WHERE id = ? AND status = 'active'",
                MarketplaceText.pick(tx.r, SCHEDULES),
                w.id())
            : tx.update(
                "UPDATE workspaces SET settings = settings || jsonb_build_object('member_limit',"
                    + " ?::int) WHERE id = ? AND status = 'active'",
                5 + tx.r.nextInt(40),
                w.id());
    return active(w, changed, "workspace settings changed");
  }

  /** The owner invites someone new; only the token's SHA-256 is stored, as the backend does. */
  private Outcome invite(Tx tx, Workspace w) throws SQLException {
    String email = MarketplaceText.email(tx.r);
    String role = MarketplaceText.pick(tx.r, INVITE_ROLES);
    // A real secret, not from the seeded stream: a rerun with the same seed must not repeat it.
    byte[] token = new byte[32];
    TOKENS.nextBytes(token);
    tx.actAs(MarketplaceText.user(w.ownerId(), "web"));
    Long id =
        tx.firstId(
            "INSERT INTO workspace_invites (workspace_id, email, role, token_hash, expires_at,"
                + " invited_by) VALUES (?, ?, ?, ?, now() + interval '7 days', ?) RETURNING id",
            w.id(),
            email,
            role,
            sha256(token),
            w.ownerId());
    candidates.invites.offer(new Invite(id, w.id(), email, role, w.ownerId()));
    return Outcome.done("invite sent");
  }

  /**
   * The invitee accepts: signing up first if the address is new to the marketplace, then joining
   * the workspace in the invited role.
   */
  private Outcome accept(Tx tx, Invite invite) throws SQLException {
    Long user = tx.firstId("SELECT id FROM users WHERE lower(email) = lower(?)", invite.email());
    if (user == null) {
      tx.actAs(MarketplaceText.service("signup"));
      user =
          tx.firstId(
              "INSERT INTO users (email, display_name, kind) VALUES (?, ?, 'freelancer')"
                  + " RETURNING id",
              invite.email(),
              MarketplaceText.displayNameOf(invite.email()));
    }
    tx.actAs(MarketplaceText.user(user, MarketplaceText.channel(tx.r)));
    int accepted =
        tx.update(
            "UPDATE workspace_invites SET status = 'accepted', accepted_at = now()"
                + " WHERE id = ? AND status = 'pending' AND expires_at > now()",
            invite.id());
    if (accepted == 0) {
      return Outcome.refused("invite accepted", "invite no longer pending");
    }
    tx.update(
        "INSERT INTO workspace_members (workspace_id, user_id, role, invited_by)"
            + " VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, user_id) DO NOTHING",
        invite.workspaceId(),
        user,
        invite.role(),
        invite.invitedBy());
    return Outcome.done("invite accepted");
  }

  private Outcome addMember(Tx tx, Workspace w) throws SQLException {
    Optional<Long> user = candidates.users.pick(tx.c, tx.r);
    if (user.isEmpty() || user.get() == w.ownerId()) {
      return Outcome.refused("member added", Refusals.NO_CANDIDATE);
    }
    tx.actAs(MarketplaceText.user(w.ownerId(), "web"));
    int added =
        tx.update(
            "INSERT INTO workspace_members (workspace_id, user_id, role, invited_by)"
                + " VALUES (?, ?, ?, ?) ON CONFLICT (workspace_id, user_id) DO NOTHING",
            w.id(),
            user.get(),
            MarketplaceText.pick(tx.r, MEMBER_ROLES),
            w.ownerId());
    return added == 1
        ? Outcome.done("member added")
        : Outcome.refused("member added", "already a member");
  }

  private Outcome active(Workspace w, int changed, String action) {
    if (changed == 1) {
      return Outcome.done(action);
    }
    candidates.workspaces.forget(w);
    return Outcome.refused(action, "workspace no longer active");
  }

  private static byte[] sha256(byte[] token) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(token);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
