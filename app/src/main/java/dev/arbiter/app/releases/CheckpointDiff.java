package dev.arbiter.app.releases;

import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import dev.arbiter.persistence.escrow.CheckpointDetail.Approval;
import dev.arbiter.persistence.escrow.CheckpointDetail.Checkpoint;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What changed on a checkpoint between two snapshots, field by field in the reviewer's words, and
 * who changed it (the actors of the audit entries that are new in the later snapshot).
 */
final class CheckpointDiff {

  /** One field that changed: "Status: Submitted → On hold". */
  record FieldChange(String field, String was, String now) {
    @Override
    public String toString() {
      return field + ": " + was + " → " + now;
    }
  }

  private final MoneyFormat money;

  CheckpointDiff(MoneyFormat money) {
    this.money = money;
  }

  /** The fields that differ, in the order the checkpoint view shows them. */
  List<FieldChange> between(CheckpointDetail before, CheckpointDetail after) {
    Checkpoint b = before.checkpoint();
    Checkpoint a = after.checkpoint();
    String cur = a.currency();
    List<FieldChange> changes = new ArrayList<>();
    add(
        changes,
        "Status",
        CheckpointViewModel.statusText(b.status()),
        CheckpointViewModel.statusText(a.status()));
    add(changes, "Amount", money.format(b.amountMinor(), cur), money.format(a.amountMinor(), cur));
    add(
        changes,
        "Released",
        money.format(b.releasedMinor(), cur),
        money.format(a.releasedMinor(), cur));
    add(changes, "Hold reason", orDash(b.holdReason()), orDash(a.holdReason()));
    add(changes, "Approvals", approvals(before.approvals()), approvals(after.approvals()));
    add(
        changes,
        "Open disputes",
        Integer.toString(before.gates().openDisputes()),
        Integer.toString(after.gates().openDisputes()));
    add(changes, "Payee account", before.payee().status(), after.payee().status());
    add(changes, "Payout", orDash(b.payoutReference()), orDash(a.payoutReference()));
    return changes;
  }

  /**
   * Who made the changes: the actors of audit entries newer than any in {@code before}, by the name
   * staff know them by where the snapshot has it (and the login that wrote for them, when another),
   * latest first.
   */
  List<String> changedBy(CheckpointDetail before, CheckpointDetail after) {
    long seen = before.timeline().stream().mapToLong(TimelineEntry::auditId).max().orElse(0);
    Set<AuditActor> actors = new LinkedHashSet<>();
    for (TimelineEntry line : after.timeline()) {
      if (line.auditId() > seen) {
        actors.add(line.by());
      }
    }
    return actors.stream().map(a -> a.text(login -> name(login, after))).toList();
  }

  /**
   * Whether the new audit entries are all {@code login}'s own (the reviewer's own action); one
   * another login wrote in their name is not.
   */
  boolean onlyBy(CheckpointDetail before, CheckpointDetail after, String login) {
    long seen = before.timeline().stream().mapToLong(TimelineEntry::auditId).max().orElse(0);
    return after.timeline().stream()
        .filter(l -> l.auditId() > seen)
        .allMatch(l -> l.by().isOwnChangeOf(login));
  }

  private static String name(String login, CheckpointDetail d) {
    return d.approvals().stream()
        .filter(a -> a.reviewer().equals(login))
        .map(Approval::reviewerName)
        .findFirst()
        .orElse(login);
  }

  private static String approvals(List<Approval> approvals) {
    if (approvals.isEmpty()) {
      return "none";
    }
    return approvals.stream()
        .map(
            a ->
                a.reviewerName()
                    + (a.decision().equals("approve") ? " approved" : " rejected")
                    + (a.overrideReason() == null ? "" : " (CSAT override)"))
        .collect(Collectors.joining(", "));
  }

  private static void add(List<FieldChange> changes, String field, String was, String now) {
    if (!Objects.equals(was, now)) {
      changes.add(new FieldChange(field, was, now));
    }
  }

  private static String orDash(String s) {
    return s == null || s.isBlank() ? "—" : "“" + s + "”";
  }
}
