package dev.arbiter.app.common;

/** A count with its noun in the right number: "1 checkpoint", "3 checkpoints", "0 checkpoints". */
public final class Plurals {

  private Plurals() {}

  /** {@code count} and the noun, plural by adding "s" (checkpoint, flag, item). */
  public static String of(long count, String singular) {
    return of(count, singular, singular + "s");
  }

  /** {@code count} and the noun, for nouns whose plural is not just an "s" (entry, entries). */
  public static String of(long count, String singular, String plural) {
    return count + " " + noun(count, singular, plural);
  }

  /** Only the noun, for counts written elsewhere (a formatted number, "12+"). */
  public static String noun(long count, String singular, String plural) {
    return count == 1 ? singular : plural;
  }
}
