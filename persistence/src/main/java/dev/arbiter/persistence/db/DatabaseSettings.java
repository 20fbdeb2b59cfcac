package dev.arbiter.persistence.db;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Which database Arbiter talks to. Without configuration it is the embedded demo server; with
 * {@code ARBITER_DB_URL} (or {@code db.url} in {@code $ARBITER_HOME/arbiter.properties}) it is a
 * shared server. {@code ARBITER_DB_USER}/{@code ARBITER_DB_PASSWORD} ({@code db.user}, {@code
 * db.password}) are the credentials the command-line tools use there; the console asks each staff
 * member for their own at sign-in. {@code ARBITER_DB_POOL_URL} ({@code db.pool_url}) names a pooler
 * in transaction mode (PgBouncer) in front of that server: the console's pooled connections go
 * through it, while its LISTEN connection and every command-line tool keep to {@code
 * ARBITER_DB_URL} (docs/OPERATIONS.md).
 */
public record DatabaseSettings(
    ArbiterHome home,
    Optional<String> sharedUrl,
    Optional<String> user,
    Optional<String> password,
    Optional<String> poolUrl) {

  public static final String DATABASE_NAME = "arbiter";

  /** Settings without a pooler. */
  public DatabaseSettings(
      ArbiterHome home,
      Optional<String> sharedUrl,
      Optional<String> user,
      Optional<String> password) {
    this(home, sharedUrl, user, password, Optional.empty());
  }

  public static DatabaseSettings resolve(Map<String, String> env) {
    ArbiterHome home = ArbiterHome.resolve(env);
    Properties file = readConfig(home);
    return new DatabaseSettings(
        home,
        pick(env, "ARBITER_DB_URL", file, "db.url"),
        pick(env, "ARBITER_DB_USER", file, "db.user"),
        pick(env, "ARBITER_DB_PASSWORD", file, "db.password"),
        pick(env, "ARBITER_DB_POOL_URL", file, "db.pool_url"));
  }

  public boolean embedded() {
    return sharedUrl.isEmpty();
  }

  private static Optional<String> pick(
      Map<String, String> env, String variable, Properties file, String key) {
    String value = env.get(variable);
    if (value == null || value.isBlank()) {
      value = file.getProperty(key);
    }
    return Optional.ofNullable(value).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static Properties readConfig(ArbiterHome home) {
    Properties properties = new Properties();
    if (Files.isRegularFile(home.configFile())) {
      try (Reader reader = Files.newBufferedReader(home.configFile())) {
        properties.load(reader);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + home.configFile(), e);
      }
    }
    return properties;
  }
}
