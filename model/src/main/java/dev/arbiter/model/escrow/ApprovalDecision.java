package dev.arbiter.model.escrow;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/**
 * A finance reviewer's decision on a checkpoint ({@code release_approvals.decision}); a rejection
 * needs a note.
 */
public enum ApprovalDecision implements DatabaseValue {
  APPROVE,
  REJECT;

  /** Stores a {@link ApprovalDecision} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<ApprovalDecision> {
    public Converter() {
      super(ApprovalDecision.class);
    }
  }
}
