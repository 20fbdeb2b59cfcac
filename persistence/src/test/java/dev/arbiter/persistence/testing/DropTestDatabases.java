package dev.arbiter.persistence.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Drops the databases a test class made once the class is done, after its own {@code @AfterAll}.
 * Registered for every Jupiter test class of the modules that use {@link TestDatabase} by extension
 * autodetection ({@code junit-platform.properties} and {@code META-INF/services}); a class's
 * databases are its own (they are made in its fields or set-up), so none outlives it.
 */
public final class DropTestDatabases implements BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace HERE =
      ExtensionContext.Namespace.create(DropTestDatabases.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    if (isTopLevelClass(context)) {
      context.getStore(HERE).put("mark", TestDatabase.made());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    Integer mark = context.getStore(HERE).get("mark", Integer.class);
    if (mark != null && isTopLevelClass(context)) {
      TestDatabase.dropMadeSince(mark);
    }
  }

  private static boolean isTopLevelClass(ExtensionContext context) {
    return context.getTestClass().map(c -> c.getEnclosingClass() == null).orElse(false);
  }
}
