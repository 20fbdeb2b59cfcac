package dev.arbiter.persistence.pooler;

import dev.arbiter.persistence.testing.SharedServerSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * PgBouncer's admin console (the {@code pgbouncer} database, as {@code arbiter_pooler_admin}): to
 * cut the pooler's connections as an outage does, and to see its pools and server connections.
 * Reached with psql, which the postgresql package brings: the console takes no startup parameter it
 * does not know, and the JDBC driver always sends {@code extra_float_digits}.
 */
final class PgBouncerConsole {

  /** One pool's line of {@code SHOW POOLS}. */
  record Pool(String database, String user, int clientsActive, int clientsWaiting) {}

  private final SharedServerSettings settings;

  PgBouncerConsole(SharedServerSettings settings) {
    this.settings = settings;
  }

  /** Drops every client and server connection of {@code database}; new ones wait for resume. */
  void kill(String database) {
    rows("KILL " + database);
  }

  void resume(String database) {
    rows("RESUME " + database);
  }

  List<Pool> pools(String database) {
    return rows("SHOW POOLS").stream()
        .filter(r -> r.get("database").equals(database))
        .map(
            r ->
                new Pool(
                    database,
                    r.get("user"),
                    Integer.parseInt(r.get("cl_active")),
                    Integer.parseInt(r.get("cl_waiting"))))
        .toList();
  }

  /** The backend process ids of the server connections PgBouncer holds for {@code database}. */
  List<Integer> serverPids(String database) {
    return rows("SHOW SERVERS").stream()
        .filter(r -> r.get("database").equals(database))
        .map(r -> Integer.parseInt(r.get("remote_pid")))
        .toList();
  }

  /** The rows {@code command} answers, each by column name. */
  private List<Map<String, String>> rows(String command) {
    URI pooler = URI.create(settings.poolerUrl("pgbouncer").substring("jdbc:".length()));
    ProcessBuilder psql =
        new ProcessBuilder(
            "psql",
            "-X",
            "-q",
            "-A",
            "-F",
            "\t",
            "-P",
            "footer=off",
            "-h",
            pooler.getHost(),
            "-p",
            Integer.toString(pooler.getPort()),
            "-U",
            SharedServerSettings.POOLER_ADMIN,
            "-d",
            "pgbouncer",
            "-c",
            command);
    psql.environment()
        .put(
            "PGPASSWORD",
            settings
                .poolerAdminPassword()
                .orElseThrow(
                    () -> new IllegalStateException("ARBITER_TEST_POOLER_ADMIN_PASSWORD not set")));
    psql.redirectErrorStream(true);
    try {
      Process p = psql.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("psql " + command + " failed: " + out);
      }
      return table(out);
    } catch (IOException e) {
      throw new IllegalStateException("could not run psql for PgBouncer's console", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<Map<String, String>> table(String out) {
    List<String> lines = out.lines().filter(l -> !l.isBlank()).toList();
    List<Map<String, String>> rows = new ArrayList<>();
    if (lines.isEmpty()) {
      return rows;
    }
    List<String> names = Arrays.asList(lines.get(0).split("\t", -1));
    for (String line : lines.subList(1, lines.size())) {
      String[] values = line.split("\t", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < names.size() && i < values.length; i++) {
        row.put(names.get(i), values[i]);
      }
      rows.add(row);
    }
    return rows;
  }
}
