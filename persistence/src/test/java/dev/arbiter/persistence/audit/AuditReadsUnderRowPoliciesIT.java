package dev.arbiter.persistence.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The audit area's reads as support, for whom row policies (V88) leave gaps in the ids: pages, time
 * ranges, single entries, record histories, exports and the chain head show exactly the entries
 * support may read, and nothing assumes that ids follow each other.
 */
class AuditReadsUnderRowPoliciesIT {

  private static TestDatabase db;
  private static List<Long> hidden;
  private static long last;
  private static DataSource support;

  @BeforeAll
  static void chain() throws SQLException {
    db = HiddenEntriesChain.build();
    hidden = HiddenEntriesChain.hiddenFrom(db, "demo_support");
    last = HiddenEntriesChain.lastId(db);
    support = db.dataSource("demo_support", "demo");
  }

  @Test
  void pagesListEveryEntrySupportMayReadOnceAndNoOther() {
    AuditQueryService queries = new AuditQueryService(db.access("demo_support"), false);
    List<Long> listed = new ArrayList<>();
    long before = Long.MAX_VALUE;
    AuditPage page;
    do {
      page = queries.page(AuditFilter.none(), before, 500);
      page.entries().forEach(e -> listed.add(e.id()));
      before = page.oldestId();
    } while (page.hasOlder());

    assertThat(listed).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    assertThat(listed).hasSize((int) last - hidden.size()).doesNotContainAnyElementsOf(hidden);
  }

  @Test
  void aTimeRangeBoundedByHiddenEntriesHoldsTheReadableEntriesBetweenThem() throws SQLException {
    long fromId = hidden.get(500);
    long toId = hidden.get(2_250);
    AuditFilter range = AuditFilter.none().between(occurredAt(fromId), occurredAt(toId));

    List<Long> listed = new ArrayList<>();
    long before = Long.MAX_VALUE;
    AuditPage page;
    AuditQueryService queries = new AuditQueryService(db.access("demo_support"), false);
    do {
      page = queries.page(range, before, 1_000);
      page.entries().forEach(e -> listed.add(0, e.id()));
      before = page.oldestId();
    } while (page.hasOlder());

    List<Long> expected = new ArrayList<>();
    for (long id = fromId; id < toId; id++) {
      if (!hidden.contains(id)) {
        expected.add(id);
      }
    }
    assertThat(expected).hasSizeGreaterThan(100);
    assertThat(listed).isEqualTo(expected);
  }

  @Test
  void anEntrySupportMayNotReadIsNotFoundByItsId() {
    AuditQueryService queries = new AuditQueryService(db.access("demo_support"), false);
    assertThat(queries.entry(hidden.get(0))).isEmpty();
    assertThat(queries.entry(hidden.get(0) - 1)).isPresent();
  }

  @Test
  void aWalletsHistoryIsFinancesNotSupports() throws SQLException {
    String wallet = walletOf(hidden.get(0));

    assertThat(
            new RecordHistoryService(db.access("demo_support"), false)
                .history("wallets", wallet)
                .changes())
        .isEmpty();
    assertThat(
            new RecordHistoryService(db.access("demo_finance"), false)
                .history("wallets", wallet)
                .changes())
        .extracting(AuditRecord::id)
        .containsExactly(hidden.get(0));
  }

  @Test
  void anExportCountsAndWritesOnlyWhatSupportMayRead() {
    AuditExportService export = new AuditExportService(support, false);
    var out = new ByteArrayOutputStream();
    long[] reported = new long[2];

    long written =
        export.export(
            AuditFilter.none(),
            ExportFormat.JSON_LINES,
            out,
            (rows, total) -> {
              reported[0] = rows;
              reported[1] = total;
            },
            () -> false);

    assertThat(written).isEqualTo(last - hidden.size());
    assertThat(out.toString(StandardCharsets.UTF_8).split("\n")).hasSize((int) written);
    assertThat(reported).containsExactly(written, written);
  }

  @Test
  void theHeadIsReadByItsLinkWhenItsEntryIsHidden() {
    ChainHead asSupport = CommandDatabase.of(support, "support").head();
    ChainHead asWorker =
        CommandDatabase.of(db.dataSource(TestDatabase.WORKER, "demo"), "the worker").head();
    ChainHead asAdmin = CommandDatabase.of(db.dataSource("demo_admin", "demo"), "admin").head();

    assertThat(asSupport.anchor().entryId()).isEqualTo(last);
    assertThat(asSupport.anchor()).isEqualTo(asAdmin.anchor()).isEqualTo(asWorker.anchor());
    assertThat(asSupport.occurredAt()).as("support may not read the newest entry").isNull();
    assertThat(asWorker.occurredAt()).as("the worker reads no entry").isNull();
    assertThat(asAdmin.occurredAt()).isNotNull();
  }

  private static Instant occurredAt(long id) throws SQLException {
    try (Connection c = db.superuser();
        PreparedStatement ps =
            c.prepareStatement("SELECT occurred_at FROM audit_log WHERE id = ?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, OffsetDateTime.class).toInstant();
      }
    }
  }

  private static String walletOf(long entry) throws SQLException {
    try (Connection c = db.superuser();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT entity_id FROM audit_log WHERE id = ? AND entity_type = 'wallets'")) {
      ps.setLong(1, entry);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }
}
