package dev.arbiter.model.disputes;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;
import java.util.Optional;

/**
 * How a dispute ends ({@code disputes.outcome}, {@code settlements.outcome}), and which shares of
 * the disputed amount each outcome pays to the payee (the freelancer) and the payer (the client).
 */
public enum DisputeOutcome implements DatabaseValue {
  RELEASE_TO_PAYEE,
  REFUND_TO_PAYER,
  SPLIT,
  DISMISSED;

  /**
   * Why the shares do not fit this outcome, or empty if they do. Mirrors the CHECKs on {@code
   * settlements}, plus the rule on {@code disputes} that the shares never exceed the disputed
   * amount and that a split pays out all of it.
   */
  public Optional<String> sharesProblem(long payeeMinor, long payerMinor, long disputedMinor) {
    if (payeeMinor < 0 || payerMinor < 0) {
      return Optional.of("Shares cannot be negative.");
    }
    if (payeeMinor > disputedMinor - payerMinor) {
      return Optional.of("The shares add up to more than the disputed amount.");
    }
    return switch (this) {
      case DISMISSED ->
          payeeMinor == 0 && payerMinor == 0
              ? Optional.empty()
              : Optional.of("A dismissal pays nothing to either party.");
      case RELEASE_TO_PAYEE ->
          payeeMinor > 0 && payerMinor == 0
              ? Optional.empty()
              : Optional.of("A release pays the payee only, and more than nothing.");
      case REFUND_TO_PAYER ->
          payerMinor > 0 && payeeMinor == 0
              ? Optional.empty()
              : Optional.of("A refund pays the payer only, and more than nothing.");
      case SPLIT ->
          payeeMinor > 0 && payerMinor > 0 && payeeMinor + payerMinor == disputedMinor
              ? Optional.empty()
              : Optional.of("A split pays both parties, and together the whole disputed amount.");
    };
  }

  /** Stores a {@link DisputeOutcome} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<DisputeOutcome> {
    public Converter() {
      super(DisputeOutcome.class);
    }
  }
}
