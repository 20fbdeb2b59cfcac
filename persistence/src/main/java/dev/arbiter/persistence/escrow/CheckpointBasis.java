package dev.arbiter.persistence.escrow;

/**
 * The state of a checkpoint a reviewer's decision was based on: the row's version and the number of
 * decisions recorded on it (another reviewer's approval does not touch the row). The database
 * refuses the decision as stale when either moved since.
 *
 * @param version {@code escrow_checkpoints.version} as read
 * @param decisions the {@code release_approvals} rows of the checkpoint as read
 */
public record CheckpointBasis(int version, int decisions) {}
