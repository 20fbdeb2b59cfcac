package dev.arbiter.model.workspaces;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** An invite's state ({@code workspace_invites.status}). */
public enum InviteStatus implements DatabaseValue {
  PENDING,
  ACCEPTED,
  REVOKED,
  EXPIRED;

  /** Stores a {@link InviteStatus} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<InviteStatus> {
    public Converter() {
      super(InviteStatus.class);
    }
  }
}
