package dev.arbiter.persistence.workspaces;

/**
 * One line of the workspace list.
 *
 * @param escrowHeldMinor funds held in escrow on the workspace's contracts in its default currency
 */
public record WorkspaceRow(
    long id,
    String name,
    String slug,
    String type,
    String ownerName,
    long members,
    long openContracts,
    long escrowHeldMinor,
    String currency,
    String status) {}
