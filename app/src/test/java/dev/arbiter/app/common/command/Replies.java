package dev.arbiter.app.common.command;

import java.util.ArrayList;
import java.util.List;

/** A reply that writes down what it heard, one line an event, for tests to compare. */
final class Replies<R> implements CommandReply<R> {

  final List<String> heard = new ArrayList<>();

  @Override
  public void sending() {
    heard.add("sending");
  }

  @Override
  public void answered(R answer) {
    heard.add("answered " + answer);
  }

  @Override
  public void failed(Throwable failure) {
    heard.add("failed " + failure.getMessage());
  }

  @Override
  public void offline() {
    heard.add("offline");
  }

  @Override
  public void held() {
    heard.add("held");
  }

  @Override
  public void checking() {
    heard.add("checking");
  }

  @Override
  public void savedAfterAll(R replayed) {
    heard.add("saved " + replayed);
  }

  @Override
  public void savedUnread(Throwable failure) {
    heard.add("saved unread " + failure.getMessage());
  }

  @Override
  public void notSaved(Throwable why) {
    heard.add(why == null ? "not saved" : "unknown " + why.getMessage());
  }
}
