package dev.arbiter.persistence.disputes;

import dev.arbiter.model.contracts.Contract;
import dev.arbiter.model.disputes.DisputeEvidence;
import dev.arbiter.model.disputes.DisputeMessage;
import dev.arbiter.model.disputes.Settlement;
import dev.arbiter.persistence.disputes.DisputeCase.EvidenceInfo;
import dev.arbiter.persistence.disputes.DisputeCase.MessageInfo;
import dev.arbiter.persistence.disputes.DisputeCase.SettlementInfo;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Session;

/**
 * Reads a case's message thread, evidence and settlement proposals as entities, one query each,
 * with the names of their authors joined in.
 */
final class ThreadReader {

  // Staff authors by display name, parties by name and side; hidden messages keep their place.
  private static final String MESSAGES =
      "select m, s.displayName, u.displayName from DisputeMessage m"
          + " left join StaffAccount s on s.loginRole = m.authorStaff"
          + " left join User u on u.id = m.authorUserId"
          + " where m.disputeId = :id order by m.createdAt, m.id";

  private static final String EVIDENCE =
      "select e, coalesce(s.displayName, e.uploadedByStaff, u.displayName) from DisputeEvidence e"
          + " left join StaffAccount s on s.loginRole = e.uploadedByStaff"
          + " left join User u on u.id = e.uploadedBy"
          + " where e.disputeId = :id order by e.createdAt, e.id";

  private static final String SETTLEMENTS =
      "from Settlement s where s.disputeId = :id order by s.proposedAt desc, s.id desc";

  private final Session session;
  private final long disputeId;

  ThreadReader(Session session, long disputeId) {
    this.session = session;
    this.disputeId = disputeId;
  }

  /** The thread in order; a party's name says which side of {@code contract} they are on. */
  List<MessageInfo> messages(Contract contract) {
    return rows(MESSAGES).stream()
        .map(
            row -> {
              DisputeMessage m = (DisputeMessage) row[0];
              boolean fromStaff = m.getAuthorStaff() != null;
              return new MessageInfo(
                  m.getId(),
                  fromStaff
                      ? Objects.requireNonNullElse((String) row[1], m.getAuthorStaff())
                      : partyName((String) row[2], m.getAuthorUserId(), contract),
                  fromStaff,
                  m.getVisibility(),
                  m.getBody(),
                  m.getCreatedAt(),
                  m.isHidden());
            })
        .toList();
  }

  private static String partyName(String name, Long userId, Contract contract) {
    if (name == null) {
      return null;
    }
    if (userId.equals(contract.getClientId())) {
      return name + " (client)";
    }
    return userId.equals(contract.getFreelancerId()) ? name + " (freelancer)" : name;
  }

  /**
   * The files in upload order.
   *
   * @param stored the ids of the files whose bytes are in the database (the bytes stay unmapped)
   */
  List<EvidenceInfo> evidence(Set<Long> stored) {
    return rows(EVIDENCE).stream()
        .map(
            row -> {
              DisputeEvidence e = (DisputeEvidence) row[0];
              return new EvidenceInfo(
                  e.getId(),
                  e.getFileName(),
                  e.getMimeType(),
                  e.getSizeBytes(),
                  e.getSha256Hex(),
                  stored.contains(e.getId()),
                  (String) row[1],
                  e.getCreatedAt());
            })
        .toList();
  }

  /** The proposals, newest first. */
  List<SettlementInfo> settlements() {
    return session
        .createSelectionQuery(SETTLEMENTS, Settlement.class)
        .setParameter("id", disputeId)
        .getResultStream()
        .map(
            s ->
                new SettlementInfo(
                    s.getId(),
                    s.getOutcome(),
                    s.getPayee().minor(),
                    s.getPayer().minor(),
                    s.getCurrency(),
                    s.getReason(),
                    s.getStatus().dbValue(),
                    s.getProposedBy(),
                    s.getProposedAt(),
                    s.getDecidedBy(),
                    s.getDecisionNote()))
        .toList();
  }

  private List<Object[]> rows(String hql) {
    return session.createSelectionQuery(hql, Object[].class).setParameter("id", disputeId).list();
  }
}
