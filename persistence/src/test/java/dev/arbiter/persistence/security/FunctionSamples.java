package dev.arbiter.persistence.security;

import static dev.arbiter.persistence.escrow.RawMoney.call;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.escrow.MoneyFixture;
import dev.arbiter.persistence.escrow.MoneyFixture.Deal;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A good call of every function a runtime login may execute: who calls it and with which arguments,
 * so that each argument can be swapped for NULL while the others stay valid. The rows the calls
 * name are made here, in states where the good call succeeds.
 */
final class FunctionSamples {

  /** What a function does when it succeeds. */
  enum Effect {
    READS,
    WRITES,
    MOVES_MONEY
  }

  /**
   * One function's good call.
   *
   * @param login who calls it (a login the catalog lets execute it)
   * @param args SQL expressions of valid arguments, in order
   * @param nullMeans 1-based positions where NULL is a documented value, not an error
   * @param effect what a successful call does
   * @param why what those NULLs mean
   */
  record Spec(String login, List<String> args, Set<Integer> nullMeans, Effect effect, String why) {}

  private static final String MOD = "demo_moderator";
  private static final String ADM = "demo_admin";
  private static final String KEY = "'null-probe-key-1'";

  /**
   * signature | login | effect | positions where NULL means something | arguments, " ; " apart |
   * what those NULLs mean. {name} is a row made by {@link #create}, {key} an idempotency key.
   */
  private static final String CALLS =
      """
      approve_checkpoint(bigint,text,text,text) | demo_finance | WRITES | 2,3 | {submitted} ; 'Looks right' ; 'CSAT waived' ; {key} | a note and a CSAT override reason are optional
      arbiter_actor() | demo_support | READS | | | -
      arbiter_announce_changes(integer) | demo_support | WRITES | 1 | 100 | no limit sends up to the default batch
      arbiter_clean_text(text) | demo_support | READS | 1 | 'reason' | nothing to clean is NULL
      automation_auto_release(integer) | demo_worker | MOVES_MONEY | 1 | 100 | no limit means the default batch
      automation_dispute_deadlines(integer) | demo_worker | WRITES | 1 | 100 | no limit means the default batch
      automation_end_stalled_sessions(interval,interval) | demo_worker | WRITES | 1,2 | interval '2 minutes' ; interval '2 minutes' | no limit matches no session
      automation_expire_invites(integer) | demo_worker | WRITES | 1 | 100 | no limit means the default batch
      automation_housekeeping() | demo_worker | WRITES | | | -
      automation_lift_suspensions(integer) | demo_worker | WRITES | 1 | 100 | no limit means the default batch
      automation_record_run(text,text,integer,timestamp with time zone,integer,integer,integer,text) | demo_worker | WRITES | 8 | 'null-probe' ; 'probe-worker' ; 30 ; now() ; 0 ; 0 ; 0 ; 'none' | a run without an error
      automation_release_stale_claims(integer) | demo_worker | WRITES | 1 | 100 | no limit means the default batch
      arbiter_is_owner() | demo_support | READS | | | -
      arbiter_is_owner_session() | demo_support | READS | | | -
      arbiter_person(text) | demo_support | READS | 1 | 'demo_finance' | nobody is no person
      arbiter_require_active_staff() | demo_support | READS | | | -
      arbiter_require_admin() | demo_admin | READS | | | -
      audit_canonical(bigint,timestamp with time zone,text,text,text,text,text,text,jsonb,jsonb,text,text,bytea) | demo_support | READS | 1,2,3,4,5,6,7,8,9,10,11,12,13 | 1 ; now() ; 'user:1' ; 'demo_backend' ; 'update' ; 'cmd' ; 'disputes' ; '1' ; jsonb_build_object() ; jsonb_build_object() ; 'req-12345' ; 'app' ; decode(repeat('5a', 16), 'hex') | a pure function: NULL is written as \\N, and no salt is no salt field (entries from before V88)
      audit_canonical_field(text) | demo_support | READS | 1 | 'x' | NULL is written as \\N
      audit_chain_last_id() | demo_support | READS | | | -
      audit_chain_links(bigint,bigint) | demo_support | READS | 1,2 | 0 ; 10 | an open end of the range holds no entry, so no links
      audit_seal(integer) | demo_worker | WRITES | 1 | 100 | no limit seals every committed entry
      audit_unsealed() | demo_support | READS | | | -
      checkpoint_action_at(text,bigint,integer,integer,text,text,bigint,text) | demo_finance | WRITES | 5,6,7 | 'approve' ; {submitted} ; {version} ; {decisions} ; 'Looks right' ; 'CSAT waived' ; 1000 ; {key} | an approval's note and override are optional, and it takes no amount
      checkpoint_gates(bigint) | demo_finance | READS | 1 | {submitted} | no checkpoint, no row
      checkpoint_gates_of(bigint[]) | demo_finance | READS | 1 | ARRAY[{submitted}] | no checkpoints, no rows
      create_staff_login(text,text,text,text) | demo_admin | WRITES | 4 | '{newLogin}' ; 'New Hire' ; 'new-hire-password' ; 'hire@example.test' | an e-mail is optional
      deactivate_staff(text) | demo_admin | WRITES | | '{leaver}' | -
      execute_settlement(bigint,text,text) | demo_finance | MOVES_MONEY | 2 | {settlement} ; 'Agreed on the call' ; {key} | a note is optional
      expire_invites() | demo_admin | WRITES | | | -
      fund_escrow(bigint,bigint,text) | demo_backend | MOVES_MONEY | | {escrow} ; 1000 ; {key} | -
      grant_staff_role(text,text) | demo_admin | WRITES | | '{grantee}' ; 'arbiter_support' | -
      hold_checkpoint(bigint,text,text) | demo_finance | WRITES | | {submitted} ; 'Checking' ; {key} | -
      moderation_bulk_decide_keyed(text,text,bigint,text,text,text,interval) | demo_moderator | WRITES | 6,7 | 'bulk-probe-key-1' ; 'user' ; {unclaimed} ; 'dismiss' ; 'spam' ; 'Bulk' ; NULL::interval | a note is optional; only a suspension takes a duration
      moderation_claim(text,bigint) | demo_moderator | WRITES | | 'user' ; {unclaimed} | -
      moderation_claim_ttl() | demo_support | READS | | | -
      moderation_decide(text,bigint,text,text,text,interval) | demo_moderator | WRITES | 5,6 | 'user' ; {claimed} ; 'dismiss' ; 'spam' ; 'Not spam' ; NULL::interval | a note is optional; only a suspension takes a duration
      moderation_decide_keyed(text,text,bigint,bigint[],text,text,text,interval) | demo_moderator | WRITES | 7,8 | 'keyed-probe-key-1' ; 'user' ; {claimed} ; ARRAY[{claimedFlag}]::bigint[] ; 'dismiss' ; 'spam' ; 'Fine' ; NULL::interval | a note is optional; only a suspension takes a duration
      moderation_decide_seen(text,bigint,bigint[],text,text,text,interval) | demo_moderator | WRITES | 6,7 | 'user' ; {claimed} ; ARRAY[{claimedFlag}]::bigint[] ; 'dismiss' ; 'spam' ; 'Fine' ; NULL::interval | a note is optional; only a suspension takes a duration
      moderation_item_author(text,bigint) | demo_support | READS | 1,2 | 'user' ; {claimed} | no item, no author
      moderation_item_preview(text,bigint) | demo_support | READS | 1,2 | 'user' ; {claimed} | no item, no preview
      moderation_loader_session() | demo_support | READS | | | -
      moderation_release(text,bigint) | demo_moderator | WRITES | 1,2 | 'user' ; {claimed} | names no claim of the caller's, so it releases nothing
      moderation_rescore_pending() | demo_moderator | WRITES | | | -
      moderation_undo(bigint) | demo_moderator | WRITES | | {decision} | -
      presence_sweep(interval) | demo_support | WRITES | 1 | interval '5 minutes' | the 30-second floor still applies, so only stale rows go
      refund_checkpoint(bigint,text,text) | demo_finance | MOVES_MONEY | | {submitted} ; 'Cancelled' ; {key} | -
      reissue_workspace_invite(bigint,bytea,timestamp with time zone) | demo_admin | WRITES | | {invite} ; decode(repeat('cd', 32), 'hex') ; now() + interval '3 days' | -
      reject_checkpoint(bigint,text,text) | demo_finance | WRITES | | {submitted} ; 'Wrong files' ; {key} | -
      release_checkpoint(bigint,bigint,text) | demo_finance | MOVES_MONEY | 2 | {approved} ; 4000 ; {key} | no amount releases all that remains
      revoke_staff_role(text,text) | demo_admin | WRITES | | '{revokee}' ; 'arbiter_support' | -
      send_back_settlement(bigint,text,text) | demo_finance | WRITES | | {settlement} ; 'Wrong split' ; {key} | -
      settlement_action_at(text,bigint,integer,text,text) | demo_finance | MOVES_MONEY | 4 | 'execute_settlement' ; {settlement} ; {settlementVersion} ; 'Agreed' ; {key} | a note is optional when executing
      staff_groups_of(text) | demo_support | READS | 1 | 'demo_finance' | nobody has no groups
      transfer_workspace_ownership(bigint,bigint) | demo_admin | WRITES | | {workspace} ; {wsAdmin} | -
      unhold_checkpoint(bigint,text,text) | demo_finance | WRITES | 2 | {held} ; 'Cleared' ; {key} | a note is optional
      withdraw_settlement(bigint,text) | demo_support | WRITES | 2 | {settlement} ; 'Support takes it back' | a note is optional
      workspace_contact_contracts(bigint,bigint) | demo_support | READS | 1,2 | {workspace} ; {wsOwner} | no workspace or user, no contracts
      """;

