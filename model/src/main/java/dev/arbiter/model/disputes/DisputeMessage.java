package dev.arbiter.model.disputes;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A message in a dispute's thread ({@code dispute_messages}), written by a party or by staff. Staff
 * messages are either replies the parties see or internal notes. The database stamps a staff
 * message's author as the writer's login, so staff never send it. Messages are never edited; a
 * moderator may only hide one.
 */
@Entity
@Table(name = "dispute_messages")
public class DisputeMessage {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "dispute_id", nullable = false, updatable = false)
  private Long disputeId;

  @Column(name = "author_user_id", updatable = false)
  private Long authorUserId;

  @Column(name = "author_staff", updatable = false)
  private String authorStaff;

  @Convert(converter = MessageVisibility.Converter.class)
  @Column(name = "visibility", nullable = false, updatable = false)
  private MessageVisibility visibility;

  @Column(name = "body", nullable = false, updatable = false)
  private String body;

  @Column(name = "hidden_at", insertable = false)
  private Instant hiddenAt;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected DisputeMessage() {}

  private DisputeMessage(
      Long disputeId, Long authorUserId, MessageVisibility visibility, String body) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("A message needs some text.");
    }
    this.disputeId = Objects.requireNonNull(disputeId, "disputeId");
    this.authorUserId = authorUserId;
    this.visibility = Objects.requireNonNull(visibility, "visibility");
    this.body = body;
  }

  /**
   * A message from the logged-in staff member: a reply to the parties or an internal note. The
   * author is left for the database to stamp.
   */
  public static DisputeMessage fromStaff(
      Long disputeId, MessageVisibility visibility, String body) {
    return new DisputeMessage(disputeId, null, visibility, body);
  }

  /** A message from a party to the dispute, as the marketplace records it; parties see it. */
  public static DisputeMessage fromParty(Long disputeId, Long authorUserId, String body) {
    return new DisputeMessage(
        disputeId,
        Objects.requireNonNull(authorUserId, "authorUserId"),
        MessageVisibility.PARTIES,
        body);
  }

  /** Hides the message from every screen at {@code when}; the row and its audit trail remain. */
  public void hide(Instant when) {
    this.hiddenAt = Objects.requireNonNull(when, "when");
  }

  public Long getId() {
    return id;
  }

  public Long getDisputeId() {
    return disputeId;
  }

  /** The party who wrote the message, or null for a staff message. */
  public Long getAuthorUserId() {
    return authorUserId;
  }

  /** The staff login that wrote the message, or null for a party's message. */
  public String getAuthorStaff() {
    return authorStaff;
  }

  public boolean isFromStaff() {
    return authorUserId == null;
  }

  public MessageVisibility getVisibility() {
    return visibility;
  }

  public String getBody() {
    return body;
  }

  public Instant getHiddenAt() {
    return hiddenAt;
  }

  public boolean isHidden() {
    return hiddenAt != null;
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
