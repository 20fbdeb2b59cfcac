package dev.arbiter.app.shell;

import dev.arbiter.app.login.LoginViewModel;
import dev.arbiter.persistence.session.ConsoleTarget;
import dev.arbiter.persistence.staff.SignInException;
import dev.arbiter.persistence.staff.SignInService;
import dev.arbiter.persistence.staff.SignedInStaff;
import dev.arbiter.persistence.staff.StaffSession;
import java.util.Optional;

/**
 * The one open staff session of this window. Signing in opens a pool in the staff member's name;
 * signing out closes it. Both run on background threads, hence the volatile field.
 */
final class StaffSessions implements LoginViewModel.Authenticator, AutoCloseable {

  private final SignInService signInService;
  private final ConsoleTarget target;
  private volatile StaffSession current;

  StaffSessions(SignInService signInService, ConsoleTarget target) {
    this.signInService = signInService;
    this.target = target;
  }

  @Override
  public SignedInStaff signIn(String login, String password) throws SignInException {
    StaffSession session = signInService.startSession(target, login, password);
    StaffSession previous = current;
    current = session;
    if (previous != null) {
      previous.close();
    }
    return session.staff();
  }

  Optional<StaffSession> current() {
    return Optional.ofNullable(current);
  }

  /**
   * Forgets the current session and hands it over for closing. Taking it on the FX thread and
   * closing it elsewhere means a quick sign-in that follows can never have its own pool closed.
   */
  Optional<StaffSession> detach() {
    StaffSession session = current;
    current = null;
    return Optional.ofNullable(session);
  }

  /** Closes the session's pool; does nothing when nobody is signed in. */
  void signOut() {
    detach().ifPresent(StaffSession::close);
  }

  @Override
  public void close() {
    signOut();
  }
}
