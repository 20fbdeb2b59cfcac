package dev.arbiter.app.common;

import dev.arbiter.app.live.LiveContext;
import dev.arbiter.persistence.session.StaffDatabase;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffSession;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.Executor;

/**
 * What every area's factory ({@code XxxArea.create}) builds its area from: the signed-in session,
 * whose database the area's ports read, the runner for background work and the FX thread, how to
 * format for the staff member, and the area's live context (change feed, presence, drafts).
 */
public record AreaContext(
    StaffSession session,
    TaskRunner tasks,
    Executor fxThread,
    Locale locale,
    ZoneId zone,
    LiveContext live) {

  public StaffDatabase database() {
    return session.database();
  }

  public SignedInStaff staff() {
    return session.staff();
  }

  /** The clock deadlines and ages are shown by, in the staff member's zone. */
  public Clock clock() {
    return Clock.system(zone);
  }
}
