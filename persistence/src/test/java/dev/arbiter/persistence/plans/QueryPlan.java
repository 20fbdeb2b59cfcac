package dev.arbiter.persistence.plans;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.arbiter.persistence.access.Jdbc;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How PostgreSQL ran a queue's statement, from {@code EXPLAIN (ANALYZE, FORMAT JSON)}: which index
 * it read and how many rows each step read, discarded and sorted. The queue plan tests assert on
 * that shape and those counts, never on timings: "reads fifty open rows through the open-work
 * index" rather than "reads nine hundred thousand closed ones to find them".
 *
 * <p>A page statement runs with bound parameters, and PostgreSQL plans it two ways: with the values
 * (a custom plan) and, once the driver prepares it on the server, without them (a generic plan,
 * which it may keep for good). A queue is cheap only if both plans are, so the tests run both.
 */
public final class QueryPlan {

  /**
   * What reading a page may examine: its rows and their lookups, or a few hundred where the planner
   * walks another index from a cursor and skips rows in between; never the thousands of closed rows
   * a walk over the whole table's order reads before the open ones (tens of thousands in the
   * tests).
   */
  public static final int A_PAGE = 1_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String EXPLAIN = "EXPLAIN (ANALYZE, TIMING OFF, FORMAT JSON) ";

  /**
   * One step of the plan, with the rows it examined over all its loops (returned plus discarded by
   * its filter) and, for a sort, the rows it sorted.
   */
  record Node(String type, String table, String index, long examined, long sorted) {
    @Override
    public String toString() {
      return type
          + (table.isEmpty() ? "" : " on " + table)
          + (index.isEmpty() ? "" : " using " + index)
          + " (examined "
          + examined
          + (type.contains("Sort") ? ", sorted " + sorted : "")
          + ")";
    }
  }

  private final String label;
  private final List<Node> nodes = new ArrayList<>();

  private QueryPlan(String label, JsonNode root) {
    this.label = label;
    collect(root.get(0).get("Plan"));
  }

  /** Runs {@code sql} with {@code params} as PostgreSQL plans it for these values. */
  public static QueryPlan custom(Connection c, String sql, Object... params) throws SQLException {
    return new QueryPlan("custom plan of " + sql, explain(c, EXPLAIN + sql, params));
  }

  /**
   * Runs {@code sql} with {@code params} through the plan PostgreSQL makes without knowing them,
   * the one a prepared statement gets once it stops planning for each set of values.
   */
  public static QueryPlan generic(Connection c, String sql, Object... params) throws SQLException {
    StringBuilder numbered = new StringBuilder();
    int n = 0;
    for (char ch : sql.toCharArray()) {
      numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
    }
    List<String> literals = new ArrayList<>();
    for (Object param : params) {
      literals.add(literal(param));
    }
    // EXECUTE takes no bound parameters inside EXPLAIN: the values are written out as literals.
    String args = n == 0 ? "" : "(" + String.join(", ", literals) + ")";
    try (Statement s = c.createStatement()) {
      s.execute("SET plan_cache_mode = force_generic_plan");
      s.execute("PREPARE plan_under_test AS " + numbered);
      try {
        return new QueryPlan(
            "generic plan of " + sql, explain(c, EXPLAIN + "EXECUTE plan_under_test" + args));
      } finally {
        s.execute("DEALLOCATE plan_under_test");
        s.execute("RESET plan_cache_mode");
      }
    }
  }

  private static String literal(Object value) {
    if (value == null) {
      return "NULL";
    }
    if (value instanceof Number) {
      return value.toString();
    }
    if (value instanceof Object[] array) {
      List<String> items = new ArrayList<>();
      for (Object item : array) {
        items.add(literal(item));
      }
      return "ARRAY[" + String.join(", ", items) + "]";
    }
    if (OffsetDateTime.MAX.equals(value)) {
      return "'infinity'";
    }
    return "'" + value.toString().replace("'", "''") + "'";
  }

  /** Asserts that some step read {@code index}. */
  public QueryPlan uses(String index) {
    assertThat(nodes).as("%s%nreads %s", label, index).anyMatch(n -> n.index().equals(index));
    return this;
  }

  /**
   * Asserts that no table of more than {@code rows} rows was scanned whole, that the steps reading
   * {@code table} examined at most {@code rows} rows together, and that no step sorted more than
   * that.
   */
  public QueryPlan examinesAtMost(long rows, String table) {
    assertThat(nodes)
        .as("%s%nscans no table of more than %d rows whole", label, rows)
        .noneMatch(n -> n.type().equals("Seq Scan") && n.examined() > rows);
    assertThat(nodes.stream().filter(n -> n.table().equals(table)).mapToLong(Node::examined).sum())
        .as("%s%nrows of %s examined", label, table)
        .isLessThanOrEqualTo(rows);
    assertThat(nodes)
        .as("%s%nsorts at most %d rows", label, rows)
        .allMatch(n -> n.sorted() <= rows);
    return this;
  }

  private static JsonNode explain(Connection c, String sql, Object... params) throws SQLException {
    String plan = Jdbc.list(c, sql, row -> row.text("QUERY PLAN"), params).get(0);
    try {
      return JSON.readTree(plan);
    } catch (IOException e) {
      throw new IllegalStateException("EXPLAIN answered something other than JSON: " + plan, e);
    }
  }

  private void collect(JsonNode node) {
    long loops = number(node, "Actual Loops");
    long examined =
        loops
            * (number(node, "Actual Rows")
                + number(node, "Rows Removed by Filter")
                + number(node, "Rows Removed by Index Recheck"));
    String type = text(node, "Node Type");
    JsonNode children = node.get("Plans");
    long sorted =
        type.contains("Sort") && children != null
            ? number(children.get(0), "Actual Rows") * number(children.get(0), "Actual Loops")
            : 0;
    nodes.add(
        new Node(type, text(node, "Relation Name"), text(node, "Index Name"), examined, sorted));
    if (children != null) {
      children.forEach(this::collect);
    }
  }

  private static long number(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null ? 0 : value.asLong();
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null ? "" : value.asText();
  }
}
