package dev.arbiter.persistence.testing;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the shared-server tests find a server a DBA set up (README, "Tests on a shared server"):
 * {@code .ci/shared-server} prints these variables for the server and pooler it makes.
 *
 * @param serverUrl {@code ARBITER_TEST_SERVER_URL}: the database the DBA made for the migrator; it
 *     is migrated and becomes the template of every test database
 * @param migratorPassword {@code ARBITER_TEST_SERVER_MIGRATOR_PASSWORD}: of {@code
 *     arbiter_migrator}, which has {@code CREATEROLE} and, on a test server only, {@code CREATEDB}
 * @param superuser {@code ARBITER_TEST_SERVER_SUPERUSER} (default {@code postgres}) with {@code
 *     ARBITER_TEST_SERVER_SUPERUSER_PASSWORD}: what the embedded tests do as {@code postgres}
 * @param poolerUrl {@code ARBITER_TEST_POOLER_URL}: PgBouncer, transaction mode, in front of it
 * @param poolerAdminPassword {@code ARBITER_TEST_POOLER_ADMIN_PASSWORD}: of {@code
 *     arbiter_pooler_admin} on PgBouncer's console, to cut the pooler's connections
 */
public record SharedServerSettings(
    String serverUrl,
    String migratorPassword,
    String superuser,
    String superuserPassword,
    Optional<String> poolerUrl,
    Optional<String> poolerAdminPassword) {

  public static final String URL = "ARBITER_TEST_SERVER_URL";
  public static final String POOLER_ADMIN = "arbiter_pooler_admin";

  private static final Pattern JDBC_URL =
      Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(\\?.*)?");

  /** The settings, or empty when {@code ARBITER_TEST_SERVER_URL} is not set. */
  public static Optional<SharedServerSettings> fromEnvironment(Map<String, String> env) {
    String url = env.get(URL);
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    return Optional.of(
        new SharedServerSettings(
            url,
            required(env, "ARBITER_TEST_SERVER_MIGRATOR_PASSWORD"),
            env.getOrDefault("ARBITER_TEST_SERVER_SUPERUSER", "postgres"),
            required(env, "ARBITER_TEST_SERVER_SUPERUSER_PASSWORD"),
            Optional.ofNullable(env.get("ARBITER_TEST_POOLER_URL")),
            Optional.ofNullable(env.get("ARBITER_TEST_POOLER_ADMIN_PASSWORD"))));
  }

  private static String required(Map<String, String> env, String variable) {
    String value = env.get(variable);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException(
          URL + " is set but " + variable + " is not; see the README's shared-server tests");
    }
    return value;
  }

  /** The database the DBA made, named in {@link #serverUrl}. */
  public String database() {
    return parts(serverUrl).group(2);
  }

  /** The server's URL for another database. */
  public String serverUrl(String database) {
    return withDatabase(serverUrl, database);
  }

  /** The pooler's URL for {@code database}. */
  public String poolerUrl(String database) {
    return withDatabase(
        poolerUrl.orElseThrow(() -> new IllegalStateException("ARBITER_TEST_POOLER_URL not set")),
        database);
  }

  private static String withDatabase(String url, String database) {
    Matcher m = parts(url);
    return m.group(1) + database + (m.group(3) == null ? "" : m.group(3));
  }

  private static Matcher parts(String url) {
    Matcher m = JDBC_URL.matcher(url);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not a jdbc:postgresql://host:port/database URL: " + url.replaceAll("\\?.*", ""));
    }
    return m;
  }
}
