package dev.arbiter.persistence.disputes;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * Counts the statements prepared on a data source's connections: the queue reads with plain JDBC,
 * where Hibernate's statistics do not see it.
 */
final class CountingDataSource {

  private final AtomicInteger prepared = new AtomicInteger();
  private final DataSource dataSource;

  CountingDataSource(DataSource target) {
    this.dataSource =
        proxy(
            DataSource.class,
            target,
            (result, method) ->
                result instanceof Connection c && method.equals("getConnection")
                    ? proxy(Connection.class, c, this::counted)
                    : result);
  }

  DataSource dataSource() {
    return dataSource;
  }

  /** The statements prepared since the last call. */
  int takeCount() {
    return prepared.getAndSet(0);
  }

  private Object counted(Object result, String method) {
    if (method.equals("prepareStatement") || method.equals("createStatement")) {
      prepared.incrementAndGet();
    }
    return result;
  }

  /** What becomes of a call's result. */
  @FunctionalInterface
  private interface After {
    Object apply(Object result, String method);
  }

  private static <T> T proxy(Class<T> type, T target, After after) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              try {
                return after.apply(method.invoke(target, args), method.getName());
              } catch (InvocationTargetException e) {
                throw e.getCause();
              }
            }));
  }
}
