package dev.arbiter.persistence.ledger;

import java.util.UUID;

/**
 * Client-generated idempotency keys. A key is made once per intended effect (one click, one bulk
 * item) and reused for every retry of it, so the database can tell a retry from a second request.
 */
public final class IdempotencyKeys {

  private IdempotencyKeys() {}

  /** A fresh key such as {@code release-1b4e28ba-2fa1-11d2-883f-0016d3cca427}. */
  public static String next(String action) {
    return action + "-" + UUID.randomUUID();
  }
}
