package dev.arbiter.model.escrow;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/**
 * How many distinct finance reviewers a checkpoint needs before release ({@code
 * escrow_checkpoints.approval_requirement}).
 */
public enum ApprovalRequirement implements DatabaseValue {
  AUTO,
  SINGLE,
  DUAL;

  /** The number of distinct approvers, none of them the requester, that a release needs. */
  public int requiredApprovers() {
    return switch (this) {
      case AUTO -> 0;
      case SINGLE -> 1;
      case DUAL -> 2;
    };
  }

  /** Stores a {@link ApprovalRequirement} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<ApprovalRequirement> {
    public Converter() {
      super(ApprovalRequirement.class);
    }
  }
}
