package dev.arbiter.persistence.db;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens superuser connections to an embedded server, which trusts its local superuser. */
@FunctionalInterface
public interface SuperuserConnections {

  Connection open(String database) throws SQLException;
}