  private FunctionSamples() {}

  /** The good call of every function, by signature, and the rows they name, by name. */
  record Samples(Map<String, Spec> specs, Map<String, String> ids) {

    /** {@code sql} with every {name} replaced by its row, and {key} by an idempotency key. */
    String fill(String sql) {
      return FunctionSamples.fill(sql, ids);
    }
  }

  /** Creates the rows the calls name and returns the good call of every function. */
  static Samples create(TestDatabase db) throws SQLException {
    Map<String, Spec> s = new TreeMap<>();
    Map<String, String> ids = new TreeMap<>();
    try (Connection owner = db.migrator()) {
      Deal deal = MoneyFixture.deal(owner, "USD", 100_000);
      String submitted = str(MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7"));
      String approved = str(MoneyFixture.approved(owner, deal, 10_000, "demo_finance2"));
      long held = MoneyFixture.submitted(owner, deal, 10_000, "single", "user:7");
      try (Connection felix = db.as("demo_finance2")) {
        call(felix, "hold_checkpoint", held, "Checking the files", "samples-hold-1");
      }
      String version = str("SELECT version FROM escrow_checkpoints WHERE id = " + submitted, owner);
      String decisions = str("SELECT checkpoint_decisions(" + submitted + ")", owner);
      Deal other = MoneyFixture.deal(owner, "USD", 50_000);
      long dispute = MoneyFixture.dispute(owner, other, null, "settling", 5_000);
      String settlement =
          str(
              MoneyFixture.settlement(
                  owner, dispute, "refund_to_payer", 0, 5_000, "USD", "demo_support"));
      String settlementVersion =
          str("SELECT version FROM settlements WHERE id = " + settlement, owner);

      long claimed = Fixtures.user(owner, "client");
      long unclaimed = Fixtures.user(owner, "client");
      long decided = Fixtures.user(owner, "client");
      String claimedFlag = str(Fixtures.flag(owner, claimed));
      Fixtures.flag(owner, unclaimed);
      Fixtures.flag(owner, decided);
      String decision;
      try (Connection mo = db.as(MOD)) {
        Insider.exec(mo, "SELECT moderation_claim('user', ?)", claimed);
        Insider.exec(mo, "SELECT moderation_claim('user', ?)", decided);
        decision =
            str(
                "SELECT moderation_decide('user', "
                    + decided
                    + ", 'warn_user', 'spam', 'Warned',"
                    + " NULL)",
                mo);
      }

      String grantee = Insider.freshLogin("rt_null_grantee");
      String revokee = Insider.freshLogin("rt_null_revokee");
      String leaver = Insider.freshLogin("rt_null_leaver");
      try (Connection admin = db.as(ADM)) {
        for (String login : List.of(grantee, revokee, leaver)) {
          Insider.exec(admin, "SELECT create_staff_login(?, 'Probe', 'probe-password')", login);
        }
        Insider.exec(admin, "SELECT grant_staff_role(?, 'arbiter_support')", revokee);
      }

      long wsOwner = Fixtures.user(owner, "client");
      long wsAdmin = Fixtures.user(owner, "client");
      long workspace = Fixtures.workspace(owner, wsOwner);
      Insider.exec(
          owner,
          "INSERT INTO workspace_members (workspace_id, user_id, role) VALUES (?, ?, 'owner'),"
              + " (?, ?, 'admin')",
          workspace,
          wsOwner,
          workspace,
          wsAdmin);
      String invite =
          str(
              Fixtures.id(
                  owner,
                  "INSERT INTO workspace_invites (workspace_id, email, role, token_hash, expires_at)"
                      + " VALUES (?, 'invitee@example.test', 'member', decode(repeat('ab', 32),"
                      + " 'hex'), now() + interval '7 days')",
                  workspace));

      ids.put("submitted", submitted);
      ids.put("approved", approved);
      ids.put("held", str(held));
      ids.put("version", version);
      ids.put("decisions", decisions);
      ids.put("settlement", settlement);
      ids.put("settlementVersion", settlementVersion);
      ids.put("escrow", str(deal.escrow()));
      ids.put("claimed", str(claimed));
      ids.put("claimedFlag", claimedFlag);
      ids.put("unclaimed", str(unclaimed));
      ids.put("decision", decision);
      ids.put("grantee", grantee);
      ids.put("revokee", revokee);
      ids.put("leaver", leaver);
      ids.put("newLogin", Insider.freshLogin("rt_null_new"));
      ids.put("workspace", str(workspace));
      ids.put("wsOwner", str(wsOwner));
      ids.put("wsAdmin", str(wsAdmin));
      ids.put("invite", invite);
      for (String line : CALLS.strip().split("\n")) {
        String[] f = line.split("\\|", -1);
        String args = fill(f[4].strip(), ids);
        s.put(
            f[0].strip(),
            new Spec(
                f[1].strip(),
                args.isEmpty() ? List.of() : List.of(args.split(" ; ")),
                f[3].isBlank()
                    ? Set.of()
                    : Set.copyOf(
                        Arrays.stream(f[3].strip().split(",")).map(Integer::valueOf).toList()),
                Effect.valueOf(f[2].strip()),
                f[5].strip()));
      }
    }
    return new Samples(s, ids);
  }

  private static String fill(String args, Map<String, String> ids) {
    String filled = args.replace("{key}", KEY);
    for (Map.Entry<String, String> e : ids.entrySet()) {
      filled = filled.replace("{" + e.getKey() + "}", e.getValue());
    }
    if (filled.contains("{")) {
      throw new IllegalStateException("unknown placeholder in " + args);
    }
    return filled;
  }

  private static String str(long id) {
    return Long.toString(id);
  }

  private static String str(String query, Connection c) throws SQLException {
    return Fixtures.value(c, query).toString();
  }
}
