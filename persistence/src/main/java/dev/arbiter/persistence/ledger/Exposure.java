package dev.arbiter.persistence.ledger;

import java.time.Instant;
import java.util.List;

/**
 * Where money sits in escrow: held per currency and age, the auto-releases coming up, and the
 * largest single exposures. Currencies are never added together.
 */
public record Exposure(
    Instant asOf,
    List<HeldByAge> heldByAge,
    List<UpcomingRelease> upcoming,
    List<LargestExposure> largest) {

  public Exposure {
    heldByAge = List.copyOf(heldByAge);
    upcoming = List.copyOf(upcoming);
    largest = List.copyOf(largest);
  }

  /** The age buckets, youngest first. */
  public static final List<String> AGE_BUCKETS =
      List.of("< 7 days", "7–30 days", "30–90 days", "> 90 days");

  /** Money held in one currency by escrows of one age bucket. */
  public record HeldByAge(String currency, String bucket, long heldMinor, long escrows) {}

  /** A checkpoint that releases itself at {@code autoReleaseAt} unless someone acts first. */
  public record UpcomingRelease(
      long checkpointId,
      String label,
      String contractReference,
      String status,
      long amountMinor,
      String currency,
      Instant autoReleaseAt) {}

  /** One escrow holding a lot of money. */
  public record LargestExposure(
      long escrowId,
      String contractReference,
      String contractTitle,
      long heldMinor,
      String currency,
      Instant fundedSince) {}
}
