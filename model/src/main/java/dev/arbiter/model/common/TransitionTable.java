package dev.arbiter.model.common;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The legal status changes of one kind of record. Each table mirrors the rows of the database's
 * {@code status_transitions} for its entity, and a test holds the two equal, so the console can
 * refuse a change with a clear message before the trigger would refuse it with an error code.
 *
 * <p>A change to the same status is not a move: {@link #allows} is false for it, while the database
 * simply lets such an update through.
 */
public final class TransitionTable<S extends Enum<S> & DatabaseValue> {

  private final String entity;
  private final S initial;
  private final Map<S, Map<S, Transition<S>>> byFrom;
  private final List<Transition<S>> transitions;

  private TransitionTable(
      String entity, S initial, Class<S> type, List<Transition<S>> transitions) {
    this.entity = entity;
    this.initial = initial;
    this.transitions = List.copyOf(transitions);
    Map<S, Map<S, Transition<S>>> index = new EnumMap<>(type);
    for (Transition<S> t : transitions) {
      Map<S, Transition<S>> targets = index.computeIfAbsent(t.from(), k -> new EnumMap<>(type));
      if (targets.put(t.to(), t) != null) {
        throw new IllegalArgumentException("duplicate transition " + t);
      }
    }
    this.byFrom = index;
  }

  /** Starts a table for {@code entity} (its name in {@code status_transitions}). */
  public static <S extends Enum<S> & DatabaseValue> Builder<S> builder(
      String entity, Class<S> type, S initial) {
    return new Builder<>(entity, type, initial);
  }

  /** The entity name used in {@code status_transitions}, e.g. {@code dispute}. */
  public String entity() {
    return entity;
  }

  /** The status every new record starts in (the database refuses any other on insert). */
  public S initial() {
    return initial;
  }

  /** Every legal change, in declaration order. */
  public List<Transition<S>> transitions() {
    return transitions;
  }

  /** The rule for {@code from -> to}, if that change is legal. */
  public Optional<Transition<S>> find(S from, S to) {
    return Optional.ofNullable(byFrom.getOrDefault(from, Map.of()).get(to));
  }

  /** Whether {@code from -> to} is a legal change, directly or through a money function. */
  public boolean allows(S from, S to) {
    return find(from, to).isPresent();
  }

  /** Whether {@code from -> to} is legal and reserved to the database's money functions. */
  public boolean requiresMoneyFunction(S from, S to) {
    return find(from, to).map(Transition::byOwnerOnly).orElse(false);
  }

  /** Every status reachable in one legal move from {@code from}. */
  public Set<S> targets(S from) {
    Map<S, Transition<S>> targets = byFrom.get(from);
    return targets == null
        ? Set.of()
        : Collections.unmodifiableSet(EnumSet.copyOf(targets.keySet()));
  }

  /** Whether no legal move leaves {@code status}. */
  public boolean isTerminal(S status) {
    return targets(status).isEmpty();
  }

  /**
   * Checks a change made by writing the status column directly (as staff or the backend do), not
   * through a money function.
   *
   * @throws IllegalStatusChangeException if the change is illegal or only a money function may make
   *     it
   */
  public void checkDirectMove(S from, S to) {
    Optional<Transition<S>> rule = find(from, to);
    if (rule.isEmpty() || rule.get().byOwnerOnly()) {
      throw new IllegalStatusChangeException(
          entity, label(from), label(to), rule.isPresent() && rule.get().byOwnerOnly());
    }
  }

  private static String label(DatabaseValue value) {
    return value.dbValue().replace('_', ' ');
  }

  /** Collects the transitions of one table. */
  public static final class Builder<S extends Enum<S> & DatabaseValue> {
    private final String entity;
    private final Class<S> type;
    private final S initial;
    private final List<Transition<S>> transitions = new ArrayList<>();

    private Builder(String entity, Class<S> type, S initial) {
      this.entity = entity;
      this.type = type;
      this.initial = initial;
    }

    /** A change any role granted UPDATE on the status column may make directly. */
    public Builder<S> direct(S from, S to) {
      transitions.add(new Transition<>(from, to, false));
      return this;
    }

    /** A change only a database money function may make. */
    public Builder<S> moneyFunction(S from, S to) {
      transitions.add(new Transition<>(from, to, true));
      return this;
    }

    public TransitionTable<S> build() {
      return new TransitionTable<>(entity, initial, type, transitions);
    }
  }
}
