package dev.arbiter.model.escrow;

import dev.arbiter.model.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Money a client has put aside for a contract ({@code escrows}). The marketplace opens an escrow
 * with only its contract and currency; every amount and the status are moved by the database's
 * money functions, so none of them is ever written through this mapping.
 */
@Entity
@Table(name = "escrows")
public class Escrow {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "contract_id", nullable = false, updatable = false)
  private Long contractId;

  @Column(name = "currency", nullable = false, updatable = false)
  private String currency;

  @Column(name = "funded_minor", nullable = false, insertable = false, updatable = false)
  private long fundedMinor;

  @Column(name = "released_minor", nullable = false, insertable = false, updatable = false)
  private long releasedMinor;

  @Column(name = "refunded_minor", nullable = false, insertable = false, updatable = false)
  private long refundedMinor;

  @Convert(converter = EscrowStatus.Converter.class)
  @Column(name = "status", nullable = false, insertable = false, updatable = false)
  private EscrowStatus status = EscrowStatus.FUNDING;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  @OneToMany(mappedBy = "escrow")
  @OrderBy("seq")
  private List<EscrowCheckpoint> checkpoints = new ArrayList<>();

  protected Escrow() {}

  /** A new, unfunded escrow for a contract. */
  public Escrow(Long contractId, String currency) {
    this.contractId = Objects.requireNonNull(contractId, "contractId");
    this.currency = Money.requireCurrencyCode(currency);
  }

  public Long getId() {
    return id;
  }

  public Long getContractId() {
    return contractId;
  }

  public String getCurrency() {
    return currency;
  }

  public Money getFunded() {
    return Money.of(fundedMinor, currency);
  }

  public Money getReleased() {
    return Money.of(releasedMinor, currency);
  }

  public Money getRefunded() {
    return Money.of(refundedMinor, currency);
  }

  /** What is still held: funded minus released minus refunded; never negative by a CHECK. */
  public Money getHeld() {
    return getFunded().minus(getReleased()).minus(getRefunded());
  }

  public EscrowStatus getStatus() {
    return status;
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

  /** The escrow's checkpoints in order; lazy, so fetch them with the escrow. */
  public List<EscrowCheckpoint> getCheckpoints() {
    return Collections.unmodifiableList(checkpoints);
  }
}
