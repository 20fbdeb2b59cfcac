package dev.arbiter.model.disputes;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/**
 * Who sees a dispute message ({@code dispute_messages.visibility}): both parties, or staff only.
 */
public enum MessageVisibility implements DatabaseValue {
  PARTIES,
  INTERNAL;

  /** Stores a {@link MessageVisibility} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<MessageVisibility> {
    public Converter() {
      super(MessageVisibility.class);
    }
  }
}
