package dev.arbiter.model.ledger;

import dev.arbiter.model.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One side of a journal ({@code ledger_entries}): a debit or credit of a positive amount to a
 * wallet, with the wallet's balance right after it. Entries are append-only, so the mapping is
 * read-only.
 */
@Entity
@Table(name = "ledger_entries")
public class LedgerEntry {

  @Id
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "journal_id", nullable = false, insertable = false, updatable = false)
  private Long journalId;

  @Column(name = "wallet_id", nullable = false, insertable = false, updatable = false)
  private Long walletId;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "journal_id", insertable = false, updatable = false)
  private Journal journal;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "wallet_id", insertable = false, updatable = false)
  private Wallet wallet;

  @Convert(converter = EntryDirection.Converter.class)
  @Column(name = "direction", nullable = false, insertable = false, updatable = false)
  private EntryDirection direction;

  @Column(name = "amount_minor", nullable = false, insertable = false, updatable = false)
  private long amountMinor;

  @Column(name = "currency", nullable = false, insertable = false, updatable = false)
  private String currency;

  @Column(name = "balance_after", nullable = false, insertable = false, updatable = false)
  private long balanceAfter;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  private Instant createdAt;

  protected LedgerEntry() {}

  public Long getId() {
    return id;
  }

  public Long getJournalId() {
    return journalId;
  }

  public Long getWalletId() {
    return walletId;
  }

  /** The journal this entry is one side of; lazy, so fetch it with the entry. */
  public Journal getJournal() {
    return journal;
  }

  /** The wallet the entry moves; lazy, so fetch it with the entry. */
  public Wallet getWallet() {
    return wallet;
  }

  public EntryDirection getDirection() {
    return direction;
  }

  /** The amount moved, always positive; {@link #getDirection()} gives its sign. */
  public Money getAmount() {
    return Money.of(amountMinor, currency);
  }

  /** The entry's effect on its wallet's balance: positive for a credit. */
  public Money getSignedAmount() {
    return Money.of(direction.signed(amountMinor), currency);
  }

  /** The wallet's balance right after this entry. */
  public Money getBalanceAfter() {
    return Money.of(balanceAfter, currency);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
