package dev.arbiter.persistence.disputes;

import dev.arbiter.model.escrow.CheckpointStatus;
import dev.arbiter.model.escrow.Escrow;
import dev.arbiter.model.escrow.EscrowCheckpoint;
import dev.arbiter.persistence.disputes.DisputeCase.CheckpointInfo;
import dev.arbiter.persistence.disputes.DisputeCase.EscrowInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.hibernate.Session;

/** Reads the escrow a case is about and its checkpoints, as entities in one query. */
final class EscrowReader {

  private static final String QUERY =
      "select e, cp from Escrow e left join EscrowCheckpoint cp on cp.escrowId = e.id"
          + " where e.id = :id order by cp.seq";

  /** The case's escrow (null when it has none) and its checkpoints in order. */
  record Section(EscrowInfo info, List<CheckpointInfo> checkpoints) {}

  private EscrowReader() {}

  /**
   * @param escrowId the case's escrow, or null for a dispute tied to none
   * @param disputedCheckpoint the checkpoint the dispute is about, or null
   */
  static Section read(Session session, Long escrowId, Long disputedCheckpoint) {
    if (escrowId == null) {
      return new Section(null, List.of());
    }
    List<Object[]> rows =
        session.createSelectionQuery(QUERY, Object[].class).setParameter("id", escrowId).list();
    if (rows.isEmpty()) {
      return new Section(null, List.of());
    }
    Escrow escrow = (Escrow) rows.get(0)[0];
    List<CheckpointInfo> checkpoints = new ArrayList<>();
    for (Object[] row : rows) {
      if (row[1] instanceof EscrowCheckpoint cp) {
        checkpoints.add(checkpoint(cp, disputedCheckpoint));
      }
    }
    long funded = escrow.getFunded().minor();
    long released = escrow.getReleased().minor();
    long refunded = escrow.getRefunded().minor();
    return new Section(
        new EscrowInfo(
            escrow.getId(),
            escrow.getStatus().dbValue(),
            escrow.getCurrency(),
            funded,
            released,
            refunded,
            funded - released - refunded),
        checkpoints);
  }

  private static CheckpointInfo checkpoint(EscrowCheckpoint cp, Long disputedCheckpoint) {
    long amount = cp.getAmount().minor();
    long released = cp.getReleased().minor();
    boolean gone =
        cp.getStatus() == CheckpointStatus.REFUNDED || cp.getStatus() == CheckpointStatus.CANCELLED;
    return new CheckpointInfo(
        cp.getId(),
        cp.getSeq(),
        cp.getLabel(),
        amount,
        released,
        gone ? 0 : amount - released,
        cp.getAmount().currency(),
        cp.getStatus().dbValue(),
        cp.getApprovalRequirement().dbValue(),
        cp.getAutoReleaseAt(),
        Objects.equals(disputedCheckpoint, cp.getId()));
  }
}
