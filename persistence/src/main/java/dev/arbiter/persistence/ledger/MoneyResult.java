package dev.arbiter.persistence.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a money function answered: {@code ok} or a typed refusal, with the figures it reported. A
 * replayed result is the stored answer to an earlier call with the same idempotency key; it had no
 * second effect.
 *
 * @param action the function's action name, e.g. {@code release}
 * @param outcome {@code ok} or a refusal code
 * @param message the database's own words, with figures
 * @param idempotencyKey the key the request carried
 * @param replayed true when this is the stored result of an earlier call with the same key
 * @param status the record's status afterwards, when the function reported it
 * @param journalId the journal posted, if any
 * @param payoutReference the payout reference of a release or settlement, if any
 * @param amountMinor the amount moved, if any
 * @param feeMinor the platform fee taken from it, if any
 * @param approvals distinct approvals so far, when reported
 * @param approvalsNeeded approvals needed, when reported
 * @param json the whole answer, for details not listed here
 */
public record MoneyResult(
    String action,
    String outcome,
    String message,
    String idempotencyKey,
    boolean replayed,
    String status,
    OptionalLong journalId,
    String payoutReference,
    OptionalLong amountMinor,
    OptionalLong feeMinor,
    OptionalLong approvals,
    OptionalLong approvalsNeeded,
    String json) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Reads the jsonb a money function returned. */
  public static MoneyResult parse(String text) {
    try {
      JsonNode n = JSON.readTree(text);
      return new MoneyResult(
          string(n, "action"),
          string(n, "outcome"),
          string(n, "message"),
          string(n, "idempotency_key"),
          n.path("replayed").asBoolean(false),
          string(n, "status"),
          number(n, "journal_id"),
          string(n, "payout_reference"),
          number(n, "amount_minor"),
          number(n, "fee_minor"),
          number(n, "approvals"),
          number(n, "approvals_needed"),
          text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("not a money function result: " + text, e);
    }
  }

  public boolean ok() {
    return "ok".equals(outcome);
  }

  /** The typed refusal, empty when the call succeeded. */
  public Optional<MoneyRefusal> refusal() {
    return ok() ? Optional.empty() : MoneyRefusal.fromCode(outcome);
  }

  /** One line for the reviewer: the refusal's sentence and the database's figures. */
  public String describe() {
    if (ok()) {
      return capitalised(message) + (replayed ? " (already done earlier with this request)" : "");
    }
    String why = refusal().map(MoneyRefusal::text).orElse("Refused (" + outcome + ").");
    return message == null || message.isBlank() ? why : why + " " + capitalised(message) + ".";
  }

  /** Writes an amount kept in minor units for a reader; the console passes its money format. */
  @FunctionalInterface
  public interface Amounts {
    String format(long minorUnits, String currencyCode);
  }

  /**
   * Like {@link #describe()}, but a refusal about amounts gives its figures in the currency's units
   * through {@code amounts}: the database's message counts minor units, which no reader should see.
   */
  public String describe(Amounts amounts) {
    String figures = ok() ? null : figures(amounts);
    if (figures == null) {
      return describe();
    }
    return refusal().map(MoneyRefusal::text).orElse("Refused (" + outcome + ").")
        + " "
        + capitalised(figures)
        + ".";
  }

  // Null when the answer carries no figures (a refusal stored before they were reported).
  private String figures(Amounts amounts) {
    JsonNode n;
    try {
      n = JSON.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return null;
    }
    String currency = string(n, "currency");
    if (currency == null) {
      return null;
    }
    OptionalLong asked = number(n, "asked_minor");
    OptionalLong paid = number(n, "paid_minor");
    OptionalLong remaining = number(n, "remaining_minor");
    OptionalLong needed = number(n, "needed_minor");
    OptionalLong available = number(n, "available_minor");
    OptionalLong disputed = number(n, "disputed_minor");
    java.util.function.LongFunction<String> money = minor -> amounts.format(minor, currency);
    return switch (outcome) {
      case "amount_exceeds_remaining" -> {
        if (asked.isPresent() && remaining.isPresent()) {
          yield money.apply(asked.getAsLong())
              + " asked, "
              + money.apply(remaining.getAsLong())
              + " left to release on this checkpoint";
        }
        yield paid.isPresent() && remaining.isPresent()
            ? "the settlement pays "
                + money.apply(paid.getAsLong())
                + ", the checkpoint holds "
                + money.apply(remaining.getAsLong())
            : null;
      }
      case "insufficient_funds" ->
          needed.isPresent() && available.isPresent()
              ? money.apply(needed.getAsLong())
                  + " needed, "
                  + money.apply(available.getAsLong())
                  + " held in the escrow"
              : null;
      case "invalid_amount" ->
          paid.isPresent() && disputed.isPresent()
              ? "the settlement pays out "
                  + money.apply(paid.getAsLong())
                  + " of a disputed "
                  + money.apply(disputed.getAsLong())
              : null;
      default -> null;
    };
  }

  private static String capitalised(String text) {
    if (text == null || text.isEmpty()) {
      return "";
    }
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  private static String string(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static OptionalLong number(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? OptionalLong.empty() : OptionalLong.of(v.asLong());
  }
}
