package dev.arbiter.tools.simulate;

/**
 * What one operation did: {@code action} names the write ("dispute opened", "invite accepted"),
 * {@code refusal} why the database or the situation refused it (null when it committed).
 */
record Outcome(String action, String refusal) {

  static Outcome done(String action) {
    return new Outcome(action, null);
  }

  static Outcome refused(String action, String reason) {
    return new Outcome(action, reason);
  }

  boolean ok() {
    return refusal == null;
  }
}
