package dev.arbiter.tools.demo;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Generated rows waiting to be copied, grouped per table and per actor. When the audit triggers
 * run, each group is copied with {@code arbiter.actor} naming the person or system that would have
 * made that change, so the history reads as the marketplace's own.
 */
final class Batch {

  /** One run of rows written under one actor. */
  private record Segment(String actor, CopyRows rows) {}

  private final Map<DemoTable, List<Segment>> segments = new EnumMap<>(DemoTable.class);
  private final boolean actorsMatter;
  private final String phase;
  private final long unitsTotal;
  private long unitsDone;

  /**
   * @param actorsMatter whether rows are copied per actor (only when audit triggers run)
   * @param phase the progress phase the batch belongs to
   * @param unitsTotal units of work in the whole phase
   */
  Batch(boolean actorsMatter, String phase, long unitsTotal) {
    this.actorsMatter = actorsMatter;
    this.phase = phase;
    this.unitsTotal = unitsTotal;
  }

  String phase() {
    return phase;
  }

  long unitsTotal() {
    return unitsTotal;
  }

  long unitsDone() {
    return unitsDone;
  }

  /** Records how far the phase is once this batch is written. */
  Batch upTo(long done) {
    this.unitsDone = done;
    return this;
  }

  /** The buffer to append a row of {@code table} made by {@code actor} to. */
  CopyRows rows(DemoTable table, String actor) {
    List<Segment> list = segments.computeIfAbsent(table, t -> new ArrayList<>(4));
    String key = actorsMatter ? actor : "";
    if (!list.isEmpty()) {
      if (table.keepsRowOrder() || !actorsMatter) {
        Segment last = list.get(list.size() - 1);
        if (last.actor().equals(key)) {
          return last.rows();
        }
      } else {
        for (Segment s : list) {
          if (s.actor().equals(key)) {
            return s.rows();
          }
        }
      }
    }
    Segment created = new Segment(key, new CopyRows());
    list.add(created);
    return created.rows();
  }

  /** Rows per table, for the load summary. */
  void countInto(Map<DemoTable, Long> counts) {
    segments.forEach(
        (table, list) -> {
          long n = 0;
          for (Segment s : list) {
            n += s.rows().rows();
          }
          counts.merge(table, n, Long::sum);
        });
  }

  /** Every group in copy order, with its table and actor: for tests and debugging. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(phase).append(' ').append(unitsDone).append('\n');
    for (DemoTable table : DemoTable.values()) {
      for (Segment s : segments.getOrDefault(table, List.of())) {
        out.append(table.table()).append(" as ").append(s.actor()).append('\n').append(s.rows());
      }
    }
    return out.toString();
  }

  /** Copies every group in foreign-key order on the caller's transaction. */
  void copyTo(Connection connection) throws SQLException {
    CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
    try (PreparedStatement setActor =
        connection.prepareStatement("SELECT set_config('arbiter.actor', ?, true)")) {
      for (DemoTable table : DemoTable.values()) {
        for (Segment s : segments.getOrDefault(table, List.of())) {
          if (s.rows().isEmpty()) {
            continue;
          }
          if (actorsMatter) {
            setActor.setString(1, s.actor());
            setActor.execute();
          }
          copy.copyIn(table.copySql(), s.rows().reader(), 65_536);
        }
      }
    } catch (IOException e) {
      throw new SQLException("could not stream demo rows to the server", e);
    }
  }
}
