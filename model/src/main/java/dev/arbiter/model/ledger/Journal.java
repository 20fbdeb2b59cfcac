package dev.arbiter.model.ledger;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One posting to the ledger ({@code journals}): a set of entries that balances per currency. A
 * journal is written once by a money function under a unique idempotency key and never edited; a
 * mistake is put right by a correcting journal. The mapping is therefore read-only.
 */
@Entity
@Table(name = "journals")
public class Journal {

  @Id
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "idempotency_key", nullable = false, insertable = false, updatable = false)
  private String idempotencyKey;

  @Column(name = "request_fingerprint", nullable = false, insertable = false, updatable = false)
  private String requestFingerprint;

  @Convert(converter = JournalKind.Converter.class)
  @Column(name = "kind", nullable = false, insertable = false, updatable = false)
  private JournalKind kind;

  @Column(name = "description", nullable = false, insertable = false, updatable = false)
  private String description;

  @Column(name = "escrow_id", insertable = false, updatable = false)
  private Long escrowId;

  @Column(name = "checkpoint_id", insertable = false, updatable = false)
  private Long checkpointId;

  @Column(name = "settlement_id", insertable = false, updatable = false)
  private Long settlementId;

  @Column(name = "corrects_journal_id", insertable = false, updatable = false)
  private Long correctsJournalId;

  @Column(name = "created_by", nullable = false, insertable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
  private Instant createdAt;

  protected Journal() {}

  public Long getId() {
    return id;
  }

  /** The client-generated key that makes a retried money call replay instead of repeat. */
  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  /** A digest of the call's arguments; the same key with other arguments is refused. */
  public String getRequestFingerprint() {
    return requestFingerprint;
  }

  public JournalKind getKind() {
    return kind;
  }

  public String getDescription() {
    return description;
  }

  public Long getEscrowId() {
    return escrowId;
  }

  public Long getCheckpointId() {
    return checkpointId;
  }

  public Long getSettlementId() {
    return settlementId;
  }

  /** The journal this one corrects, for {@link JournalKind#CORRECTION}. */
  public Long getCorrectsJournalId() {
    return correctsJournalId;
  }

  /** The login on whose behalf the money function posted the journal. */
  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
