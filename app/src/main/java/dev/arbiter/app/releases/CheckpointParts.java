package dev.arbiter.app.releases;

import dev.arbiter.app.common.TaskRunner;

/**
 * What the pieces of one open checkpoint share: the worker, how a checkpoint reads and what changed
 * in it, the one feedback line and the one change banner, and who is reviewing. Built once by
 * {@link CheckpointViewModel}, so the open checkpoint, the release confirmation and the stale
 * refusal speak through the same feedback and banner.
 */
record CheckpointParts(
    TaskRunner tasks,
    CheckpointText text,
    CheckpointDiff diff,
    ActionFeedback feedback,
    ChangeNotice notice,
    String login) {}
