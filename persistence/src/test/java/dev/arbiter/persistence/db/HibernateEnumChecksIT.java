package dev.arbiter.persistence.db;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.persistence.testing.TestDatabase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Table;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every enum a mapping converts holds exactly the values its column's CHECK allows, and every
 * column with such a CHECK is mapped to an enum, so a value added on one side only fails here
 * rather than when a row is first read.
 */
class HibernateEnumChecksIT {

  private static final Pattern LITERAL = Pattern.compile("'([^']*)'::text");

  private static TestDatabase db;

  @BeforeAll
  static void migrate() {
    db = TestDatabase.fresh();
  }

  @Test
  void everyConvertedEnumHoldsExactlyTheValuesItsCheckAllows() throws SQLException {
    Map<String, Class<?>> mapped = convertedEnumColumns();
    Map<String, Set<String>> checks = valueListChecks();

    assertThat(mapped).isNotEmpty();
    assertThat(mapped.keySet()).isEqualTo(checks.keySet());
    for (Map.Entry<String, Class<?>> column : mapped.entrySet()) {
      Set<String> javaValues =
          Arrays.stream(column.getValue().getEnumConstants())
              .map(c -> ((DatabaseValue) c).dbValue())
              .collect(Collectors.toCollection(TreeSet::new));
      assertThat(javaValues)
          .as("%s (%s)", column.getKey(), column.getValue().getSimpleName())
          .isEqualTo(checks.get(column.getKey()));
    }
  }

  /** table.column of every field mapped through an enum converter, with its enum type. */
  private static Map<String, Class<?>> convertedEnumColumns() {
    Map<String, Class<?>> columns = new TreeMap<>();
    for (Class<?> entity : HibernateFactory.ENTITIES) {
      String table = entity.getAnnotation(Table.class).name();
      for (Field field : entity.getDeclaredFields()) {
        List<Field> fields =
            field.isAnnotationPresent(EmbeddedId.class)
                ? List.of(field.getType().getDeclaredFields())
                : List.of(field);
        for (Field f : fields) {
          if (f.isAnnotationPresent(Convert.class)) {
            assertThat(f.getType().isEnum()).as(f.toString()).isTrue();
            assertThat(DatabaseValue.class).isAssignableFrom(f.getType());
            columns.put(table + "." + f.getAnnotation(Column.class).name(), f.getType());
          }
        }
      }
    }
    return columns;
  }

  /** table.column of every single-column "IN (...)" CHECK on a mapped table, with its values. */
  private static Map<String, Set<String>> valueListChecks() throws SQLException {
    Set<String> tables = new HashSet<>();
    HibernateFactory.ENTITIES.forEach(e -> tables.add(e.getAnnotation(Table.class).name()));
    Map<String, Set<String>> checks = new TreeMap<>();
    try (Connection c = db.superuser();
        PreparedStatement ps =
            c.prepareStatement(
                """
                SELECT rel.relname, a.attname, pg_get_constraintdef(con.oid)
                  FROM pg_constraint con
                  JOIN pg_class rel ON rel.oid = con.conrelid
                  JOIN pg_namespace ns ON ns.oid = rel.relnamespace AND ns.nspname = 'public'
                  JOIN pg_attribute a ON a.attrelid = rel.oid AND a.attnum = con.conkey[1]
                 WHERE con.contype = 'c' AND cardinality(con.conkey) = 1
                   AND pg_get_constraintdef(con.oid) LIKE '%= ANY (ARRAY[%'
                """);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        if (!tables.contains(rs.getString(1))) {
          continue;
        }
        Set<String> values = new TreeSet<>();
        Matcher m = LITERAL.matcher(rs.getString(3));
        while (m.find()) {
          values.add(m.group(1));
        }
        String column = rs.getString(1) + "." + rs.getString(2);
        assertThat(checks.put(column, values)).as("one value list on " + column).isNull();
      }
    }
    return checks;
  }
}
