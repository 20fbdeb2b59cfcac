package dev.arbiter.app.login;

import dev.arbiter.persistence.db.StaffLogins;
import dev.arbiter.persistence.staff.StaffRole;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A demo staff account offered on the login screen of the embedded demo server. */
public record DemoAccount(String login, String displayName, String rolesText, String password) {

  /** The demo server's staff accounts, in the order the login screen lists them. */
  public static List<DemoAccount> all() {
    return StaffLogins.DEMO_LOGINS.stream()
        .map(
            d ->
                new DemoAccount(
                    d.login(), d.displayName(), titles(d.groups()), StaffLogins.DEMO_PASSWORD))
        .toList();
  }

  private static String titles(List<String> groups) {
    return Arrays.stream(StaffRole.values())
        .filter(role -> groups.contains(role.groupRole()))
        .map(StaffRole::title)
        .collect(Collectors.joining(", "));
  }
}
