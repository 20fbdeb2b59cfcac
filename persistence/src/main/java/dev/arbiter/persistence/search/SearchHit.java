package dev.arbiter.persistence.search;

import java.util.Objects;

/**
 * One record global search found.
 *
 * @param kind what it is, which decides where it opens
 * @param id the record's id (for a staff account, its {@code staff_accounts} id)
 * @param key what identifies it to people and to the area that opens it: the dispute or contract
 *     reference, the workspace slug, the staff login
 * @param title the first thing shown, e.g. {@code DSP-000123}
 * @param detail one line under or beside the title, e.g. the parties and the status
 */
public record SearchHit(SearchKind kind, long id, String key, String title, String detail) {

  public SearchHit {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(title, "title");
    detail = detail == null ? "" : detail;
  }
}
