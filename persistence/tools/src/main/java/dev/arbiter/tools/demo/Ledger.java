package dev.arbiter.tools.demo;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The demo's double-entry ledger. Journals are written as they are generated; their entries are
 * kept and written at the end in time order, so that each wallet's {@code balance_after} chain runs
 * forward in time, and the wallets are inserted with the balances those entries explain.
 */
final class Ledger {

  static final String[] CURRENCIES = {"USD", "EUR", "GBP"};
  private static final String[] KINDS = {
    "user", "escrow_holding", "platform_fee", "external_clearing"
  };
  static final int USER = 0;
  static final int HOLDING = 1;
  static final int FEE = 2;
  static final int CLEARING = 3;

  private final Map<Long, Integer> walletByKey = new HashMap<>();
  private final List<String> creators = new ArrayList<>();
  private long[] walletOwner = new long[1024];
  private int[] walletKindCurrency = new int[1024];
  private int wallets;

  private long[] journalIds = new long[1024];
  private long[] journalTimes = new long[1024];
  private int[] journalCreator = new int[1024];
  private int[] journalFirstEntry = new int[1025];
  private int journals;

  private int[] entryWallet = new int[4096];
  private long[] entryAmount = new long[4096]; // credit > 0, debit < 0
  private int entries;

  /** Opens a journal: writes its row now; its entries follow through credit/debit. */
  void open(
      Batch batch,
      SplittableRandom r,
      long journalId,
      String kind,
      String description,
      String fingerprintArgs,
      long escrowId,
      long checkpointId,
      long settlementId,
      String createdBy,
      long at) {
    // A random (version 4) UUID, as clients generate their idempotency keys.
    long high = r.nextLong() & 0xFFFFFFFFFFFF0FFFL | 0x4000L;
    long low = r.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;
    String key = new UUID(high, low).toString();
    batch
        .rows(DemoTable.JOURNALS, createdBy)
        .add(journalId)
        .add(key)
        .add(hex(EvidenceFiles.sha256(fingerprintArgs.getBytes(StandardCharsets.UTF_8))))
        .add(kind)
        .add(description)
        .ref(escrowId)
        .ref(checkpointId)
        .ref(settlementId)
        .add(createdBy)
        .time(at)
        .end();
    if (journals == journalIds.length) {
      journalIds = Arrays.copyOf(journalIds, journals * 2);
      journalTimes = Arrays.copyOf(journalTimes, journals * 2);
      journalCreator = Arrays.copyOf(journalCreator, journals * 2);
      journalFirstEntry = Arrays.copyOf(journalFirstEntry, journals * 2 + 1);
    }
    journalIds[journals] = journalId;
    journalTimes[journals] = at;
    journalCreator[journals] = creatorIndex(createdBy);
    journalFirstEntry[journals] = entries;
    journals++;
    journalFirstEntry[journals] = entries;
  }

  /** Credits a wallet of the open journal; a user's wallet when {@code owner} > 0. */
  void credit(int kind, long owner, String currency, long amount) {
    if (amount > 0) {
      entry(wallet(kind, owner, currency), amount);
    }
  }

  void debit(int kind, long owner, String currency, long amount) {
    if (amount > 0) {
      entry(wallet(kind, owner, currency), -amount);
    }
  }

  private int wallet(int kind, long owner, String currency) {
    int currencyIndex = currencyIndex(currency);
    long key = (owner << 4) | ((long) kind << 2) | currencyIndex;
    Integer existing = walletByKey.get(key);
    if (existing != null) {
      return existing;
    }
    if (wallets == walletOwner.length) {
      walletOwner = Arrays.copyOf(walletOwner, wallets * 2);
      walletKindCurrency = Arrays.copyOf(walletKindCurrency, wallets * 2);
    }
    walletOwner[wallets] = owner;
    walletKindCurrency[wallets] = kind * 4 + currencyIndex;
    walletByKey.put(key, wallets);
    return wallets++;
  }

