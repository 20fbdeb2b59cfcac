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
import java.util.regex.Pattern;

/**
 * A provider workspace: an agency, company, studio or collective that freelancers work through
 * ({@code workspaces}). Admins and the marketplace backend both edit these. The {@code settings}
 * column is unmapped on purpose; it is read with SQL that leaves out private keys.
 */
@Entity
@Table(name = "workspaces")
public class Workspace {

  private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
  private static final Pattern CURRENCY = Pattern.compile("^[A-Z]{3}$");

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  @Column(name = "id", updatable = false)
  private Long id;

  @Column(name = "owner_id", nullable = false)
  private Long ownerId;

  @Column(name = "name", nullable = false)
  private String name;

  @Column(name = "slug", nullable = false)
  private String slug;

  @Convert(converter = WorkspaceType.Converter.class)
  @Column(name = "type", nullable = false)
  private WorkspaceType type;

  @Column(name = "timezone", nullable = false)
  private String timezone = "UTC";

  @Column(name = "default_currency", nullable = false)
  private String defaultCurrency = "USD";

  @Column(name = "intake_email")
  private String intakeEmail;

  @Convert(converter = WorkspaceStatus.Converter.class)
  @Column(name = "status", nullable = false)
  private WorkspaceStatus status = WorkspaceStatus.ACTIVE;

  @Column(name = "created_at", insertable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "updated_at", insertable = false, updatable = false)
  private Instant updatedAt;

  @Version
  @Column(name = "version", nullable = false, insertable = false)
  private int version;

  protected Workspace() {}

  /** A new active workspace owned by the user {@code ownerId}. */
  public Workspace(Long ownerId, String name, String slug, WorkspaceType type) {
    this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
    setName(name);
    setSlug(slug);
    this.type = Objects.requireNonNull(type, "type");
  }

  public Long getId() {
    return id;
  }

  public Long getOwnerId() {
    return ownerId;
  }

  /** Hands the workspace to another user; the owner membership must change with it. */
  public void setOwnerId(Long ownerId) {
    this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A workspace needs a name.");
    }
    this.name = name;
  }

  /** The URL name: lower-case letters and digits in words joined by single hyphens. */
  public String getSlug() {
    return slug;
  }

  public void setSlug(String slug) {
    if (slug == null || !SLUG.matcher(slug).matches()) {
      throw new IllegalArgumentException(
          "A slug is lower-case letters and digits joined by single hyphens, not '" + slug + "'.");
    }
    this.slug = slug;
  }

  public WorkspaceType getType() {
    return type;
  }

  public void setType(WorkspaceType type) {
    this.type = Objects.requireNonNull(type, "type");
  }

  /** The IANA time zone the workspace works in, e.g. {@code Europe/Lisbon}. */
  public String getTimezone() {
    return timezone;
  }

  public void setTimezone(String timezone) {
    this.timezone = Objects.requireNonNull(timezone, "timezone");
  }

  public String getDefaultCurrency() {
    return defaultCurrency;
  }

  public void setDefaultCurrency(String defaultCurrency) {
    if (defaultCurrency == null || !CURRENCY.matcher(defaultCurrency).matches()) {
      throw new IllegalArgumentException("not a currency code: " + defaultCurrency);
    }
    this.defaultCurrency = defaultCurrency;
  }

  public String getIntakeEmail() {
    return intakeEmail;
  }

  public void setIntakeEmail(String intakeEmail) {
    this.intakeEmail = intakeEmail;
  }

  public WorkspaceStatus getStatus() {
    return status;
  }

  public void setStatus(WorkspaceStatus status) {
    this.status = Objects.requireNonNull(status, "status");
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
