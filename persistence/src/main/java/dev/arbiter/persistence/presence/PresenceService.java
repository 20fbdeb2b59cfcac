package dev.arbiter.persistence.presence;

import dev.arbiter.model.presence.ConsolePresence;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.DataAccess.Audited;
import dev.arbiter.persistence.access.Sql;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.type.StandardBasicTypes;

/**
 * Who is on which record, in {@code console_presence}. Each console publishes its own rows on a
 * heartbeat, under an id of its own so the same login signed in twice keeps two sets of rows (and
 * row-level security lets a login write only its own); readers ignore rows older than the
 * time-to-live, so a console that vanished stops showing without anyone cleaning up after it. One
 * service is one console.
 */
public final class PresenceService {

  // One statement for all of this console's rows; the heartbeat is the database's clock, which
  // every reader's time-to-live is measured by.
  private static final String UPSERT =
      "INSERT INTO console_presence (console_id, entity_type, entity_id, mode)"
          + " SELECT CAST(? AS uuid), u.entity_type, u.entity_id, u.mode"
          + " FROM unnest(CAST(? AS text[]), CAST(? AS bigint[]), CAST(? AS text[]))"
          + " AS u(entity_type, entity_id, mode)"
          + " ON CONFLICT (staff_login, console_id, entity_type, entity_id)"
          + " DO UPDATE SET mode = EXCLUDED.mode, heartbeat_at = now()";
  private static final String DELETE_LEFT =
      "DELETE FROM console_presence WHERE console_id = CAST(? AS uuid)"
          + " AND entity_type || ':' || entity_id <> ALL (CAST(? AS text[]))";
  // One line per person and record, however many consoles they have it open in; editing wins.
  // The rows come back as ConsolePresence entities, with the name beside them.
  private static final String OTHERS =
      "SELECT * FROM ("
          + " SELECT DISTINCT ON (p.entity_type, p.entity_id, p.staff_login)"
          + " p.console_id, p.staff_login, p.entity_type, p.entity_id, p.mode, p.heartbeat_at,"
          + " coalesce(s.display_name, p.staff_login) AS name FROM console_presence p"
          + " LEFT JOIN staff_accounts s ON s.login_role = p.staff_login"
          + " WHERE p.staff_login <> session_user"
          + " AND p.heartbeat_at > now() - make_interval(secs => ?)"
          + " ORDER BY p.entity_type, p.entity_id, p.staff_login, p.mode = 'editing' DESC,"
          + " p.heartbeat_at DESC) o"
          + " ORDER BY entity_type, entity_id, mode = 'editing' DESC, name";

  private final DataAccess access;
  private final Duration timeToLive;
  private final UUID consoleId = UUID.randomUUID();

  /**
   * @param timeToLive how long a row counts after its last heartbeat; several heartbeats long, so
   *     one late heartbeat does not make someone flicker away
   */
  public PresenceService(DataAccess access, Duration timeToLive) {
    this.access = access;
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
    List<Map.Entry<PresenceKey, PresenceMode>> rows = List.copyOf(mine.entrySet());
    access.write(
        Audited.as("presence"),
        session -> {
          Sql.update(
              session,
              UPSERT,
              consoleId.toString(),
              rows.stream().map(e -> e.getKey().entityType()).toArray(String[]::new),
              rows.stream().map(e -> e.getKey().entityId()).toArray(Long[]::new),
              rows.stream().map(e -> e.getValue().dbValue()).toArray(String[]::new));
          return Sql.update(
              session,
              DELETE_LEFT,
              consoleId.toString(),
              rows.stream()
                  .map(e -> e.getKey().entityType() + ":" + e.getKey().entityId())
                  .toArray(String[]::new));
        });
  }

  /** Everyone else with a live heartbeat, on any record. */
  public List<Presence> others() throws SQLException {
    return access.read(
        session ->
            session
                .createNativeQuery(OTHERS, Object[].class)
                .addEntity("o", ConsolePresence.class)
                .addScalar("name", StandardBasicTypes.STRING)
                .setParameter(1, timeToLive.toMillis() / 1000.0)
                .getResultList()
                .stream()
                .map(row -> presence((ConsolePresence) row[0], (String) row[1]))
                .toList());
  }

  private static Presence presence(ConsolePresence row, String name) {
    return new Presence(
        row.getKey().getStaffLogin(),
        name,
        new PresenceKey(row.getKey().getEntityType().dbValue(), row.getKey().getEntityId()),
        PresenceMode.fromDb(row.getMode().dbValue()),
        row.getHeartbeatAt());
  }

  /** Removes rows no console has heartbeated for a long time (left by crashed consoles). */
  public int sweep() throws SQLException {
    return access.write(
        Audited.as("presence sweep"),
        session ->
            Sql.one(session, "SELECT presence_sweep() AS swept", row -> row.getInt("swept")));
  }
}
