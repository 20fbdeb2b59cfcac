package dev.arbiter.persistence.session;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The database a console window works against.
 *
 * @param jdbcUrl the PostgreSQL JDBC URL of the server itself, without credentials; staff sign in
 *     with their own login. The change feed's LISTEN connection always uses it.
 * @param demoMode true for the embedded demo server, whose demo accounts the login screen offers
 * @param serverLabel a short human name for the server, shown on the login screen and status bar
 * @param poolUrl where the pooled connections go: {@code jdbcUrl} itself, or a pooler in
 *     transaction mode (PgBouncer) in front of the server ({@link #pooled()})
 */
public record ConsoleTarget(String jdbcUrl, boolean demoMode, String serverLabel, String poolUrl) {

  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("([?&])password=[^&]*", Pattern.CASE_INSENSITIVE);
  private static final Pattern USER_INFO = Pattern.compile("//[^/@]*@");

  public ConsoleTarget {
    requirePostgres(jdbcUrl, "jdbcUrl");
    poolUrl = poolUrl == null ? jdbcUrl : requirePostgres(poolUrl, "poolUrl");
    serverLabel = serverLabel == null || serverLabel.isBlank() ? redact(jdbcUrl) : serverLabel;
  }

  /** A console connected straight to the server, without a pooler. */
  public ConsoleTarget(String jdbcUrl, boolean demoMode, String serverLabel) {
    this(jdbcUrl, demoMode, serverLabel, null);
  }

  private static String requirePostgres(String url, String name) {
    Objects.requireNonNull(url, name);
    if (!url.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + redact(url));
    }
    return url;
  }

  /** Whether the pooled connections go through a pooler rather than straight to the server. */
  public boolean pooled() {
    return !poolUrl.equals(jdbcUrl);
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
