package dev.arbiter.model.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditActorTest {

  @Test
  void aLoginActingForItselfReadsAsTheLoginAlone() {
    AuditActor staff = new AuditActor("demo_support", "demo_support");

    assertThat(staff.isOnBehalf()).isFalse();
    assertThat(staff.text()).isEqualTo("demo_support");
    assertThat(staff).hasToString("demo_support");
  }

  @Test
  void aNamedUserOrServiceAlwaysShowsTheLoginThatWroteForIt() {
    assertThat(new AuditActor("user:4821@ios", "demo_backend").text())
        .isEqualTo("user:4821@ios (via demo_backend)");
    assertThat(new AuditActor("svc:billing", "demo_backend").text())
        .isEqualTo("svc:billing (via demo_backend)");
    assertThat(new AuditActor("system:auto-release", "arbiter_automation"))
        .hasToString("system:auto-release (via arbiter_automation)");
  }

  @Test
  void staffNamesReplaceTheActorButNeverTheLoginBehindIt() {
    Map<String, String> names =
        Map.of("demo_finance2", "Felix Finance", "demo_backend", "Backend Bob");

    assertThat(
            new AuditActor("demo_finance2", "demo_finance2")
                .text(login -> names.getOrDefault(login, login)))
        .isEqualTo("Felix Finance");
    assertThat(
            new AuditActor("demo_finance2", "demo_backend")
                .text(login -> names.getOrDefault(login, login)))
        .isEqualTo("Felix Finance (via demo_backend)");
  }

  @Test
  void aChangeWrittenInAStaffLoginsNameIsNotThatLoginsOwn() {
    assertThat(new AuditActor("demo_moderator", "demo_moderator").isOwnChangeOf("demo_moderator"))
        .isTrue();
    assertThat(new AuditActor("demo_moderator", "demo_backend").isOwnChangeOf("demo_moderator"))
        .isFalse();
    assertThat(new AuditActor("user:7@web", "demo_moderator").isOwnChangeOf("demo_moderator"))
        .isFalse();
    assertThat(new AuditActor("demo_support", "demo_support").isOwnChangeOf("demo_moderator"))
        .isFalse();
  }

  @Test
  void bothIdentitiesAreRequired() {
    assertThatThrownBy(() -> new AuditActor("user:1@ios", null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("dbUser");
    assertThatThrownBy(() -> new AuditActor(null, "demo_backend"))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("actor");
  }
}
