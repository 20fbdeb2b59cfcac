package dev.arbiter.model.contracts;

import dev.arbiter.model.money.Money;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A contract between a client and a freelancer ({@code contracts}), written by the marketplace
 * backend. Its parties, currency and value are fixed once it exists; the backend may update only
 * its title, status, satisfaction score and dates. The {@code metadata} column is unmapped.
 */
@Entity
@Table(name = "contracts")
public class Contract {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "reference", nullable = false, updatable = false)
  private String reference;

  @Convert(converter = ContractKind.Converter.class)
  @Column(name = "kind", nullable = false, updatable = false)
  private ContractKind kind;

  @Column(name = "title", nullable = false)
  private String title;

  @Column(name = "client_id", nullable = false, updatable = false)
  private Long clientId;

  @Column(name = "freelancer_id", nullable = false, updatable = false)
  private Long freelancerId;

  @Column(name = "workspace_id", updatable = false)
  private Long workspaceId;

  @Column(name = "currency", nullable = false, updatable = false)
  private String currency;

  @Column(name = "value_minor", nullable = false, updatable = false)
  private long valueMinor;

  @Convert(converter = ContractStatus.Converter.class)
  @Column(name = "status", nullable = false)
  private ContractStatus status = ContractStatus.ACTIVE;

  @Column(name = "csat_score", precision = 3, scale = 2)
  private BigDecimal csatScore;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "ended_at")
  private Instant endedAt;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected Contract() {}

  /**
   * A new active contract.
   *
   * @throws IllegalArgumentException if client and freelancer are the same user or the value is not
   *     positive
   */
  public Contract(
      String reference,
      ContractKind kind,
      String title,
      Long clientId,
      Long freelancerId,
      Long workspaceId,
      Money value) {
    if (Objects.equals(clientId, freelancerId)) {
      throw new IllegalArgumentException("A contract needs two different parties.");
    }
    if (!value.isPositive()) {
      throw new IllegalArgumentException("A contract is worth more than nothing.");
    }
    this.reference = Objects.requireNonNull(reference, "reference");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.title = Objects.requireNonNull(title, "title");
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.freelancerId = Objects.requireNonNull(freelancerId, "freelancerId");
    this.workspaceId = workspaceId;
    this.currency = value.currency();
    this.valueMinor = value.minor();
  }

  public Long getId() {
    return id;
  }

  /** The human reference, e.g. {@code GIG-004211}. */
  public String getReference() {
    return reference;
  }

  public ContractKind getKind() {
    return kind;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = Objects.requireNonNull(title, "title");
  }

  /** The client, who pays. */
  public Long getClientId() {
    return clientId;
  }

  /** The freelancer, who is paid. */
  public Long getFreelancerId() {
    return freelancerId;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public Money getValue() {
    return Money.of(valueMinor, currency);
  }

  public ContractStatus getStatus() {
    return status;
  }

  public void setStatus(ContractStatus status) {
    this.status = Objects.requireNonNull(status, "status");
  }

  /** The client's satisfaction from 0 to 5, which release gates compare with thresholds. */
  public BigDecimal getCsatScore() {
    return csatScore;
  }

  public void setCsatScore(BigDecimal csatScore) {
    this.csatScore = csatScore;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public void setStartedAt(Instant startedAt) {
    this.startedAt = startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public void setEndedAt(Instant endedAt) {
    this.endedAt = endedAt;
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
