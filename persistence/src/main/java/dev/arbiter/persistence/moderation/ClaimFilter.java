package dev.arbiter.persistence.moderation;

/** Which items the queue shows by claim; expired claims count as unclaimed. */
public enum ClaimFilter {
  ANY,
  MINE,
  UNCLAIMED
}
