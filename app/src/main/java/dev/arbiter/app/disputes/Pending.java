package dev.arbiter.app.disputes;

import dev.arbiter.persistence.disputes.DisputeCommand;

/**
 * A command the case view sent or means to send, and what the form does once it is saved (clear the
 * text that was sent).
 */
record Pending(DisputeCommand command, Runnable onDone) {}
