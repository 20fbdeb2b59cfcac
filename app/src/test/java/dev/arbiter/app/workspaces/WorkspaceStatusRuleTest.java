package dev.arbiter.app.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.app.common.SynchronousTaskRunner;
import dev.arbiter.app.common.command.ManualLater;
import dev.arbiter.model.workspaces.WorkspaceStatus;
import dev.arbiter.persistence.workspaces.WorkspaceDetails;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Settings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Suspend and Reactivate are offered only when the workspace is not already so, and say why. */
class WorkspaceStatusRuleTest {

  private String status = "active";
  private final List<String> keys = new ArrayList<>();
  private final WorkspaceDetailViewModel model =
      new WorkspaceDetailViewModel(
          new WorkspaceDetailViewModel.Port() {
            @Override
            public WorkspaceDetails details(long workspaceId) {
              return new WorkspaceDetails(
                  new Settings(
                      workspaceId,
                      "Acme",
                      "acme",
                      "agency",
                      1,
                      "Olive Owner",
                      "UTC",
                      "USD",
                      null,
                      status,
                      1),
                  "{}",
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of(),
                  List.of());
            }

            @Override
            public String newRequestKey() {
              keys.add("k" + keys.size());
              return keys.get(keys.size() - 1);
            }

            @Override
            public dev.arbiter.persistence.workspaces.WorkspaceActions keyed(String requestKey) {
              throw new AssertionError("nothing is sent in these tests");
            }
          },
          new SynchronousTaskRunner(),
          ManualLater.runner(new SynchronousTaskRunner(), key -> false),
          true,
          "demo_admin");

  @Test
  void reactivateIsDisabledOnAnActiveWorkspaceWithTheReasonAndSendsNothing() {
    model.open(3);

    assertThat(model.statusDisabledProperty(WorkspaceStatus.ACTIVE).get()).isTrue();
    assertThat(model.statusRefusalProperty(WorkspaceStatus.ACTIVE).get())
        .isEqualTo("The workspace is already active.");
    assertThat(model.statusDisabledProperty(WorkspaceStatus.SUSPENDED).get()).isFalse();
    assertThat(model.statusRefusalProperty(WorkspaceStatus.SUSPENDED).get()).isEmpty();

    model.setStatus(WorkspaceStatus.ACTIVE);

    assertThat(keys).isEmpty();
  }

  @Test
  void aSuspendedWorkspaceOffersReactivateAndNotSuspend() {
    status = "suspended";

    model.open(3);

    assertThat(model.statusDisabledProperty(WorkspaceStatus.ACTIVE).get()).isFalse();
    assertThat(model.statusRefusalProperty(WorkspaceStatus.SUSPENDED).get())
        .isEqualTo("The workspace is already suspended.");
  }
}
