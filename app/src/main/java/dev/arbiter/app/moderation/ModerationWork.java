package dev.arbiter.app.moderation;

import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.common.command.CommandRunner;

/**
 * What every moderation view model works through, built once by {@link ModerationArea}: the
 * database calls, the worker, the command runner they all send through, and the queue to reload
 * after a command changed an item.
 */
public record ModerationWork(
    ModerationGateway gateway, TaskRunner tasks, CommandRunner commands, Runnable queueChanged) {}
