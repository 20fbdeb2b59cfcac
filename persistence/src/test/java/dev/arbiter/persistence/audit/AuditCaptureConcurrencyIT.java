package dev.arbiter.persistence.audit;

import static dev.arbiter.persistence.contract.Fixtures.update;
import static dev.arbiter.persistence.contract.Fixtures.value;
import static org.assertj.core.api.Assertions.assertThat;

import dev.arbiter.persistence.contract.Fixtures;
import dev.arbiter.persistence.contract.Fixtures.Seed;
import dev.arbiter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sixteen writers (four of them the marketplace backend), each on its own connection, commit 50
 * transactions each (and roll back five more) at the same time, all also touching one shared
 * dispute or contract. Nobody waits for the chain (V90): each seals as it commits when the head is
 * free and leaves its entries to the next sealer otherwise. Once the last are sealed, as the worker
 * would, the chain must be gapless, unforked and hold exactly one entry per committed row change.
 */
class AuditCaptureConcurrencyIT {

  private static final int COMMITTED = 50;
  private static final int ROLLED_BACK = 5;

  /** One writer: its login and the audited changes each of its transactions makes. */
  private record Writer(String login, int changesPerTransaction) {}

  private static final List<Writer> WRITERS =
      java.util.stream.Stream.of(
              new Writer("demo_support", 3),
              new Writer("demo_moderator", 2),
              new Writer("demo_backend", 3),
              new Writer("demo_admin", 2))
          .flatMap(w -> java.util.Collections.nCopies(4, w).stream())
          .toList();

  @Test
  void concurrentWritersLeaveOneGaplessUnbrokenChain() throws Exception {
    TestDatabase db = TestDatabase.fresh();
    Seed seed;
    long shared;
    List<long[]> ownRows = new ArrayList<>();
    try (Connection owner = db.migrator()) {
      seed = Fixtures.seed(owner);
      shared = Fixtures.dispute(owner, seed.contract(), seed.client());
      update(owner, "UPDATE disputes SET status = 'under_review' WHERE id = ?", shared);
      for (int i = 0; i < WRITERS.size(); i++) {
        long dispute = Fixtures.dispute(owner, seed.contract(), seed.client());
        update(owner, "UPDATE disputes SET status = 'under_review' WHERE id = ?", dispute);
        ownRows.add(
            new long[] {
              dispute,
              Fixtures.flag(owner, Fixtures.user(owner, "client")),
              Fixtures.workspace(owner, seed.client()),
              Fixtures.id(
                  owner,
                  "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
                      + " VALUES (?, ?, 'parties', 'see attached')",
                  dispute,
                  seed.client()),
              // Each moderator's flags are on items of their own: a claim takes a whole item.
              Fixtures.flag(owner, Fixtures.user(owner, "client"))
            });
      }
    }
    long before = AuditEntries.lastId(db);

    ExecutorService pool = Executors.newFixedThreadPool(WRITERS.size());
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    for (int i = 0; i < WRITERS.size(); i++) {
      Writer writer = WRITERS.get(i);
      long[] own = ownRows.get(i);
      done.add(
          pool.submit(
              () -> {
                try (Connection c = db.as(writer.login())) {
                  c.setAutoCommit(false);
                  start.await();
                  for (int t = 0; t < COMMITTED + ROLLED_BACK; t++) {
                    work(c, writer.login(), own, seed, shared);
                    if (t % 11 == 10) {
                      c.rollback();
                    } else {
                      c.commit();
                    }
                  }
                }
                return null;
              }));
    }
    start.countDown();
    pool.shutdown();
    assertThat(pool.awaitTermination(120, TimeUnit.SECONDS)).isTrue();
    for (Future<?> f : done) {
      f.get();
    }

    // What the last writers left, a writer holding the head when they committed, waits for the
    // worker; here the test seals it. Before that, what is in the chain is intact already.
    assertThat(new AuditChainVerifier().verify(db.superuserDataSource()).intact()).isTrue();
    AuditEntries.seal(db);
    assertThat(AuditEntries.unsealed(db)).isZero();

    long expected =
        WRITERS.stream().mapToLong(w -> (long) w.changesPerTransaction() * COMMITTED).sum();
    List<AuditEntries.Row> entries = AuditEntries.after(db, before);
    assertThat(entries).hasSize((int) expected);
    assertThat(entries.get(entries.size() - 1).id()).isEqualTo(before + expected);
    Map<String, Long> perActor =
        entries.stream()
            .collect(
                java.util.stream.Collectors.groupingBy(
                    AuditEntries.Row::actor, java.util.stream.Collectors.counting()));
    assertThat(perActor)
        .containsEntry("demo_support", 4L * 3 * COMMITTED)
        .containsEntry("demo_moderator", 4L * 2 * COMMITTED)
        .containsEntry("demo_backend", 4L * 3 * COMMITTED)
        .containsEntry("demo_admin", 4L * 2 * COMMITTED);

    ChainVerification result =
        new AuditChainVerifier(64).verify(db.dataSource("demo_support", "demo"));
    assertThat(result.firstBreak()).isNull();
    assertThat(result.rowsChecked()).isEqualTo(before + expected);
    assertThat(result.lastVerified().entryId()).isEqualTo(before + expected);
  }