  /**
   * Hands over the wallets (with their final balances) and then every entry in time order (by
   * journal time, then journal id), each with its wallet's balance after it, in batches of about
   * {@code perBatch} entries. Wallet ids follow first use.
   */
  void writeEntries(DemoWorld world, Consumer<Batch> sink, int perBatch) {
    boolean actorsMatter = !world.bulk;
    Integer[] order = new Integer[journals];
    for (int i = 0; i < journals; i++) {
      order[i] = i;
    }
    Arrays.sort(
        order,
        (a, b) -> {
          int byTime = Long.compare(journalTimes[a], journalTimes[b]);
          return byTime != 0 ? byTime : Long.compare(journalIds[a], journalIds[b]);
        });
    long[] balance = new long[wallets];
    long[] firstUse = new long[wallets];
    long[] lastUse = new long[wallets];
    for (int j : order) {
      long net = 0;
      for (int e = journalFirstEntry[j]; e < journalFirstEntry[j + 1]; e++) {
        int w = entryWallet[e];
        net += entryAmount[e];
        balance[w] += entryAmount[e];
        firstUse[w] = firstUse[w] == 0 ? journalTimes[j] : firstUse[w];
        lastUse[w] = journalTimes[j];
      }
      if (net != 0) {
        throw new IllegalStateException("generated journal " + journalIds[j] + " does not balance");
      }
    }
    Batch walletRows = new Batch(actorsMatter, "ledger", entries);
    for (int w = 0; w < wallets; w++) {
      world.nextId(DemoTable.WALLETS);
      walletRows
          .rows(DemoTable.WALLETS, DemoWorld.BACKEND)
          .add(w + 1L)
          .ref(walletOwner[w])
          .add(KINDS[walletKindCurrency[w] / 4])
          .add(CURRENCIES[walletKindCurrency[w] % 4])
          .add(balance[w])
          .time(firstUse[w] - 60)
          .time(lastUse[w])
          .end();
    }
    sink.accept(walletRows);
    long[] running = new long[wallets];
    Batch batch = new Batch(actorsMatter, "ledger", entries);
    int inBatch = 0;
    long written = 0;
    for (int j : order) {
      for (int e = journalFirstEntry[j]; e < journalFirstEntry[j + 1]; e++) {
        int w = entryWallet[e];
        long amount = entryAmount[e];
        running[w] += amount;
        batch
            .rows(DemoTable.LEDGER_ENTRIES, creators.get(journalCreator[j]))
            .add(world.nextId(DemoTable.LEDGER_ENTRIES))
            .add(journalIds[j])
            .add(w + 1L)
            .add(amount > 0 ? "credit" : "debit")
            .add(Math.abs(amount))
            .add(CURRENCIES[walletKindCurrency[w] % 4])
            .add(running[w])
            .time(journalTimes[j])
            .end();
        inBatch++;
        written++;
      }
      if (inBatch >= perBatch) {
        sink.accept(batch.upTo(written));
        batch = new Batch(actorsMatter, "ledger", entries);
        inBatch = 0;
      }
    }
    sink.accept(batch.upTo(written));
  }

  private void entry(int wallet, long signedAmount) {
    if (entries == entryWallet.length) {
      entryWallet = Arrays.copyOf(entryWallet, entries * 2);
      entryAmount = Arrays.copyOf(entryAmount, entries * 2);
    }
    entryWallet[entries] = wallet;
    entryAmount[entries] = signedAmount;
    entries++;
    journalFirstEntry[journals] = entries;
  }

  private int creatorIndex(String createdBy) {
    int i = creators.indexOf(createdBy);
    if (i >= 0) {
      return i;
    }
    creators.add(createdBy);
    return creators.size() - 1;
  }

  static int currencyIndex(String currency) {
    return switch (currency) {
      case "USD" -> 0;
      case "EUR" -> 1;
      case "GBP" -> 2;
      default -> throw new IllegalArgumentException("not a demo currency: " + currency);
    };
  }

  static String hex(byte[] bytes) {
    StringBuilder s = new StringBuilder(bytes.length * 2);
    for (byte b : bytes) {
      s.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return s.toString();
  }
}
