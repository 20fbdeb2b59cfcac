package dev.arbiter.app.audit;

import dev.arbiter.persistence.audit.AuditActorRole;
import dev.arbiter.persistence.audit.AuditFilter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** What the user typed or chose in the audit filter bar, not yet applied. */
final class AuditFilterInputs {

  final StringProperty actor = new SimpleStringProperty("");
  final ObjectProperty<AuditActorRole> role = new SimpleObjectProperty<>();
  final StringProperty action = new SimpleStringProperty();
  final StringProperty entityType = new SimpleStringProperty();
  final StringProperty entity = new SimpleStringProperty("");
  final ObjectProperty<LocalDate> fromDate = new SimpleObjectProperty<>();
  final ObjectProperty<LocalDate> toDate = new SimpleObjectProperty<>();
  final StringProperty search = new SimpleStringProperty("");

  private final ZoneId zone;

  /**
   * @param zone where the dates are days
   */
  AuditFilterInputs(ZoneId zone) {
    this.zone = zone;
  }

  /** Empties every input except the record ({@code entityType} and {@code entity}). */
  void clearAllButRecord() {
    actor.set("");
    role.set(null);
    action.set(null);
    fromDate.set(null);
    toDate.set(null);
    search.set("");
  }

  /** Empties every input. */
  void clear() {
    actor.set("");
    role.set(null);
    action.set(null);
    entityType.set(null);
    entity.set("");
    fromDate.set(null);
    toDate.set(null);
    search.set("");
  }

  /**
   * The filter the inputs describe.
   *
   * @throws IllegalArgumentException with a message for the user if the inputs contradict
   */
  AuditFilter toFilter() {
    LocalDate from = fromDate.get();
    LocalDate to = toDate.get();
    if (from != null && to != null && to.isBefore(from)) {
      throw new IllegalArgumentException("The end date is before the start date.");
    }
    Instant fromTime = from == null ? null : from.atStartOfDay(zone).toInstant();
    // The end date counts in full: entries before the next day's start.
    Instant toTime = to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant();
    return new AuditFilter(
        actor.get(),
        role.get(),
        action.get(),
        entityType.get(),
        entity.get(),
        fromTime,
        toTime,
        search.get());
  }
}