  // Each transaction changes the writer's own rows first and the shared row last, so that no two
  // writers lock rows in opposite orders.
  private static void work(Connection c, String login, long[] own, Seed seed, long shared)
      throws SQLException {
    long dispute = own[0];
    switch (login) {
      case "demo_support" -> {
        update(c, "UPDATE disputes SET priority = " + randomPriority() + " WHERE id = ?", dispute);
        update(
            c,
            "INSERT INTO dispute_messages (dispute_id, visibility, body)"
                + " VALUES (?, 'internal', 'checked the files')",
            dispute);
        update(c, "UPDATE disputes SET priority = " + randomPriority() + " WHERE id = ?", shared);
      }
      case "demo_moderator" -> {
        // Moderators write flags only through the moderation functions: claim or give back.
        for (long flag : new long[] {own[1], own[4]}) {
          boolean claimed =
              value(c, "SELECT assigned_to FROM moderation_flags WHERE id = ?", flag) != null;
          value(
              c,
              "SELECT 1 FROM moderation_flags f, "
                  + (claimed ? "moderation_release" : "moderation_claim")
                  + "(f.entity_type, f.entity_id) WHERE f.id = ?",
              flag);
        }
      }
      case "demo_backend" -> {
        update(
            c,
            "INSERT INTO disputes (reference, contract_id, opened_by, reason_code,"
                + " amount_disputed_minor, currency) VALUES (?, ?, ?, 'late_delivery', 900, 'USD')",
            Fixtures.disputeReference(),
            seed.contract(),
            seed.client());
        // The backend writes what the parties do: a message on its own case, a rating on the
        // contract every backend writer shares.
        update(
            c,
            "INSERT INTO dispute_messages (dispute_id, author_user_id, visibility, body)"
                + " VALUES (?, ?, 'parties', 'any news?')",
            dispute,
            seed.client());
        update(
            c,
            "UPDATE contracts SET csat_score = round((random() * 5)::numeric, 2) WHERE id = ?",
            seed.contract());
      }
      case "demo_admin" -> {
        update(c, "UPDATE workspaces SET name = 'Studio ' || random() WHERE id = ?", own[2]);
        update(
            c,
            "INSERT INTO contact_notes (workspace_id, body, visibility) VALUES (?, 'called', 'workspace')",
            own[2]);
      }
      default -> throw new IllegalArgumentException(login);
    }
  }

  private static String randomPriority() {
    return "(ARRAY['low', 'normal', 'high', 'urgent'])[1 + floor(random() * 4)::int]";
  }
}
