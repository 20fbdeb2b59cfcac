package dev.arbiter.persistence.presence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Who is on which record, in {@code console_presence}. Each console publishes its own rows on a
 * heartbeat, under an id of its own so the same login signed in twice keeps two sets of rows (and
 * row-level security lets a login write only its own); readers ignore rows older than the
 * time-to-live, so a console that vanished stops showing without anyone cleaning up after it. One
 * service is one console.
 */
public final class PresenceService {

  private static final String UPSERT =
      "INSERT INTO console_presence (console_id, entity_type, entity_id, mode) VALUES (?, ?, ?, ?)"
          + " ON CONFLICT (staff_login, console_id, entity_type, entity_id)"
          + " DO UPDATE SET mode = EXCLUDED.mode, heartbeat_at = now()";
  private static final String DELETE_LEFT =
      "DELETE FROM console_presence WHERE console_id = ?"
          + " AND entity_type || ':' || entity_id <> ALL (?::text[])";
  // One line per person and record, however many consoles they have it open in; editing wins.
  private static final String OTHERS =
      "SELECT login, name, entity_type, entity_id, mode, heartbeat_at FROM ("
          + " SELECT DISTINCT ON (p.entity_type, p.entity_id, p.staff_login)"
          + " p.staff_login AS login, coalesce(s.display_name, p.staff_login) AS name,"
          + " p.entity_type, p.entity_id, p.mode, p.heartbeat_at FROM console_presence p"
          + " LEFT JOIN staff_accounts s ON s.login_role = p.staff_login"
          + " WHERE p.staff_login <> session_user"
          + " AND p.heartbeat_at > now() - make_interval(secs => ?)"
          + " ORDER BY p.entity_type, p.entity_id, p.staff_login, p.mode = 'editing' DESC,"
          + " p.heartbeat_at DESC) o"
          + " ORDER BY entity_type, entity_id, mode = 'editing' DESC, name";

  private final DataSource dataSource;
  private final Duration timeToLive;
  private final UUID consoleId = UUID.randomUUID();

  /**
   * @param timeToLive how long a row counts after its last heartbeat; several heartbeats long, so
   *     one late heartbeat does not make someone flicker away
   */
  public PresenceService(DataSource dataSource, Duration timeToLive) {
    this.dataSource = dataSource;
    this.timeToLive = timeToLive;
  }

  public Duration timeToLive() {
    return timeToLive;
  }

  /**
   * Makes this console's rows exactly {@code mine}, with a fresh heartbeat, in one transaction:
   * records it left are removed, records it is on are inserted or touched.
   */
  public void publish(Map<PresenceKey, PresenceMode> mine) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (PreparedStatement upsert = c.prepareStatement(UPSERT)) {
          for (Map.Entry<PresenceKey, PresenceMode> e : mine.entrySet()) {
            upsert.setObject(1, consoleId);
            upsert.setString(2, e.getKey().entityType());
            upsert.setLong(3, e.getKey().entityId());
            upsert.setString(4, e.getValue().dbValue());
            upsert.addBatch();
          }
          upsert.executeBatch();
        }
        try (PreparedStatement delete = c.prepareStatement(DELETE_LEFT)) {
          String[] keep =
              mine.keySet().stream()
                  .map(k -> k.entityType() + ":" + k.entityId())
                  .toArray(String[]::new);
          delete.setObject(1, consoleId);
          delete.setArray(2, c.createArrayOf("text", keep));
          delete.executeUpdate();
        }
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    }
  }

  /** Everyone else with a live heartbeat, on any record. */
  public List<Presence> others() throws SQLException {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(OTHERS)) {
      s.setDouble(1, timeToLive.toMillis() / 1000.0);
      List<Presence> result = new ArrayList<>();
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          result.add(
              new Presence(
                  rs.getString(1),
                  rs.getString(2),
                  new PresenceKey(rs.getString(3), rs.getLong(4)),
                  PresenceMode.fromDb(rs.getString(5)),
                  rs.getTimestamp(6).toInstant()));
        }
      }
      return result;
    }
  }

  /** Removes rows no console has heartbeated for a long time (left by crashed consoles). */
  public int sweep() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT presence_sweep()")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
