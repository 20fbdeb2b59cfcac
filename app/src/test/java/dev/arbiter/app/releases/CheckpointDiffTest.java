package dev.arbiter.app.releases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.escrow.CheckpointDetail;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class CheckpointDiffTest {

  private final CheckpointDiff diff = new CheckpointDiff(new MoneyFormat(Locale.US));

  @Test
  void listsExactlyTheFieldsThatChangedInTheOrderTheViewShowsThem() {
    Details seen = Details.submitted();
    CheckpointDetail before = seen.build();
    CheckpointDetail after =
        seen.copy()
            .status("on_hold")
            .hold("KYC check")
            .approvedBy("demo_finance2", "Felix Finance")
            .disputes(1)
            .version(5)
            .build();

    assertThat(diff.between(before, after))
        .extracting(Object::toString)
        .containsExactly(
            "Status: Submitted → On hold",
            "Hold reason: — → “KYC check”",
            "Approvals: none → Felix Finance approved",
            "Open disputes: 0 → 1");
  }

  @Test
  void moneyFieldsReadInTheCheckpointsCurrency() {
    Details seen = Details.submitted().status("approved");
    CheckpointDetail after = seen.copy().released(40_000).build();

    assertThat(diff.between(seen.build(), after))
        .extracting(Object::toString)
        .containsExactly("Released: $0.00 → $400.00");
  }

  @Test
  void aVersionBumpAloneChangesNoVisibleField() {
    Details seen = Details.submitted();

    assertThat(diff.between(seen.build(), seen.copy().version(9).build())).isEmpty();
  }

  @Test
  void whoChangedItAreTheActorsOfTheNewAuditEntriesByTheirStaffNameAndTheLoginBehindThem() {
    Details seen = Details.submitted();
    CheckpointDetail before = seen.build();
    CheckpointDetail after =
        seen.copy()
            .approvedBy("demo_finance2", "Felix Finance")
            .audited("demo_finance2", "demo_finance2 decided approve")
            .audited(new AuditActor("svc:scheduler", "demo_backend"), "changed auto_release_at")
            .build();

    assertThat(diff.changedBy(before, after))
        .containsExactly("svc:scheduler (via demo_backend)", "Felix Finance");
    assertThat(diff.onlyBy(before, after, "demo_finance2")).isFalse();
    assertThat(
            diff.onlyBy(
                before,
                seen.copy().audited("demo_finance", "demo_finance decided approve").build(),
                "demo_finance"))
        .isTrue();
  }

  @Test
  void anEntryAnotherLoginWroteInTheReviewersNameIsNotTheirOwn() {
    Details seen = Details.submitted().approvedBy("demo_finance2", "Felix Finance");
    CheckpointDetail after =
        seen.copy()
            .audited(new AuditActor("demo_finance2", "demo_backend"), "changed auto_release_at")
            .build();

    assertThat(diff.onlyBy(seen.build(), after, "demo_finance2")).isFalse();
    assertThat(diff.changedBy(seen.build(), after))
        .containsExactly("Felix Finance (via demo_backend)");
  }
}
