package dev.arbiter.tools.consoles;

import javax.sql.DataSource;

/**
 * The server the consoles work against and how they reach it.
 *
 * @param directUrl the server itself: each console's LISTEN connection, and the simulator
 * @param poolUrl PgBouncer in transaction mode in front of it, for the consoles' pooled connections
 * @param superuser an observer past the row policies: the audit trail, {@code pg_stat_activity}
 * @param admin a staff admin's login, which makes the consoles' logins
 * @param backendLogin a member of {@code marketplace_backend}, which the simulator logs in as
 * @param backendPassword its password
 * @param poolPerLogin PgBouncer's {@code default_pool_size}: server connections per login
 * @param poolLimit PgBouncer's {@code max_db_connections}: server connections for all logins, 0 for
 *     no limit
 */
public record LoadServer(
    String directUrl,
    String poolUrl,
    DataSource superuser,
    DataSource admin,
    String backendLogin,
    String backendPassword,
    int poolPerLogin,
    int poolLimit) {

  /** The server connections the pooler may open for {@code consoles} logins. */
  int poolBudget(int consoles) {
    int perLogin = poolPerLogin * consoles;
    return poolLimit == 0 ? perLogin : Math.min(perLogin, poolLimit);
  }
}
