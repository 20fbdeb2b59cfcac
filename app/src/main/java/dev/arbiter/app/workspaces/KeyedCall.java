package dev.arbiter.app.workspaces;

import dev.arbiter.persistence.workspaces.WorkspaceAdminService;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * One action the staff member asked for, bound to its request key: every send of it (the first, and
 * a retry after a lost connection) uses the same key, so the database does it once. Re-applying a
 * stale action is a new action with a new key.
 */
record KeyedCall<T>(String key, Callable<T> call) {

  /** An action without an answer, given a fresh key. */
  static KeyedCall<Object> of(Consumer<String> action) {
    String key = WorkspaceAdminService.newRequestKey();
    return new KeyedCall<>(
        key,
        () -> {
          action.accept(key);
          return null;
        });
  }

  /** An action whose answer matters (a new invite, a count), given a fresh key. */
  static <T> KeyedCall<T> returning(Function<String, T> action) {
    String key = WorkspaceAdminService.newRequestKey();
    return new KeyedCall<>(key, () -> action.apply(key));
  }
}
