package dev.arbiter.persistence.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class SqlTextTest {

  private static final Set<String> RELATIONS = Set.of("disputes", "status_transitions", "pg_roles");

  @Test
  void findsATableReadWithoutItsSchema() {
    assertThat(
            SqlText.unqualifiedNames(
                "SELECT * INTO v_rule FROM status_transitions WHERE entity = v_entity", RELATIONS))
        .containsExactly("status_transitions");
  }

  @Test
  void acceptsQualifiedNamesAliasColumnsAndCalls() {
    assertThat(
            SqlText.unqualifiedNames(
                "SELECT d.disputes FROM public.disputes d JOIN pg_catalog.pg_roles r ON true"
                    + " WHERE disputes(1) AND x = public . status_transitions",
                RELATIONS))
        .isEmpty();
  }

  @Test
  void skipsLiteralsQuotedIdentifiersAndComments() {
    assertThat(
            SqlText.unqualifiedNames(
                "-- reads disputes\n SELECT 'disputes:' || x, \"pg_roles\" /* status_transitions */"
                    + " WHERE TG_TABLE_NAME = 'it''s disputes'",
                RELATIONS))
        .isEmpty();
  }
}
