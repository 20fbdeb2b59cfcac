package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.arbiter.persistence.audit.AuditFixture.Written;
import dev.arbiter.persistence.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An export holds exactly the rows its filter selects, in the view's order, with every hashed field
 * exact: a CSV row can be hashed again and matches its stored hash.
 */
class AuditExportServiceIT {

  private static final int BULK = 100_000;

  private static TestDatabase db;
  private static Written fixture;
  private static AuditFilter bulk;

  @TempDir Path dir;

  @BeforeAll
  static void entries() throws SQLException {
    db = TestDatabase.fresh();
    fixture = AuditFixture.write(db);
    Instant from = clock();
    try (Connection owner = db.migrator();
        Statement s = owner.createStatement()) {
      // Text that CSV must quote: commas, quotes, line breaks, and non-ASCII.
      s.execute(
          "INSERT INTO users (email, display_name, kind, metadata)"
              + " SELECT 'bulk' || g || '@example.test', 'Bulk, \"user\" ' || g, 'client',"
              + " jsonb_build_object('line', 'one' || chr(10) || 'two', 'n', g, 'ü', 2.50)"
              + " FROM generate_series(1, "
              + BULK
              + ") g");
    }
    // One statement this long is too old to seal as it commits; the worker would seal it next.
    AuditEntries.seal(db);
    Instant to = clock();
    try (Connection admin = db.as("demo_admin")) {
      // An entry after the window, of the same type: the filter must leave it out.
      admin
          .createStatement()
          .execute("UPDATE workspaces SET name = 'After' WHERE id = " + fixture.seed().workspace());
    }
    bulk = AuditFilter.none().withEntityType("users").withAction("insert").between(from, to);
  }

  @Test
  void csvOfOneHundredThousandEntriesEqualsTheQueryRowsInOrderAndEachRowReHashes()
      throws Exception {
    AuditExportService export = new AuditExportService(db.superuserDataSource(), true);
    Path file = dir.resolve("audit.csv");
    List<long[]> progress = new ArrayList<>();

    long written =
        export.export(
            bulk,
            ExportFormat.CSV,
            file,
            (rows, total) -> progress.add(new long[] {rows, total}),
            () -> false);

    List<List<String>> csv = CsvRows.parse(Files.readString(file));
    assertThat(csv.get(0)).containsExactly(ExportWriter.COLUMNS);
    List<List<String>> rows = csv.subList(1, csv.size());
    List<List<String>> expected = queryRows(bulk);
    assertThat(written).isEqualTo(BULK);
    assertThat(rows).hasSize(BULK);
    assertThat(rows).isEqualTo(expected);
    assertThat(progress.get(progress.size() - 1)).containsExactly(BULK, BULK);

    AuditCanonicalForm form = new AuditCanonicalForm();
    for (List<String> row : rows) {
      assertThat(HexFormat.of().formatHex(form.hash(entry(row)))).isEqualTo(row.get(14));
    }
  }

  @Test
  void jsonLinesCarryTheSameRowsWithValuesAsJson() throws Exception {
    AuditExportService export = new AuditExportService(db.superuserDataSource(), true);
    var out = new ByteArrayOutputStream();
    AuditFilter few = AuditFilter.none().withEntityType("disputes");

    long written = export.export(few, ExportFormat.JSON_LINES, out, (r, t) -> {}, () -> false);

    String[] lines = out.toString(StandardCharsets.UTF_8).split("\n");
    List<List<String>> expected = queryRows(few);
    assertThat(lines).hasSize(expected.size());
    assertThat(written).isEqualTo(expected.size());
    for (int i = 0; i < lines.length; i++) {
      JsonNode line = JsonValues.parse(lines[i]);
      List<String> row = expected.get(i);
      assertThat(line.get("id").asText()).isEqualTo(row.get(0));
      assertThat(line.get("occurred_at").asText()).isEqualTo(row.get(1));
      assertThat(line.get("actor").asText()).isEqualTo(row.get(2));
      assertThat(JsonValues.jsonbText(line.get("new_values")))
          .isEqualTo(row.get(11) == null ? "null" : row.get(11));
      assertThat(line.get("hash").asText()).isEqualTo(row.get(14));
    }
  }

