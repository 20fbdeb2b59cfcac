package dev.arbiter.app.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class DateTimesTest {

  private static final Instant AT = Instant.parse("2026-06-13T18:27:13Z");

  @Test
  void aMomentReadsInTheStaffMembersLocaleAndZone() {
    DateTimes berlin = new DateTimes(Locale.UK, ZoneId.of("Europe/Berlin"));

    assertThat(berlin.dateTime(AT)).isEqualTo("13 Jun 2026, 20:27");
    assertThat(berlin.time(AT)).isEqualTo("20:27");
    assertThat(berlin.dateTime(null)).isEmpty();
  }

  @Test
  void agesAreCompact() {
    assertThat(DateTimes.age(AT, AT.plusSeconds(5 * 60))).isEqualTo("5m");
    assertThat(DateTimes.age(AT, AT.plusSeconds(3 * 3600))).isEqualTo("3h");
    assertThat(DateTimes.age(AT, AT.plusSeconds(3 * 86400))).isEqualTo("3d");
    assertThat(DateTimes.age(AT, AT.minusSeconds(60))).isEqualTo("0m");
  }
}
