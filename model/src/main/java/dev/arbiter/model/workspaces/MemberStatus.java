package dev.arbiter.model.workspaces;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** A membership's state ({@code workspace_members.status}); removed members keep their row. */
public enum MemberStatus implements DatabaseValue {
  ACTIVE,
  SUSPENDED,
  REMOVED;

  /** Stores a {@link MemberStatus} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<MemberStatus> {
    public Converter() {
      super(MemberStatus.class);
    }
  }
}
