/**
 * Arbiter's domain: entities, enums, value types and rules, with no I/O.
 *
 * <p>How the entities map the schema that Flyway owns:
 *
 * <ul>
 *   <li>A column is insertable or updatable in a mapping only when some runtime role may write it
 *       (the grants in V6). Everything else, including every money column, the ledger and the audit
 *       log, is read-only here: money moves only through the database's functions.
 *   <li>Timestamps, authors and versions that the database fills in (defaults, triggers) are never
 *       sent; read them back by reloading the entity.
 *   <li>Records reference each other by id, not by association, so no lazy proxy can escape a
 *       transaction and every load is one row.
 *   <li>{@code jsonb} columns and secrets (invite token hashes, evidence bytes) are unmapped; they
 *       are read with SQL that decides what may be shown. The audit log's values are the one
 *       exception: an entry is shown whole, and the audit services mask its hidden keys.
 *   <li>Enums hold the database spelling through explicit {@code @Convert}s, and status changes are
 *       checked against the same table the database's trigger reads.
 * </ul>
 */
package dev.arbiter.model;
