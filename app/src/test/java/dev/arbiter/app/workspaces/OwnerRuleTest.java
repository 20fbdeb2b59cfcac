package dev.arbiter.app.workspaces;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.workspaces.WorkspaceDetails.Member;
import org.junit.jupiter.api.Test;

class OwnerRuleTest {

  private static Member member(String role) {
    return new Member(
        1, 2, "Ana Flores", "ana@example.org", role, "active", null, null, null, null, 0);
  }

  @Test
  void theOwnerIsRefusedWithTheWayOut() {
    assertThat(OwnerRule.refusal(member("owner")))
        .isEqualTo(
            "Ana Flores owns the workspace: transfer ownership to another admin first, then"
                + " change, suspend or remove them.");
  }

  @Test
  void anyOtherMemberAndNoSelectionAreNot() {
    assertThat(OwnerRule.refusal(member("admin"))).isEmpty();
    assertThat(OwnerRule.refusal(null)).isEmpty();
  }
}
