package dev.arbiter.persistence.moderation;

import dev.arbiter.model.moderation.FlagDecision;
import java.time.Instant;

/**
 * One past decision, for the decision log. {@code undoable} is the database's own view: not yet
 * undone and made today. {@code liftedBy} and {@code liftedAt} are set on a suspension the
 * automation ended when its time ran out.
 */
public record DecisionEntry(
    long id,
    ItemKey key,
    String preview,
    FlagDecision decision,
    ModerationReason reason,
    String note,
    int flagCount,
    Long subjectUserId,
    Instant suspendedUntil,
    String decidedBy,
    Instant decidedAt,
    String undoneBy,
    Instant undoneAt,
    boolean undoable,
    String liftedBy,
    Instant liftedAt) {}
