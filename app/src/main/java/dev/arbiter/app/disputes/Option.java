package dev.arbiter.app.disputes;

/** One entry of a filter drop-down: what it reads and the value it stands for. */
public record Option<T>(String label, T value) {

  @Override
  public String toString() {
    return label;
  }
}
