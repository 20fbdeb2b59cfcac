package dev.arbiter.persistence.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

class ConnectionFailuresTest {

  @Test
  void connectionClassStatesAndServerShutdownAreLostConnections() {
    assertThat(ConnectionFailures.isConnectionLost(new SQLException("x", "08006"))).isTrue();
    assertThat(ConnectionFailures.isConnectionLost(new SQLException("x", "57P01"))).isTrue();
    assertThat(ConnectionFailures.isConnectionLost(new SQLTransientConnectionException("pool")))
        .isTrue();
    assertThat(
            ConnectionFailures.isConnectionLost(
                new IllegalStateException(
                    new JDBCConnectionException("x", new SQLException("y", "08003")))))
        .isTrue();
  }

  @Test
  void refusalsAreNotLostConnections() {
    assertThat(ConnectionFailures.isConnectionLost(new SQLException("x", "40001"))).isFalse();
    assertThat(ConnectionFailures.isConnectionLost(new SQLException("x", "23514"))).isFalse();
    assertThat(ConnectionFailures.isConnectionLost(new SQLException("no state"))).isFalse();
    assertThat(ConnectionFailures.isConnectionLost(new IllegalArgumentException())).isFalse();
  }
}
