package dev.arbiter.persistence.workspaces;

import dev.arbiter.model.workspaces.ContactNote;
import dev.arbiter.model.workspaces.InviteStatus;
import dev.arbiter.model.workspaces.MemberRole;
import dev.arbiter.model.workspaces.Workspace;
import dev.arbiter.model.workspaces.WorkspaceInvite;
import dev.arbiter.model.workspaces.WorkspaceMember;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.timeline.TimelineEntry;
import dev.arbiter.persistence.timeline.TimelineRows;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.ContractLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.DisputeLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.FlagLine;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Invite;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Note;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Settings;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.query.SelectionQuery;

/**
 * The reads behind {@link WorkspaceDetailService}, in one session and snapshot: the workspace, its
 * members, invites and notes as entities (each list one query, however long), the rest as rows.
 */
final class WorkspaceReads {

  private static final int LIMIT = 200;

  private static final String WORKSPACE =
      "select w, o.displayName from Workspace w join User o on o.id = w.ownerId where w.id = :id";

  private static final String MEMBERS =
      "select m, u.displayName, u.email, i.displayName from WorkspaceMember m"
          + " join User u on u.id = m.userId left join User i on i.id = m.invitedBy"
          + " where m.workspaceId = :id"
          + " order by case m.role when :owner then 0 when :admin then 1 when :manager then 2"
          + " when :member then 3 else 4 end, lower(u.displayName), m.id";

  private static final String INVITES =
      "select i, u.displayName from WorkspaceInvite i left join User u on u.id = i.invitedBy"
          + " where i.workspaceId = :id"
          + " order by case when i.status = :pending then 0 else 1 end, i.createdAt desc, i.id desc";

  private static final String NOTES =
      "select n, u.displayName, (select s.id from ContactNote s where s.supersedesId = n.id)"
          + " from ContactNote n left join User u on u.id = n.subjectUserId"
          + " where n.workspaceId = :id order by n.createdAt desc, n.id desc";

  private final Session session;
  private final long id;
  private String settingsJson;
  private Instant now;

  WorkspaceReads(Session session, long id) {
    this.session = session;
    this.id = id;
  }

  Settings settings() {
    Object[] found =
        session
            .createSelectionQuery(WORKSPACE, Object[].class)
            .setParameter("id", id)
            .uniqueResultOptional()
            .orElseThrow(() -> new NoSuchElementException("There is no workspace " + id + "."));
    Workspace w = (Workspace) found[0];
    // The settings column is not mapped (private keys must not reach an entity); the snapshot's
    // clock judges invites overdue as the database would.
    Sql.one(
        session,
        "SELECT settings::text AS settings_text, now() AS now FROM workspaces WHERE id = ?",
        row -> {
          settingsJson = row.text("settings_text");
          now = row.instant("now");
          return row;
        },
        id);
    return new Settings(
        w.getId(),
        w.getName(),
        w.getSlug(),
        w.getType().dbValue(),
        w.getOwnerId(),
        (String) found[1],
        w.getTimezone(),
        w.getDefaultCurrency(),
        w.getIntakeEmail(),
        w.getStatus().dbValue(),
        w.getVersion());
  }

  String settingsJson() {
    return settingsJson;
  }

  List<Member> members() {
    Map<Long, String> contacts = new HashMap<>();
    Sql.list(
        session,
        "SELECT id, workspace_contact_contracts(workspace_id, user_id) AS active_contracts"
            + " FROM workspace_members WHERE workspace_id = ?",
        row -> contacts.put(row.getLong("id"), row.text("active_contracts")),
        id);
    return select(
        MEMBERS,
        Integer.MAX_VALUE,
        Map.of(
            "owner", MemberRole.OWNER,
            "admin", MemberRole.ADMIN,
            "manager", MemberRole.MANAGER,
            "member", MemberRole.MEMBER),
        r -> {
          WorkspaceMember m = (WorkspaceMember) r[0];
          return new Member(
              m.getId(),
              m.getUserId(),
              (String) r[1],
              (String) r[2],
              m.getRole().dbValue(),
              m.getStatus().dbValue(),
              (String) r[3],
              m.getJoinedAt(),
              m.getRemovedAt(),
              contacts.get(m.getId()),
              m.getVersion());
        });
  }

  List<Invite> invites() {
    return select(
        INVITES,
        LIMIT,
        Map.of("pending", InviteStatus.PENDING),
        r -> {
          WorkspaceInvite i = (WorkspaceInvite) r[0];
          boolean pending = i.getStatus() == InviteStatus.PENDING;
          return new Invite(
              i.getId(),
              i.getEmail(),
              i.getRole().dbValue(),
              i.getStatus().dbValue(),
              i.getExpiresAt(),
              (String) r[1],
              i.getCreatedAt(),
              pending && !i.getExpiresAt().isAfter(now),
              i.getVersion());
        });
  }

