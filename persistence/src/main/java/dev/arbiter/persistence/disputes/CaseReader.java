package dev.arbiter.persistence.disputes;

import dev.arbiter.model.contracts.Contract;
import dev.arbiter.model.disputes.Dispute;
import dev.arbiter.model.disputes.DisputeOutcome;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.users.User;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.disputes.DisputeCase.ContractInfo;
import dev.arbiter.persistence.disputes.DisputeCase.Header;
import dev.arbiter.persistence.disputes.DisputeCase.MessageInfo;
import dev.arbiter.persistence.disputes.DisputeCase.Party;
import dev.arbiter.persistence.disputes.DisputeCase.PastDispute;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;

/**
 * Reads a whole case inside the caller's snapshot, in a fixed number of statements whatever the
 * length of its thread: the dispute, its contract and both parties as entities in one query; what
 * the entities do not map (metadata documents, what is held, which evidence has its bytes) in one
 * native query; both parties' history in one; then the escrow, the thread and the timeline.
 */
final class CaseReader {

  /**
   * What is held for dispute {@code d}: the disputed checkpoint's unreleased amount, else the
   * escrow's funded - released - refunded, else null.
   */
  static final String HELD =
      " CASE WHEN d.checkpoint_id IS NOT NULL THEN"
          + "   (SELECT CASE WHEN cp.status IN ('refunded', 'cancelled') THEN 0"
          + "           ELSE cp.amount_minor - cp.released_minor END"
          + "      FROM escrow_checkpoints cp WHERE cp.id = d.checkpoint_id)"
          + " ELSE (SELECT e.funded_minor - e.released_minor - e.refunded_minor"
          + "         FROM escrows e WHERE e.id = d.escrow_id) END";

  // The entities map their foreign keys as ids, so the case joins them on those.
  private static final String ENTITIES =
      "select d, c, client, freelancer, s.displayName from Dispute d"
          + " join Contract c on c.id = d.contractId"
          + " join User client on client.id = c.clientId"
          + " join User freelancer on freelancer.id = c.freelancerId"
          + " left join StaffAccount s on s.loginRole = d.assignedTo"
          + " where d.id = :id";

  // Metadata stays unmapped (it may hold private keys, filtered by MetadataView for the viewer).
  private static final String DERIVED =
      "SELECT d.metadata::text AS dispute_metadata, c.metadata::text AS contract_metadata,"
          + " client.metadata::text AS client_metadata,"
          + " freelancer.metadata::text AS freelancer_metadata,"
          + " coalesce(d.escrow_id, (SELECT cp.escrow_id FROM escrow_checkpoints cp"
          + "   WHERE cp.id = d.checkpoint_id)) AS case_escrow_id,"
          + HELD
          + " AS held_minor,"
          + " ARRAY(SELECT e.id FROM dispute_evidence e WHERE e.dispute_id = d.id"
          + "   AND e.content IS NOT NULL) AS stored_evidence"
          + " FROM disputes d JOIN contracts c ON c.id = d.contract_id"
          + " JOIN users client ON client.id = c.client_id"
          + " JOIN users freelancer ON freelancer.id = c.freelancer_id WHERE d.id = ?";

  // Each party's ten latest other disputes: per party the same index walk as a query of its own.
  private static final String HISTORY =
      "SELECT p.party_id AS party_id, h.id AS id, h.reference AS reference, h.status AS status,"
          + " h.outcome AS outcome, h.amount_disputed_minor AS amount_disputed_minor,"
          + " h.currency AS currency, h.opened_at AS opened_at, h.side AS side"
          + " FROM (VALUES (CAST(? AS bigint)), (CAST(? AS bigint))) p (party_id)"
          + " CROSS JOIN LATERAL (SELECT d.id, d.reference, d.status, d.outcome,"
          + "   d.amount_disputed_minor, d.currency, d.opened_at,"
          + "   CASE WHEN c.client_id = p.party_id THEN 'client' ELSE 'freelancer' END AS side"
          + "   FROM disputes d JOIN contracts c ON c.id = d.contract_id"
          + "   WHERE (c.client_id = p.party_id OR c.freelancer_id = p.party_id) AND d.id <> ?"
          + "   ORDER BY d.opened_at DESC, d.id DESC LIMIT 10) h"
          + " ORDER BY h.opened_at DESC, h.id DESC";

