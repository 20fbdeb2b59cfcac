package dev.arbiter.model.disputes;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** What happens when a dispute's response deadline passes ({@code disputes.deadline_action}). */
public enum DeadlineAction implements DatabaseValue {
  AUTO_ESCALATE,
  AUTO_RESOLVE_PAYEE,
  AUTO_RESOLVE_PAYER;

  /** Stores a {@link DeadlineAction} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<DeadlineAction> {
    public Converter() {
      super(DeadlineAction.class);
    }
  }
}
