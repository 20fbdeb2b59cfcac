package dev.arbiter.model.users;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** What a marketplace user is to the platform ({@code users.kind}). */
public enum UserKind implements DatabaseValue {
  CLIENT,
  FREELANCER,
  AGENCY_OWNER;

  /** Stores a {@link UserKind} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<UserKind> {
    public Converter() {
      super(UserKind.class);
    }
  }
}
