package dev.arbiter.tools.simulate;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How often each kind of operation is picked, as relative weights. A kind with weight zero is never
 * picked; at least one weight is positive.
 */
public final class TrafficMix {

  private final EnumMap<OperationKind, Integer> weights;
  private final int total;

  private TrafficMix(EnumMap<OperationKind, Integer> weights) {
    this.weights = weights;
    this.total = weights.values().stream().mapToInt(Integer::intValue).sum();
    if (total <= 0) {
      throw new IllegalArgumentException("the mix needs at least one kind with a positive weight");
    }
  }

  /** The default marketplace: mostly messages, then workspace changes, submissions and flags. */
  public static TrafficMix standard() {
    EnumMap<OperationKind, Integer> weights = new EnumMap<>(OperationKind.class);
    for (OperationKind kind : OperationKind.values()) {
      weights.put(kind, kind.defaultWeight());
    }
    return new TrafficMix(weights);
  }

  /** Every kind equally often. */
  public static TrafficMix even() {
    EnumMap<OperationKind, Integer> weights = new EnumMap<>(OperationKind.class);
    for (OperationKind kind : OperationKind.values()) {
      weights.put(kind, 1);
    }
    return new TrafficMix(weights);
  }

  /** Only {@code kind}. */
  public static TrafficMix only(OperationKind kind) {
    EnumMap<OperationKind, Integer> weights = new EnumMap<>(OperationKind.class);
    for (OperationKind k : OperationKind.values()) {
      weights.put(k, k == kind ? 1 : 0);
    }
    return new TrafficMix(weights);
  }

  /**
   * Parses {@code kind=weight[,kind=weight...]}, for example {@code message=5,flag=1}. Kinds left
   * out get weight zero.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static TrafficMix parse(String text) {
    EnumMap<OperationKind, Integer> weights = new EnumMap<>(OperationKind.class);
    for (OperationKind kind : OperationKind.values()) {
      weights.put(kind, 0);
    }
    for (String part : text.split(",")) {
      if (part.isBlank()) {
        continue;
      }
      String[] pair = part.split("=", 2);
      if (pair.length != 2) {
        throw new IllegalArgumentException("'" + part.trim() + "' is not kind=weight");
      }
      OperationKind kind = OperationKind.byLabel(pair[0]);
      int weight;
      try {
        weight = Integer.parseInt(pair[1].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the weight of " + kind.label() + " is not a number");
      }
      if (weight < 0) {
        throw new IllegalArgumentException("the weight of " + kind.label() + " is negative");
      }
      weights.put(kind, weight);
    }
    return new TrafficMix(weights);
  }

  /** The kind for a uniform draw {@code u} in [0, 1). */
  public OperationKind pick(double u) {
    double target = u * total;
    int seen = 0;
    OperationKind last = null;
    for (Map.Entry<OperationKind, Integer> e : weights.entrySet()) {
      if (e.getValue() == 0) {
        continue;
      }
      seen += e.getValue();
      last = e.getKey();
      if (target < seen) {
        return last;
      }
    }
    return last;
  }

  public Map<OperationKind, Integer> weights() {
    return Collections.unmodifiableMap(weights);
  }

  @Override
  public String toString() {
    return weights.entrySet().stream()
        .filter(e -> e.getValue() > 0)
        .map(e -> e.getKey().label() + "=" + e.getValue())
        .collect(Collectors.joining(","));
  }
}
