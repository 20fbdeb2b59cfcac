package dev.arbiter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * No runtime role creates anything, by the doors CatalogGuardsIT does not look at (it checks
 * TEMPORARY and CREATE): large objects need neither, and outlive the session that made them.
 */
class NothingCreatedIT {

  private static TestDatabase db;

  @BeforeAll
  static void database() {
    db = TestDatabase.fresh();
  }

  @AfterEach
  void removeWhatGotThrough() throws SQLException {
    try (Connection su = db.superuser()) {
      Insider.exec(su, "SELECT lo_unlink(oid) FROM pg_largeobject_metadata");
    }
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"demo_support", "demo_finance", "demo_moderator", "demo_admin", "demo_backend"})
  void aRuntimeLoginCreatesNoLargeObject(String login) throws SQLException {
    try (Connection c = db.as(login)) {
      for (String create :
          new String[] {"SELECT lo_create(0)", "SELECT lo_from_bytea(0, '\\x0102'::bytea)"}) {
        assertThat(Insider.refused(c, create).getSQLState()).as(create).isEqualTo("42501");
      }
    }
    assertThat(Insider.count(db, "SELECT count(*) FROM pg_largeobject_metadata")).isZero();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {"demo_support", "demo_finance", "demo_moderator", "demo_admin", "demo_backend"})
  void aRuntimeLoginGivesItselfNoRoleAttribute(String login) throws SQLException {
    try (Connection c = db.as(login)) {
      for (String attribute : new String[] {"CREATEROLE", "CREATEDB", "BYPASSRLS", "SUPERUSER"}) {
        assertThat(Insider.refused(c, "ALTER ROLE " + login + " " + attribute).getSQLState())
            .as(attribute)
            .isEqualTo("42501");
      }
      assertThat(Insider.refused(c, "GRANT arbiter_admin TO " + login).getSQLState())
          .isEqualTo("42501");
    }
  }
}
