package dev.arbiter.persistence.moderation;

import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.model.moderation.ModerationFlag;
import dev.arbiter.persistence.access.DataAccess;
import dev.arbiter.persistence.access.Row;
import dev.arbiter.persistence.access.Sql;
import dev.arbiter.persistence.moderation.ItemContentQueries.Content;
import dev.arbiter.persistence.moderation.ItemDetail.AuthorHistory;
import dev.arbiter.persistence.moderation.ItemDetail.EarlierFlag;
import dev.arbiter.persistence.moderation.ItemDetail.Field;
import dev.arbiter.persistence.moderation.ItemDetail.FlagLine;
import dev.arbiter.persistence.session.StaffDatabaseException;
import dev.arbiter.persistence.timeline.TimelineEntry;
import dev.arbiter.persistence.timeline.TimelineRows;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * Loads one flagged item for the item view, in a single read-only snapshot: its flags as {@link
 * ModerationFlag} entities, the rest (content, reporters, author, decisions, timeline) as rows, a
 * fixed number of statements however many flags the item has.
 */
public final class ModerationItemService {

  private static final int MAX_FLAGS = 500;

  private static final String FLAGS =
      "from ModerationFlag f where f.entityType = :type and f.entityId = :id"
          + " order by case when f.status = :open then 0 else 1 end, f.severityRank desc,"
          + " f.createdAt, f.id";

  private final DataAccess access;

  public ModerationItemService(DataAccess access) {
    this.access = access;
  }

  /**
   * The item's content, flags, author history, decisions and audit timeline.
   *
   * @throws StaffDatabaseException when the database cannot be read
   */
  public ItemDetail load(ItemKey key) {
    return StaffDatabaseException.wrap(
        "Could not load " + key.label(), () -> access.snapshot(session -> read(session, key)));
  }

  private static ItemDetail read(Session session, ItemKey key) {
    Object[] item = {key.type().dbValue(), key.id()};
    record Header(String preview, boolean hidden) {}
    Header header =
        Sql.one(
            session,
            "SELECT moderation_item_preview(?, ?) AS preview, EXISTS (SELECT 1 FROM"
                + " moderation_hidden_content WHERE entity_type = ? AND entity_id = ?) AS hidden",
            row -> new Header(row.text("preview"), row.getBoolean("hidden")),
            key.type().dbValue(),
            key.id(),
            key.type().dbValue(),
            key.id());
    List<FlagLine> flags = flags(session, key);
    List<DecisionEntry> decisions = DecisionLog.read(session, DecisionLog.ON_ITEM, item);
    return new ItemDetail(
        key,
        header.preview(),
        content(session, key),
        header.hidden(),
        flags,
        author(session, key),
        decisions,
        timeline(session, key, flags, decisions));
  }

  private static List<Field> content(Session session, ItemKey key) {
    Content content = ItemContentQueries.of(key.type());
    return Sql.first(
            session,
            content.sql(),
            row ->
                content.labels().stream()
                    .map(label -> new Field(label, value(row, label, content)))
                    .toList(),
            key.id())
        .orElse(List.of());
  }

  private static ItemDetail.Value value(Row row, String label, Content content) {
    if (row.isNull(label)) {
      return null;
    }
    if (content.times().contains(label)) {
      return new ItemDetail.Moment(row.instant(label));
    }
    String currency = content.amounts().get(label);
    if (currency != null) {
      return new ItemDetail.Amount(row.getLong(label), row.text(currency));
    }
    return content.words().contains(label)
        ? new ItemDetail.Word(row.text(label))
        : new ItemDetail.Text(row.text(label));
  }

  private static List<FlagLine> flags(Session session, ItemKey key) {
    List<ModerationFlag> flags =
        session
            .createSelectionQuery(FLAGS, ModerationFlag.class)
            .setParameter("type", key.type())
            .setParameter("id", key.id())
            .setParameter("open", FlagStatus.OPEN)
            .setMaxResults(MAX_FLAGS)
            .getResultList();
    if (flags.isEmpty()) {
      return List.of();
    }
    Long[] reporterIds =
        flags.stream().map(ModerationFlag::getReporterId).distinct().toArray(Long[]::new);
    Map<Long, Reporter> reporters =
        Sql.list(session, ItemContentQueries.REPORTERS, Reporter::of, (Object) reporterIds).stream()
            .collect(Collectors.toMap(Reporter::id, Function.identity()));
    return flags.stream().map(f -> line(f, reporters.get(f.getReporterId()))).toList();
  }

  /** What the item view shows of one reporter. */
  private record Reporter(
      long id, String name, int decided, BigDecimal accuracy, BigDecimal weight) {
    static Reporter of(Row row) {
      return new Reporter(
          row.getLong("id"),
          row.text("display_name"),
          row.getInt("decided"),
          row.decimal("accuracy"),
          row.decimal("weight"));
    }
  }

  private static FlagLine line(ModerationFlag flag, Reporter reporter) {
    return new FlagLine(
        flag.getId(),
        flag.getReporterId(),
        reporter.name(),
        reporter.decided(),
        reporter.accuracy(),
        reporter.weight(),
        flag.getReason().dbValue(),
        flag.getSeverity().dbValue(),
        flag.getDetails(),
        flag.getStatus().dbValue(),
        flag.getCreatedAt(),
        flag.getAssignedTo(),
        flag.getDecision() == null ? null : flag.getDecision().dbValue(),
        flag.getDecidedBy());
  }

  private static AuthorHistory author(Session session, ItemKey key) {
    record Author(long id, String name, String status, java.time.Instant until) {}
    Optional<Author> found =
        Sql.first(
            session,
            ItemContentQueries.AUTHOR,
            row ->
                new Author(
                    row.getLong("id"),
                    row.text("display_name"),
                    row.text("status"),
                    row.instant("suspended_until")),
            key.type().dbValue(),
            key.id());
    if (found.isEmpty()) {
      return new AuthorHistory(null, null, null, null, List.of(), List.of());
    }
    Author author = found.get();
    long user = author.id();
    List<EarlierFlag> earlier =
        Sql.list(
            session,
            ItemContentQueries.EARLIER_FLAGS,
            row ->
                new EarlierFlag(
                    ItemKey.of(row.text("entity_type"), row.getLong("entity_id")),
                    row.text("reason"),
                    row.text("severity"),
                    row.text("status"),
                    row.instant("created_at")),
            user,
            user,
            user,
            user,
            user,
            key.type().dbValue(),
            key.id());
    List<DecisionEntry> against =
        DecisionLog.read(
            session,
            " WHERE d.subject_user_id = ? ORDER BY d.decided_at DESC, d.id DESC LIMIT 50",
            user);
    return new AuthorHistory(
        user, author.name(), author.status(), author.until(), earlier, against);
  }

  private static List<TimelineEntry> timeline(
      Session session, ItemKey key, List<FlagLine> flags, List<DecisionEntry> decisions) {
    return TimelineRows.read(
        session,
        ItemContentQueries.TIMELINE,
        flags.stream().map(f -> Long.toString(f.id())).toArray(String[]::new),
        decisions.stream().map(d -> Long.toString(d.id())).toArray(String[]::new),
        ItemContentQueries.table(key.type()),
        Long.toString(key.id()));
  }
}
