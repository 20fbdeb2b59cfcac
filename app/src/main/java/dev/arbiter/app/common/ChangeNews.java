package dev.arbiter.app.common;

import dev.arbiter.model.audit.AuditActor;
import java.util.Collection;
import java.util.List;

/**
 * The line a record view shows when others changed the record it has open: "Changed by … while you
 * had it open: …". The viewer's own changes report elsewhere and are not news; a change another
 * login wrote in the viewer's name is, and says which login wrote it.
 */
public final class ChangeNews {

  private ChangeNews() {}

  /**
   * @param diffs what differs between what the viewer saw and what is there now, one item each
   * @param actors who wrote the audit entries that are new since, in the order to name them; empty
   *     when the change left no entry the view reads
   * @param me the signed-in login
   * @return the line, or empty when nothing differs or every new entry is {@code me}'s own
   */
  public static String line(List<String> diffs, Collection<AuditActor> actors, String me) {
    boolean onlyMine = !actors.isEmpty() && actors.stream().allMatch(a -> a.isOwnChangeOf(me));
    if (diffs.isEmpty() || onlyMine) {
      return "";
    }
    List<String> others =
        actors.stream().filter(a -> !a.isOwnChangeOf(me)).map(AuditActor::text).toList();
    return (others.isEmpty() ? "Changed" : "Changed by " + String.join(", ", others))
        + " while you had it open: "
        + String.join("; ", diffs);
  }
}
