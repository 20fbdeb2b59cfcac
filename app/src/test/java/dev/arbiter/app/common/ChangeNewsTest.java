package dev.arbiter.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.audit.AuditActor;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChangeNewsTest {

  private static final List<String> DIFFS = List.of("status open → closed", "notes 1 → 2");

  @Test
  void namesEveryOtherWriterWithTheLoginBehindANamedUser() {
    assertThat(
            ChangeNews.line(
                DIFFS,
                List.of(
                    new AuditActor("demo_admin", "demo_admin"),
                    new AuditActor("me", "me"),
                    new AuditActor("user:4821@ios", "demo_backend")),
                "me"))
        .isEqualTo(
            "Changed by demo_admin, user:4821@ios (via demo_backend) while you had it open:"
                + " status open → closed; notes 1 → 2");
  }

  @Test
  void theViewersOwnChangesAreNotNews() {
    assertThat(ChangeNews.line(DIFFS, List.of(new AuditActor("me", "me")), "me")).isEmpty();
    assertThat(ChangeNews.line(List.of(), List.of(new AuditActor("max", "max")), "me")).isEmpty();
  }

  @Test
  void aChangeAnotherLoginWroteInTheViewersNameIsNewsAndSaysWhichLogin() {
    assertThat(ChangeNews.line(DIFFS, List.of(new AuditActor("me", "demo_backend")), "me"))
        .startsWith("Changed by me (via demo_backend) while you had it open: ");
  }

  @Test
  void aChangeThatLeftNoEntryStillSaysWhatChanged() {
    assertThat(ChangeNews.line(DIFFS, List.of(), "me"))
        .isEqualTo("Changed while you had it open: status open → closed; notes 1 → 2");
  }
}
