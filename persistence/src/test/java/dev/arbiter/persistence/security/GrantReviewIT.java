package dev.arbiter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Every write a runtime login may make, read from the catalog and held against a reviewed list:
 * each (login, table, privilege, column) has a line here saying why the job needs it and what keeps
 * it harmless. A grant added tomorrow fails this test until someone writes that line (and an attack
 * on it in StaffWriteAttacksIT or BackendWriteAttacksIT); a grant taken away fails it too, so that
 * the list stays the truth.
 */
class GrantReviewIT {

  private static final String STAFF = "demo_support,demo_finance,demo_moderator,demo_admin";
  private static final String ALL_WORKSPACE_COLUMNS =
      "created_at,default_currency,id,intake_email,name,owner_id,settings,slug,status,timezone,"
          + "type,updated_at,version";
  private static final String ALL_MEMBER_COLUMNS =
      "id,invited_by,joined_at,removed_at,role,status,updated_at,user_id,version,workspace_id";
  private static final String NOTE_COLUMNS =
      "body,subject_user_id,supersedes_id,visibility,workspace_id";
  private static final String REQUEST_COLUMNS = "action,fingerprint,idempotency_key,result";

  /**
   * logins | table | privilege | columns ("*" for a table privilege) | why it is needed and safe
   */
  private static final String REVIEWED =
      """
      STAFF | console_presence | INSERT | console_id,entity_id,entity_type,heartbeat_at,mode,staff_login | a console says what it has open; the row policy keeps staff_login the writer's, stamp_presence dates it now()
      STAFF | console_presence | UPDATE | heartbeat_at,mode | its own rows only (row policy); the heartbeat is the database clock
      STAFF | console_presence | DELETE | * | leaving a record removes its own row (row policy)
      demo_support | contact_notes | INSERT | NOTES | author stamped; supersedes only a note the writer may read; compliance notes never change
      demo_support | dispute_commands | INSERT | command,description,dispute_id,fingerprint,idempotency_key | a support action's request key, in its transaction; staff_login is the writer's (row policy); append-only
      demo_support | dispute_evidence | INSERT | content,dispute_id,file_name,mime_type,sha256,size_bytes | a staff upload, stamped uploaded_by_staff; never in a party's name
      demo_support | dispute_messages | INSERT | body,dispute_id,visibility | stamped author_staff; never in a party's name
      demo_support | dispute_saved_views | INSERT | autosave,definition,name,shared | own views only (row policy on owner_login)
      demo_support | dispute_saved_views | UPDATE | definition,name,shared,version | own views only (row policy)
      demo_support | dispute_saved_views | DELETE | * | own views only (row policy)
      demo_support | disputes | UPDATE | assigned_to,deadline_action,priority,resolution_notes,response_due_at,status,version | case handling: status by status_transitions, settling to resolved only by execute_settlement, a resolved case frozen (guard_dispute_write)
      demo_support | settlements | INSERT | currency,dispute_id,outcome,payee_minor,payer_minor,reason | a proposal only: it must fit its dispute, proposed_by is stamped, and another person executes it
      demo_support | staff_requests | INSERT | REQUESTS | own workspace.* request keys (row policy); append-only
      demo_admin | contact_notes | INSERT | NOTES | author stamped, as for support; compliance notes never change
      demo_admin | moderation_settings | UPDATE | claim_ttl,version | the claim window; positive by CHECK
      demo_admin | staff_accounts | UPDATE | display_name,email,version | contact details; activity, creator and roles only through the staff functions
      demo_admin | staff_requests | INSERT | REQUESTS | own workspace.* request keys (row policy), as for support
      demo_admin | workspace_invites | INSERT | email,expires_at,invited_by,role,token_hash,workspace_id | an invite starts pending; only the token's hash is kept
      demo_admin | workspace_invites | UPDATE | expires_at,revoked_at,status,token_hash,version | revoke or extend a pending invite; a settled one never changes (guard_workspace_invite)
      demo_admin | workspace_members | INSERT | MEMBERS | provider workspaces are admins' to run; the owner role moves only by transfer (guard_workspace_member)
      demo_admin | workspace_members | UPDATE | MEMBERS | the owner is never demoted or removed, an active contact stays active, a membership never moves (guard_workspace_member)
      demo_admin | workspaces | INSERT | WORKSPACES | provider workspaces are admins' to run; the owner member must match owner_id (check_workspace_owner)
      demo_admin | workspaces | UPDATE | WORKSPACES | owner_id only by transfer, archived stays archived (guard_workspace)
      demo_backend | contracts | INSERT | client_id,created_at,csat_score,currency,ended_at,freelancer_id,id,kind,metadata,reference,started_at,status,title,updated_at,value_minor,version,workspace_id | the marketplace makes contracts; client and freelancer differ (CHECK)
      demo_backend | contracts | UPDATE | csat_score,ended_at,metadata,started_at,status,title,version | lifecycle and rating; never the parties, currency or value
      demo_backend | dispute_evidence | INSERT | content,dispute_id,file_name,mime_type,sha256,size_bytes,uploaded_by | a party's upload: uploaded_by is a party (guard_party_author)
      demo_backend | dispute_messages | INSERT | author_user_id,body,dispute_id,visibility | a party's message: author a party, visibility parties (row policy)
      demo_backend | disputes | INSERT | amount_disputed_minor,checkpoint_id,contract_id,currency,deadline_action,escrow_id,metadata,opened_by,priority,reason_code,reference,response_due_at | a party opens a case; it starts open; contract, escrow, checkpoint and currency are one chain (composite keys)
      demo_backend | disputes | UPDATE | status,version | awaiting_parties to under_review only (guard_dispute_write)
      demo_backend | escrow_checkpoints | INSERT | amount_minor,approval_requirement,auto_release_at,csat_threshold,currency,escrow_id,label,seq | a milestone starts pending, in its escrow's currency, with nothing paid
      demo_backend | escrow_checkpoints | UPDATE | auto_release_at,status,version | submit or cancel a pending milestone; when, for whom and the round are stamped (guard_checkpoint_write)
      demo_backend | escrows | INSERT | contract_id,currency | an empty escrow in its contract's currency; money enters only through fund_escrow
      demo_backend | moderation_flags | INSERT | details,entity_id,entity_type,reason,reporter_id,severity | a report on something that exists; open and unclaimed
      demo_backend | users | INSERT | country,created_at,display_name,email,id,kind,metadata,status,suspended_until,updated_at,version | sign-ups start active and unsuspended (guard_user_write)
      demo_backend | users | UPDATE | country,created_at,display_name,email,id,kind,metadata,status,suspended_until,updated_at,version | profile and closing an account; warnings and suspensions only by moderation (guard_user_write)
      demo_backend | workspace_invites | INSERT | accepted_at,created_at,email,expires_at,id,invited_by,revoked_at,role,status,token_hash,updated_at,version,workspace_id | invites the marketplace sends for workspace owners; only the token's hash is kept
      demo_backend | workspace_invites | UPDATE | accepted_at,status,version | a user accepts a pending invite before it expires (guard_workspace_invite)
      demo_backend | workspace_members | INSERT | MEMBERS | the marketplace's workspaces; owner only by transfer
      demo_backend | workspace_members | UPDATE | MEMBERS | the owner is never demoted or removed, a membership never moves (guard_workspace_member)
      demo_backend | workspaces | INSERT | WORKSPACES | the marketplace's provider workspaces; the owner member must match owner_id (check_workspace_owner)
      demo_backend | workspaces | UPDATE | WORKSPACES | owner_id only by transfer, archived stays archived
      """;

