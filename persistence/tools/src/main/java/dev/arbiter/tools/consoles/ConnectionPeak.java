package dev.arbiter.tools.consoles;

/**
 * The most server connections to the database seen at once: in all, by holder (each its own peak),
 * and of the holders the connection budget counts (listeners, the consoles' pooled work and the
 * simulator together, in one sample).
 */
public record ConnectionPeak(
    int total, int listeners, int pooled, int simulator, int other, int budgeted) {}
