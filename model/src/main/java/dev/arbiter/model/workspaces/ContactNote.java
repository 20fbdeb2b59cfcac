package dev.arbiter.model.workspaces;

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
 * A note staff keep about a workspace or one of its people ({@code contact_notes}). Notes are never
 * edited: a correction is a new note that supersedes the old one. The database stamps the author as
 * the writer's login, so the author is never sent.
 */
@Entity
@Table(name = "contact_notes")
public class ContactNote {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "workspace_id", nullable = false, updatable = false)
  private Long workspaceId;

  @Column(name = "subject_user_id", updatable = false)
  private Long subjectUserId;

  @Column(name = "author", nullable = false, insertable = false, updatable = false)
  private String author;

  @Column(name = "body", nullable = false, updatable = false)
  private String body;

  @Convert(converter = NoteVisibility.Converter.class)
  @Column(name = "visibility", nullable = false, updatable = false)
  private NoteVisibility visibility;

  @Column(name = "supersedes_id", updatable = false)
  private Long supersedesId;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected ContactNote() {}

  /**
   * A new note.
   *
   * @param subjectUserId the person the note is about, or null for the workspace itself
   * @param supersedesId the note this one corrects, or null
   */
  public ContactNote(
      Long workspaceId,
      Long subjectUserId,
      String body,
      NoteVisibility visibility,
      Long supersedesId) {
    if (body == null || body.isBlank()) {
      throw new IllegalArgumentException("A note needs some text.");
    }
    this.workspaceId = Objects.requireNonNull(workspaceId, "workspaceId");
    this.subjectUserId = subjectUserId;
    this.body = body;
    this.visibility = Objects.requireNonNull(visibility, "visibility");
    this.supersedesId = supersedesId;
  }

  public Long getId() {
    return id;
  }

  public Long getWorkspaceId() {
    return workspaceId;
  }

  public Long getSubjectUserId() {
    return subjectUserId;
  }

  /** The login that wrote the note; set by the database, so null until the note is reloaded. */
  public String getAuthor() {
    return author;
  }

  public String getBody() {
    return body;
  }

  public NoteVisibility getVisibility() {
    return visibility;
  }

  public Long getSupersedesId() {
    return supersedesId;
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
