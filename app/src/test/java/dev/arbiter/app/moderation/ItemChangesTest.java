package dev.arbiter.app.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.audit.AuditActor;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemDetail.FlagLine;
import dev.arbiter.persistence.moderation.ItemKey;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemChangesTest {

  private static final ItemKey KEY = ItemKey.of("dispute_message", 7);
  private static final Instant AT = Instant.parse("2026-11-22T10:00:00Z");

  @Test
  void aColleaguesClaimAndANewFlagAreNamedFieldByField() {
    ItemDetail seen = detail(List.of(flag(1, "open", null, null, null)), List.of(entry(10, "me")));
    ItemDetail now =
        detail(
            List.of(flag(1, "open", "max", null, null), flag(2, "open", "max", null, null)),
            List.of(entry(10, "me"), entry(11, "max"), entry(12, "user:40@web", "demo_backend")));

    assertThat(ItemChanges.between(seen, now))
        .containsExactly(
            "claimed by — → max", "open flags 1 → 2", "new flag 2: spam, high by Rita Reporter");
    assertThat(ItemChanges.actorsSince(seen, now))
        .containsExactly(
            new AuditActor("max", "max"), new AuditActor("user:40@web", "demo_backend"));
    assertThat(ItemChanges.news(seen, now, "me"))
        .isEqualTo(
            "Changed by max, user:40@web (via demo_backend) while you had it open: claimed by — →"
                + " max; open flags 1 → 2; new flag 2: spam, high by Rita Reporter");
  }

  @Test
  void onlyTheModeratorsOwnChangesAreNotNewsButOneWrittenInTheirNameIs() {
    ItemDetail seen = detail(List.of(flag(1, "open", null, null, null)), List.of(entry(10, "me")));
    List<FlagLine> claimed = List.of(flag(1, "open", "me", null, null));

    assertThat(ItemChanges.news(seen, detail(claimed, List.of(entry(11, "me"))), "me")).isEmpty();
    assertThat(
            ItemChanges.news(seen, detail(claimed, List.of(entry(11, "me", "demo_backend"))), "me"))
        .isEqualTo("Changed by me (via demo_backend) while you had it open: claimed by — → me");
  }

  @Test
  void aDecisionElsewhereClosesTheItemAndSaysWhoDecided() {
    ItemDetail seen = detail(List.of(flag(1, "open", "me", null, null)), List.of());
    ItemDetail now = detail(List.of(flag(1, "actioned", null, "hide_content", "max")), List.of());

    assertThat(ItemChanges.between(seen, now))
        .containsExactly(
            "status open → actioned",
            "claimed by me → —",
            "open flags 1 → 0",
            "flag 1 open → actioned by max (hide content)");
  }

  private static ItemDetail detail(List<FlagLine> flags, List<TimelineEntry> timeline) {
    return new ItemDetail(
        KEY,
        "Pay me on PayPal",
        List.of(),
        false,
        flags,
        new ItemDetail.AuthorHistory(null, null, null, null, List.of(), List.of()),
        List.of(),
        timeline);
  }

  private static FlagLine flag(
      long id, String status, String claimedBy, String decision, String decidedBy) {
    return new FlagLine(
        id,
        40,
        "Rita Reporter",
        0,
        null,
        BigDecimal.ONE,
        "spam",
        "high",
        null,
        status,
        AT,
        claimedBy,
        decision,
        decidedBy);
  }

  private static TimelineEntry entry(long id, String login) {
    return entry(id, login, login);
  }

  private static TimelineEntry entry(long id, String actor, String dbUser) {
    return new TimelineEntry(
        id,
        AT,
        new AuditActor(actor, dbUser),
        "update",
        "moderation_flags",
        "1",
        null,
        "something");
  }
}
