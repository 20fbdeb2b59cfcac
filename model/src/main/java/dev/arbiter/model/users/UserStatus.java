package dev.arbiter.model.users;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** Whether a marketplace user may use the platform ({@code users.status}). */
public enum UserStatus implements DatabaseValue {
  ACTIVE,
  WARNED,
  SUSPENDED,
  CLOSED;

  /** Stores a {@link UserStatus} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<UserStatus> {
    public Converter() {
      super(UserStatus.class);
    }
  }
}