  @Test
  void staffExportsHaveHiddenKeysRemovedAndCounted() throws Exception {
    AuditExportService export =
        new AuditExportService(db.dataSource("demo_support", "demo"), false);
    var out = new ByteArrayOutputStream();
    AuditFilter hidden = AuditFilter.record("users", Long.toString(fixture.hiddenUser()));

    export.export(hidden, ExportFormat.JSON_LINES, out, (r, t) -> {}, () -> false);

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("_internal", "privateNote").contains("\"hidden_keys\": 2");
    var needle = new ByteArrayOutputStream();
    export.export(
        AuditFilter.none().withText("needle"), ExportFormat.CSV, needle, (r, t) -> {}, () -> false);
    assertThat(CsvRows.parse(needle.toString(StandardCharsets.UTF_8)))
        .hasSize(2)
        .element(1)
        .satisfies(row -> assertThat(row.get(7)).isEqualTo(Long.toString(fixture.visibleUser())));
  }

  @Test
  void cancelledExportLeavesNoFileBehind() {
    AuditExportService export = new AuditExportService(db.superuserDataSource(), true);
    Path file = dir.resolve("cancelled.csv");

    assertThatThrownBy(() -> export.export(bulk, ExportFormat.CSV, file, (r, t) -> {}, () -> true))
        .isInstanceOf(CancellationException.class);
    assertThat(file).doesNotExist();
    assertThat(dir.resolve("cancelled.csv.part")).doesNotExist();
  }

  @Test
  void anExportedFileIsReadableByItsOwnerOnly() throws Exception {
    AuditExportService export = new AuditExportService(db.superuserDataSource(), true);
    Path file = dir.resolve("owner-only.csv");

    export.export(bulk, ExportFormat.CSV, file, (r, t) -> {}, () -> false);

    assertThat(java.nio.file.Files.getPosixFilePermissions(file))
        .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
  }

  private static ChainEntry entry(List<String> row) {
    return new ChainEntry(
        Long.parseLong(row.get(0)),
        AuditCanonicalForm.epochMicros(OffsetDateTime.parse(row.get(1))),
        utf8(row.get(2)),
        utf8(row.get(3)),
        utf8(row.get(4)),
        utf8(row.get(5)),
        utf8(row.get(6)),
        utf8(row.get(7)),
        utf8(row.get(10)),
        utf8(row.get(11)),
        utf8(row.get(8)),
        utf8(row.get(9)),
        row.get(15) == null ? null : HexFormat.of().parseHex(row.get(15)),
        HexFormat.of().parseHex(row.get(13)),
        null);
  }

  private static byte[] utf8(String value) {
    return value == null ? null : value.getBytes(StandardCharsets.UTF_8);
  }

  /** The filter's rows straight from SQL, as the export's columns, newest first. */
  private static List<List<String>> queryRows(AuditFilter filter) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    StringBuilder where = new StringBuilder("entity_type = ?");
    if (filter.action() != null) {
      where.append(" AND action = '").append(filter.action()).append("'");
    }
    if (filter.from() != null) {
      where.append(" AND occurred_at >= ? AND occurred_at < ?");
    }
    try (Connection c = db.superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT id, occurred_at, actor, db_user, action, command, entity_type, entity_id,"
                    + " request_id, client_info, old_values::text, new_values::text, 0,"
                    + " encode(prev_hash, 'hex'), encode(hash, 'hex'), encode(salt, 'hex')"
                    + " FROM audit_log WHERE "
                    + where
                    + " ORDER BY id DESC")) {
      ps.setString(1, filter.entityType());
      if (filter.from() != null) {
        ps.setTimestamp(2, Timestamp.from(filter.from()));
        ps.setTimestamp(3, Timestamp.from(filter.to()));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<String> row = new ArrayList<>();
          row.add(rs.getString(1));
          row.add(ExportWriter.time(rs.getObject(2, OffsetDateTime.class).toInstant()));
          for (int col = 3; col <= 16; col++) {
            row.add(rs.getString(col));
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static Instant clock() throws SQLException {
    try (Connection c = db.superuser();
        ResultSet rs = c.createStatement().executeQuery("SELECT clock_timestamp()")) {
      rs.next();
      return rs.getObject(1, OffsetDateTime.class).toInstant();
    }
  }
}
