package dev.arbiter.model.disputes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A file attached to a dispute ({@code dispute_evidence}), identified by its SHA-256 and size.
 * Evidence is never changed once uploaded. The file's bytes ({@code content}) are deliberately
 * unmapped so that listing evidence never loads them; uploads and downloads stream them with SQL.
 * For that reason the mapping is read-only.
 */
@Entity
@Table(name = "dispute_evidence")
public class DisputeEvidence {

  @Id
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "dispute_id", nullable = false, insertable = false, updatable = false)
  private Long disputeId;

  @Column(name = "uploaded_by", insertable = false, updatable = false)
  private Long uploadedBy;

  @Column(name = "uploaded_by_staff", insertable = false, updatable = false)
  private String uploadedByStaff;

  @Column(name = "file_name", nullable = false, insertable = false, updatable = false)
  private String fileName;

  @Column(name = "mime_type", nullable = false, insertable = false, updatable = false)
  private String mimeType;

  @Column(name = "size_bytes", nullable = false, insertable = false, updatable = false)
  private long sizeBytes;

  @Column(name = "sha256", nullable = false, insertable = false, updatable = false)
  private byte[] sha256;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  protected DisputeEvidence() {}

  public Long getId() {
    return id;
  }

  public Long getDisputeId() {
    return disputeId;
  }

  /** The party who uploaded the file, or null if staff did. */
  public Long getUploadedBy() {
    return uploadedBy;
  }

  /** The staff login that uploaded the file, or null if a party did. */
  public String getUploadedByStaff() {
    return uploadedByStaff;
  }

  public String getFileName() {
    return fileName;
  }

  public String getMimeType() {
    return mimeType;
  }

  public long getSizeBytes() {
    return sizeBytes;
  }

  /** The file's SHA-256 digest (32 bytes); a copy, so the entity cannot be changed through it. */
  public byte[] getSha256() {
    return sha256 == null ? null : sha256.clone();
  }

  /** The digest in lower-case hex, as shown to staff comparing files. */
  public String getSha256Hex() {
    return sha256 == null ? null : java.util.HexFormat.of().formatHex(sha256);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