  @Test
  void everyWriteARuntimeLoginMayMakeIsReviewedHere() throws SQLException {
    Set<String> reviewed = new TreeSet<>();
    for (String line : REVIEWED.strip().split("\n")) {
      String[] f = line.split("\\|");
      assertThat(f).as(line).hasSize(5);
      assertThat(f[4].strip()).as("a reason for " + line).hasSizeGreaterThan(10);
      String logins = f[0].strip().replace("STAFF", STAFF);
      String columns =
          f[3].strip()
              .replace("NOTES", NOTE_COLUMNS)
              .replace("REQUESTS", REQUEST_COLUMNS)
              .replace("MEMBERS", ALL_MEMBER_COLUMNS)
              .replace("WORKSPACES", ALL_WORKSPACE_COLUMNS);
      for (String login : logins.split(",")) {
        for (String column : columns.split(",")) {
          reviewed.add(String.join(" ", login, f[1].strip(), f[2].strip(), column));
        }
      }
    }

    assertThat(granted()).as("grants in the catalog").containsExactlyElementsOf(reviewed);
  }

  /** "login table privilege column" of every write privilege of the demo logins. */
  private static Set<String> granted() throws SQLException {
    Set<String> found = new TreeSet<>();
    List<String> logins = Arrays.asList((STAFF + ",demo_backend").split(","));
    TestDatabase db = TestDatabase.fresh();
    try (Connection su = db.superuser();
        PreparedStatement ps =
            su.prepareStatement(
                "SELECT l || ' ' || c.relname || ' ' || p || ' ' || a.attname"
                    + " FROM unnest(?::text[]) l, pg_class c"
                    + " JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0"
                    + " AND NOT a.attisdropped, unnest(ARRAY['INSERT', 'UPDATE', 'REFERENCES']) p"
                    + " WHERE c.relnamespace = 'public'::regnamespace"
                    + " AND has_column_privilege(l, c.oid, a.attnum, p)"
                    + " UNION ALL SELECT l || ' ' || c.relname || ' ' || p || ' *'"
                    + " FROM unnest(?::text[]) l, pg_class c,"
                    + " unnest(ARRAY['DELETE', 'TRUNCATE', 'TRIGGER'"
                    // MAINTAIN is a table privilege from PostgreSQL 17 on; 15 and 16 have none.
                    + (db.serverMajorVersion() >= 17 ? ", 'MAINTAIN'" : "")
                    + "]) p"
                    + " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm')"
                    + " AND has_table_privilege(l, c.oid, p)"
                    + " UNION ALL SELECT l || ' ' || c.relname || ' ' || p || ' (sequence)'"
                    + " FROM unnest(?::text[]) l, pg_class c, unnest(ARRAY['USAGE', 'UPDATE']) p"
                    + " WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'"
                    + " AND has_sequence_privilege(l, c.oid, p)")) {
      for (int i = 1; i <= 3; i++) {
        ps.setArray(i, su.createArrayOf("text", logins.toArray()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
    }
    return found;
  }
}
