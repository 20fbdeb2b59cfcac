package dev.arbiter.persistence.dashboard;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The operations overview, read in one snapshot so that every figure describes the same moment.
 *
 * @param asOf the database time of the snapshot
 * @param openDisputesByStatus open disputes per status, in workflow order, zero-filled
 * @param slaBreachedDisputes open disputes whose response is overdue
 * @param checkpointsSubmitted checkpoints submitted and waiting for a finance decision
 * @param checkpointsApproved checkpoints approved and waiting to be released
 * @param checkpointsOverdue submitted or approved checkpoints past their auto-release time that a
 *     person must decide (single or dual approval: the clock pays only auto checkpoints)
 * @param openFlagsBySeverity open moderation flags per severity, most severe first, zero-filled
 * @param escrowHeld money held in escrow per currency (funded minus released minus refunded),
 *     ordered by currency code; currencies with nothing held are left out
 */
public record DashboardFigures(
    Instant asOf,
    Map<String, Long> openDisputesByStatus,
    long slaBreachedDisputes,
    long checkpointsSubmitted,
    long checkpointsApproved,
    long checkpointsOverdue,
    Map<String, Long> openFlagsBySeverity,
    List<HeldFunds> escrowHeld) {

  /** The dispute statuses that count as open work, in the order a case moves through them. */
  public static final List<String> OPEN_DISPUTE_STATUSES =
      List.of("open", "under_review", "awaiting_parties", "escalated", "settling");

  /** Flag severities, most severe first. */
  public static final List<String> FLAG_SEVERITIES = List.of("critical", "high", "medium", "low");

  /**
   * Escrow money held in one currency.
   *
   * @param currency ISO 4217 code
   * @param heldMinor the amount in the currency's minor units
   * @param escrows how many escrows hold some of it
   */
  public record HeldFunds(String currency, long heldMinor, long escrows) {
    public HeldFunds {
      Objects.requireNonNull(currency, "currency");
    }
  }

  public DashboardFigures {
    Objects.requireNonNull(asOf, "asOf");
    openDisputesByStatus = ordered(OPEN_DISPUTE_STATUSES, openDisputesByStatus);
    openFlagsBySeverity = ordered(FLAG_SEVERITIES, openFlagsBySeverity);
    escrowHeld = List.copyOf(escrowHeld);
  }

  public long openDisputes() {
    return openDisputesByStatus.values().stream().mapToLong(Long::longValue).sum();
  }

  public long openFlags() {
    return openFlagsBySeverity.values().stream().mapToLong(Long::longValue).sum();
  }

  private static Map<String, Long> ordered(List<String> keys, Map<String, Long> counts) {
    Map<String, Long> result = new LinkedHashMap<>();
    for (String key : keys) {
      result.put(key, counts.getOrDefault(key, 0L));
    }
    for (String key : counts.keySet()) {
      if (!result.containsKey(key)) {
        throw new IllegalArgumentException("unexpected key " + key + ", expected one of " + keys);
      }
    }
    return Collections.unmodifiableMap(result);
  }
}
