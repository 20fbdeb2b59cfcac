package dev.arbiter.persistence.session;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The database a console window works against.
 *
 * @param jdbcUrl the PostgreSQL JDBC URL, without credentials; staff sign in with their own login
 * @param demoMode true for the embedded demo server, whose demo accounts the login screen offers
 * @param serverLabel a short human name for the server, shown on the login screen and status bar
 */
public record ConsoleTarget(String jdbcUrl, boolean demoMode, String serverLabel) {

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("([?&])password=[^&]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  public ConsoleTarget {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + redact(jdbcUrl));
    }
    serverLabel = serverLabel == null || serverLabel.isBlank() ? redact(jdbcUrl) : serverLabel;
  }

  /** The URL as it may be shown on screen or in logs: any password or user info removed. */
  public String displayUrl() {
    return redact(jdbcUrl);
  }

  static String redact(String url) {
    String withoutPassword = PASSWORD_PARAMETER.matcher(url).replaceAll("$1password=***");
    return USER_INFO.matcher(withoutPassword).replaceAll("//");
  }
}
