package dev.arbiter.model.ledger;

import dev.arbiter.model.money.Money;
import dev.arbiter.model.users.User;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * An account in the double-entry ledger ({@code wallets}): a user's wallet, or one of the
 * platform's escrow, fee and clearing accounts. The balance equals credits minus debits of its
 * entries and moves only when a money function posts a journal, so the mapping is read-only.
 */
@Entity
@Table(name = "wallets")
public class Wallet {

  @Id
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "owner_user_id", insertable = false, updatable = false)
  private Long ownerUserId;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "owner_user_id", insertable = false, updatable = false)
  private User owner;

  @Convert(converter = WalletKind.Converter.class)
  @Column(name = "kind", nullable = false, insertable = false, updatable = false)
  private WalletKind kind;

  @Column(name = "currency", nullable = false, insertable = false, updatable = false)
  private String currency;

  @Column(name = "balance_minor", nullable = false, insertable = false, updatable = false)
  private long balanceMinor;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected Wallet() {}

  public Long getId() {
    return id;
  }

  /** The owning user of a {@link WalletKind#USER} wallet; null for platform accounts. */
  public Long getOwnerUserId() {
    return ownerUserId;
  }

  /** The owning user, null for platform accounts; lazy, so fetch it with the wallet. */
  public User getOwner() {
    return owner;
  }

  public WalletKind getKind() {
    return kind;
  }

  public String getCurrency() {
    return currency;
  }

  public Money getBalance() {
    return Money.of(balanceMinor, currency);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
