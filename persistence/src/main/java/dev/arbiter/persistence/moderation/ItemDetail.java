package dev.arbiter.persistence.moderation;

import dev.arbiter.persistence.timeline.TimelineEntry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Everything a moderator reads before deciding an item: the flagged content (read-only), every flag
 * with its reporter, the author's history and the audit timeline of the item's flags and decisions.
 */
public record ItemDetail(
    ItemKey key,
    String preview,
    List<Field> content,
    boolean hidden,
    List<FlagLine> flags,
    AuthorHistory author,
    List<DecisionEntry> decisions,
    List<TimelineEntry> timeline) {

  public ItemDetail {
    content = List.copyOf(content);
    flags = List.copyOf(flags);
    decisions = List.copyOf(decisions);
    timeline = List.copyOf(timeline);
  }

  /**
   * One labelled value of the flagged record, typed so that the console writes each kind of value
   * its one way: a moment in the reader's zone, an amount in its currency, a stored constant as
   * words. {@code value} is null when the record has none (a message that was never hidden).
   */
  public record Field(String label, Value value) {}

  /** What a field holds. */
  public sealed interface Value permits Text, Word, Moment, Amount {}

  /** Free text, shown as it is. */
  public record Text(String text) implements Value {}

  /** A stored constant such as {@code fixed_price} or {@code parties}. */
  public record Word(String constant) implements Value {}

  /** An instant. */
  public record Moment(Instant at) implements Value {}

  /** An amount in the currency's minor units. */
  public record Amount(long minorUnits, String currency) implements Value {}

  /**
   * One flag. {@code reporterAccuracy} is actioned / decided of the reporter's flags (null before
   * any was decided); {@code reporterWeight} is what the flag adds to the item's priority.
   */
  public record FlagLine(
      long id,
      long reporterId,
      String reporterName,
      int reporterDecided,
      BigDecimal reporterAccuracy,
      BigDecimal reporterWeight,
      String reason,
      String severity,
      String details,
      String status,
      Instant flaggedAt,
      String claimedBy,
      String decision,
      String decidedBy) {}

  /** A flag on another item by the same author. */
  public record EarlierFlag(
      ItemKey key, String reason, String severity, String status, Instant at) {}

  /**
   * The marketplace user behind the item (null fields when it has none, e.g. a staff message).
   * {@code decisions} are the warnings and suspensions made against them.
   */
  public record AuthorHistory(
      Long userId,
      String name,
      String status,
      Instant suspendedUntil,
      List<EarlierFlag> earlierFlags,
      List<DecisionEntry> decisions) {

    public AuthorHistory {
      earlierFlags = List.copyOf(earlierFlags);
      decisions = List.copyOf(decisions);
    }
  }
}
