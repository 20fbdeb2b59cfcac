package dev.arbiter.persistence.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what a change feed reported, for tests to wait on. */
public final class RecordingListener implements ChangeFeedListener {

  public final List<TableChange> changes = new CopyOnWriteArrayList<>();
  public final List<Boolean> onlines = new CopyOnWriteArrayList<>();
  public final List<String> offlines = new CopyOnWriteArrayList<>();

  @Override
  public void changes(List<TableChange> batch) {
    changes.addAll(batch);
  }

  @Override
  public void online(boolean resync) {
    onlines.add(resync);
  }

  @Override
  public void offline(String reason) {
    offlines.add(reason);
  }

  public boolean saw(String table, String op, String id) {
    return changes.contains(new TableChange(table, op, id));
  }
}
