package dev.arbiter.model.users;

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
 * A marketplace user: a client, a freelancer or an agency owner ({@code users}). The marketplace
 * backend owns these rows; the console reads them and changes a user's standing only through
 * moderation. The {@code metadata} column is deliberately unmapped: it may carry private keys that
 * never reach a screen, so it is read with SQL that filters them.
 */
@Entity
@Table(name = "users")
public class User {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "email", nullable = false)
  private String email;

  @Column(name = "display_name", nullable = false)
  private String displayName;

  @Convert(converter = UserKind.Converter.class)
  @Column(name = "kind", nullable = false)
  private UserKind kind;

  @Convert(converter = UserStatus.Converter.class)
  @Column(name = "status", nullable = false)
  private UserStatus status = UserStatus.ACTIVE;

  @Column(name = "suspended_until")
  private Instant suspendedUntil;

  @Column(name = "country")
  private String country;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected User() {}

  /** A new active user, as the marketplace registers one. */
  public User(String email, String displayName, UserKind kind) {
    this.email = Objects.requireNonNull(email, "email");
    this.displayName = Objects.requireNonNull(displayName, "displayName");
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  public Long getId() {
    return id;
  }

  public String getEmail() {
    return email;
  }

  public void setEmail(String email) {
    this.email = Objects.requireNonNull(email, "email");
  }

  public String getDisplayName() {
    return displayName;
  }

  public void setDisplayName(String displayName) {
    this.displayName = Objects.requireNonNull(displayName, "displayName");
  }

  public UserKind getKind() {
    return kind;
  }

  public UserStatus getStatus() {
    return status;
  }

  public void setStatus(UserStatus status) {
    this.status = Objects.requireNonNull(status, "status");
  }

  /** The end of a suspension, or null if the user is not suspended or suspended for good. */
  public Instant getSuspendedUntil() {
    return suspendedUntil;
  }

  public void setSuspendedUntil(Instant suspendedUntil) {
    this.suspendedUntil = suspendedUntil;
  }

  /** ISO 3166 alpha-2 country code, or null if unknown. */
  public String getCountry() {
    return country;
  }

  public void setCountry(String country) {
    this.country = country;
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