  List<Note> notes() {
    return select(
        NOTES,
        LIMIT,
        Map.of(),
        r -> {
          ContactNote n = (ContactNote) r[0];
          return new Note(
              n.getId(),
              n.getAuthor(),
              (String) r[1],
              n.getBody(),
              n.getVisibility().dbValue(),
              n.getSupersedesId(),
              (Long) r[2],
              n.getCreatedAt());
        });
  }

  // An entity query about this workspace (parameter "id", plus {@code params}), each result row
  // an entity and the values selected beside it.
  private <T> List<T> select(
      String hql, int max, Map<String, Object> params, Function<Object[], T> mapper) {
    SelectionQuery<Object[]> query =
        session.createSelectionQuery(hql, Object[].class).setParameter("id", id);
    params.forEach(query::setParameter);
    return query.setMaxResults(max).getResultList().stream().map(mapper).toList();
  }

  List<ContractLine> contracts() {
    return Sql.list(
        session,
        """
        SELECT c.id, c.reference, c.title, c.status, cl.display_name AS client, f.display_name AS freelancer,
               c.value_minor, c.currency
          FROM contracts c JOIN users cl ON cl.id = c.client_id JOIN users f ON f.id = c.freelancer_id
         WHERE c.workspace_id = ?
         ORDER BY (c.status IN ('active', 'paused')) DESC, c.created_at DESC, c.id DESC LIMIT ?
        """,
        row ->
            new ContractLine(
                row.getLong("id"),
                row.text("reference"),
                row.text("title"),
                row.text("status"),
                row.text("client"),
                row.text("freelancer"),
                row.getLong("value_minor"),
                row.text("currency")),
        id,
        LIMIT);
  }

  List<DisputeLine> disputes() {
    return Sql.list(
        session,
        """
        SELECT d.id, d.reference, c.reference AS contract_reference, d.status, d.priority,
               d.amount_disputed_minor, d.currency
          FROM disputes d JOIN contracts c ON c.id = d.contract_id
         WHERE c.workspace_id = ?
         ORDER BY d.opened_at DESC, d.id DESC LIMIT ?
        """,
        row ->
            new DisputeLine(
                row.getLong("id"),
                row.text("reference"),
                row.text("contract_reference"),
                row.text("status"),
                row.text("priority"),
                row.getLong("amount_disputed_minor"),
                row.text("currency")),
        id,
        LIMIT);
  }

  List<FlagLine> flags(List<Member> members, List<ContractLine> contracts) {
    Long[] users = members.stream().map(Member::userId).toArray(Long[]::new);
    Long[] contractIds = contracts.stream().map(ContractLine::id).toArray(Long[]::new);
    return Sql.list(
        session,
        """
        SELECT f.id, f.entity_type, f.entity_id, f.reason, f.severity, f.status
          FROM moderation_flags f
         WHERE (f.entity_type = 'workspace' AND f.entity_id = ?)
            OR (f.entity_type = 'contract' AND f.entity_id = ANY (CAST(? AS bigint[])))
            OR (f.entity_type = 'user' AND f.entity_id = ANY (CAST(? AS bigint[])))
         ORDER BY (f.status = 'open') DESC, f.created_at DESC, f.id DESC LIMIT ?
        """,
        row ->
            new FlagLine(
                row.getLong("id"),
                row.text("entity_type"),
                row.getLong("entity_id"),
                row.text("reason"),
                row.text("severity"),
                row.text("status")),
        id,
        contractIds,
        users,
        LIMIT);
  }

  List<TimelineEntry> timeline(List<Member> members, List<Invite> invites, List<Note> notes) {
    // Only the keys that changed, and never a note's body or an invite's token hash.
    return TimelineRows.read(
        session,
        """
        SELECT %s,
               (SELECT string_agg(k || ': ' || coalesce(a.old_values ->> k, '-') || ' -> '
                                  || coalesce(a.new_values ->> k, '-'), ', ' ORDER BY k)
                  FROM jsonb_object_keys(a.new_values) k
                 WHERE a.action = 'update' AND a.old_values IS NOT NULL
                   AND k NOT IN ('version', 'updated_at', 'body', 'body_sha256', 'token_hash', 'settings')
                   AND (a.old_values -> k) IS DISTINCT FROM (a.new_values -> k)) AS summary
          FROM audit_log a
         WHERE (a.entity_type = 'workspaces' AND a.entity_id = ?)
            OR (a.entity_type = 'workspace_members' AND a.entity_id = ANY (CAST(? AS text[])))
            OR (a.entity_type = 'workspace_invites' AND a.entity_id = ANY (CAST(? AS text[])))
            OR (a.entity_type = 'contact_notes' AND a.entity_id = ANY (CAST(? AS text[])))
         ORDER BY a.id DESC LIMIT ?
        """
            .formatted(TimelineRows.COLUMNS),
        Long.toString(id),
        ids(members.stream().map(Member::id)),
        ids(invites.stream().map(Invite::id)),
        ids(notes.stream().map(Note::id)),
        LIMIT);
  }

  private static String[] ids(java.util.stream.Stream<Long> ids) {
    return ids.map(String::valueOf).toArray(String[]::new);
  }
}
