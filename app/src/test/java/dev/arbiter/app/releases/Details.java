package dev.arbiter.app.releases;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.escrow.CheckpointDetail.Approval;
import dev.arbiter.persistence.escrow.CheckpointGates;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Checkpoint snapshots for view model tests: one checkpoint, changed a field at a time. */
final class Details {

  static final Instant NOW = Instant.parse("2025-03-01T10:00:00Z");

  private String status = "submitted";
  private String requirement = "dual";
  private String holdReason;
  private long released;
  private int version = 3;
  private int openDisputes;
  private final List<Approval> approvals = new ArrayList<>();
  private final List<TimelineEntry> timeline = new ArrayList<>();

  static Details submitted() {
    Details d = new Details();
    d.timeline.add(
        new TimelineEntry(
            10,
            NOW,
            new AuditActor("requester_login", "requester_login"),
            "update",
            "escrow_checkpoints",
            "7",
            null,
            "status pending → submitted"));
    return d;
  }

  Details status(String s) {
    status = s;
    return this;
  }

  Details hold(String reason) {
    holdReason = reason;
    return this;
  }

  Details released(long minor) {
    released = minor;
    return this;
  }

  Details version(int v) {
    version = v;
    return this;
  }

  Details disputes(int n) {
    openDisputes = n;
    return this;
  }

  Details approvedBy(String login, String name) {
    return approvedBy(login, name, NOW);
  }

  /** An approval made {@code at}; before {@link #NOW} it belongs to an earlier submission. */
  Details approvedBy(String login, String name, Instant at) {
    approvals.add(new Approval(login, name, "approve", null, null, at));
    return this;
  }

  /** An audit entry by {@code login} for itself, newer than every earlier one. */
  Details audited(String login, String summary) {
    return audited(new AuditActor(login, login), summary);
  }

  /** An audit entry by {@code by}, newer than every earlier one. */
  Details audited(AuditActor by, String summary) {
    long id = timeline.stream().mapToLong(TimelineEntry::auditId).max().orElse(0) + 1;
    timeline.add(
        0, new TimelineEntry(id, NOW, by, "update", "escrow_checkpoints", "7", null, summary));
    return this;
  }

  Details copy() {
    Details d = new Details();
    d.status = status;
    d.requirement = requirement;
    d.holdReason = holdReason;
    d.released = released;
    d.version = version;
    d.openDisputes = openDisputes;
    d.approvals.addAll(approvals);
    d.timeline.addAll(timeline);
    return d;
  }

  CheckpointDetail build() {
    return new CheckpointDetail(
        new CheckpointDetail.Checkpoint(
            7,
            2,
            "Design",
            100_000,
            released,
            "USD",
            status,
            requirement,
            null,
            NOW,
            null,
            "requester_login",
            holdReason,
            null,
            null,
            null,
            version),
        new CheckpointDetail.Contract(
            1, "FP-1001", "Logo", "fixed_price", "active", new BigDecimal("4.50")),
        new CheckpointDetail.Party(1, "Carl Client", "c@example.test", "active"),
        new CheckpointDetail.Party(2, "Dana Payee", "d@example.test", "active"),
        new CheckpointDetail.EscrowTotals(3, "USD", "held", 200_000, released, 0),
        new CheckpointGates(
            new BigDecimal("4.50"),
            null,
            true,
            openDisputes,
            200_000,
            100_000 - released,
            approvals.size(),
            2,
            false,
            "active"),
        List.of(),
        approvals,
        List.of(),
        timeline);
  }
}
