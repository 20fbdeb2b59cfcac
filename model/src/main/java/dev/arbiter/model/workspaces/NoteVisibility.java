package dev.arbiter.model.workspaces;

import dev.arbiter.model.common.DatabaseValue;
import dev.arbiter.model.common.DatabaseValueConverter;

/** Who may read a contact note ({@code contact_notes.visibility}). */
public enum NoteVisibility implements DatabaseValue {
  PRIVATE,
  WORKSPACE,
  COMPLIANCE;

  /** Stores a {@link NoteVisibility} as its database spelling. */
  @jakarta.persistence.Converter(autoApply = false)
  public static final class Converter extends DatabaseValueConverter<NoteVisibility> {
    public Converter() {
      super(NoteVisibility.class);
    }
  }
}