  /** What the native query adds to the entities. */
  private record Derived(
      String disputeMetadata,
      String contractMetadata,
      String clientMetadata,
      String freelancerMetadata,
      Long caseEscrowId,
      Long heldMinor,
      Set<Long> storedEvidence) {

    static Derived of(Row r) {
      return new Derived(
          r.text("dispute_metadata"),
          r.text("contract_metadata"),
          r.text("client_metadata"),
          r.text("freelancer_metadata"),
          r.nullableLong("case_escrow_id"),
          r.nullableLong("held_minor"),
          Set.copyOf(r.longs("stored_evidence")));
    }
  }

  /** One past dispute and whose history it belongs to. */
  private record Past(long partyId, PastDispute dispute) {}

  private final Session session;
  private final boolean admin;

  /**
   * @param admin whether the viewer sees {@code _internal*} and {@code private*} metadata
   */
  CaseReader(Session session, boolean admin) {
    this.session = session;
    this.admin = admin;
  }

  /** The case, or empty when no dispute has that id. */
  Optional<DisputeCase> read(long id) {
    Object[] found =
        session
            .createSelectionQuery(ENTITIES, Object[].class)
            .setParameter("id", id)
            .getSingleResultOrNull();
    if (found == null) {
      return Optional.empty();
    }
    Dispute dispute = (Dispute) found[0];
    Contract contract = (Contract) found[1];
    User client = (User) found[2];
    User freelancer = (User) found[3];
    Derived derived = Sql.one(session, DERIVED, Derived::of, id);
    List<Past> history = history(client.getId(), freelancer.getId(), id);
    EscrowReader.Section escrow =
        EscrowReader.read(session, derived.caseEscrowId(), dispute.getCheckpointId());
    ThreadReader thread = new ThreadReader(session, id);
    List<MessageInfo> messages = thread.messages(contract);
    List<DisputeCase.EvidenceInfo> evidence = thread.evidence(derived.storedEvidence());
    List<DisputeCase.SettlementInfo> settlements = thread.settlements();
    return Optional.of(
        new DisputeCase(
            header(dispute, (String) found[4], derived.heldMinor()),
            party(client, history, derived.clientMetadata()),
            party(freelancer, history, derived.freelancerMetadata()),
            contract(contract, derived.contractMetadata()),
            escrow.info(),
            escrow.checkpoints(),
            messages,
            evidence,
            settlements,
            TimelineReader.timeline(
                session,
                id,
                messages.stream().map(MessageInfo::id).toList(),
                evidence.stream().map(DisputeCase.EvidenceInfo::id).toList(),
                settlements.stream().map(DisputeCase.SettlementInfo::id).toList()),
            MetadataView.entries(derived.disputeMetadata(), admin)));
  }

  private static Header header(Dispute d, String assigneeName, Long heldMinor) {
    return new Header(
        d.getId(),
        d.getReference(),
        d.getStatus(),
        d.getPriority(),
        d.getReasonCode(),
        d.getAssignedTo(),
        assigneeName,
        d.getAmountDisputed().minor(),
        d.getCurrency(),
        d.getOpenedAt(),
        d.getResponseDueAt(),
        d.getDeadlineAction(),
        d.getDeadlineActedAt(),
        d.getOutcome(),
        d.getResolutionNotes(),
        d.getCheckpointId(),
        heldMinor,
        d.getVersion());
  }

  private Party party(User user, List<Past> history, String metadata) {
    return new Party(
        user.getId(),
        user.getDisplayName(),
        user.getEmail(),
        user.getKind().dbValue(),
        user.getStatus().dbValue(),
        user.getCountry(),
        history.stream().filter(p -> p.partyId() == user.getId()).map(Past::dispute).toList(),
        MetadataView.entries(metadata, admin));
  }

  private List<Past> history(long clientId, long freelancerId, long disputeId) {
    return Sql.list(
        session,
        HISTORY,
        r ->
            new Past(
                r.getLong("party_id"),
                new PastDispute(
                    r.getLong("id"),
                    r.text("reference"),
                    r.value(DisputeStatus.class, "status"),
                    r.value(DisputeOutcome.class, "outcome"),
                    r.text("side"),
                    r.getLong("amount_disputed_minor"),
                    r.text("currency"),
                    r.instant("opened_at"))),
        clientId,
        freelancerId,
        disputeId);
  }

  private ContractInfo contract(Contract c, String metadata) {
    return new ContractInfo(
        c.getId(),
        c.getReference(),
        c.getKind().dbValue(),
        c.getTitle(),
        c.getStatus().dbValue(),
        c.getValue().minor(),
        c.getValue().currency(),
        c.getCsatScore() == null ? null : c.getCsatScore().toPlainString(),
        MetadataView.entries(metadata, admin));
  }
}
