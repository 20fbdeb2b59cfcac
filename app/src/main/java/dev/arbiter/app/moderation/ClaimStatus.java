package dev.arbiter.app.moderation;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.model.moderation.FlagStatus;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.QueueRow;
import java.time.ZoneId;
import java.util.Locale;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Who holds the claim on the shown item and what the moderator may do about it, from its queue row
 * and, when the item was decided elsewhere since the queue was read, from its detail.
 */
final class ClaimStatus {

  private final String me;
  private final DateTimes time;
  private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
  private final ReadOnlyBooleanWrapper claimedByMe = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper claimedByOther = new ReadOnlyBooleanWrapper(false);
  private final ReadOnlyBooleanWrapper canClaim = new ReadOnlyBooleanWrapper(false);

  ClaimStatus(String me, Locale locale, ZoneId zone) {
    this.me = me;
    this.time = new DateTimes(locale, zone);
  }

  /** Recomputes the claim from the row shown and the detail read last (either may be null). */
  void update(QueueRow selected, ItemDetail current) {
    boolean open = selected != null && selected.status() == FlagStatus.OPEN;
    // The queue drops an item decided elsewhere, so its row stays behind; the detail knows better.
    boolean closedSince =
        open
            && current != null
            && current.key().equals(selected.key())
            && !current.flags().isEmpty()
            && ItemChanges.openFlagIds(current).isEmpty();
    String holder = selected == null ? null : selected.claimant();
    open = open && !closedSince;
    claimedByMe.set(open && me.equals(holder));
    claimedByOther.set(open && holder != null && !me.equals(holder));
    canClaim.set(open && !claimedByOther.get());
    if (closedSince) {
      text.set("Closed: " + DisplayNames.lowerWords(ItemChanges.status(current)));
    } else if (!open) {
      text.set(selected == null ? "" : "Closed: " + ModerationWords.lowerWord(selected.status()));
    } else if (holder == null) {
      text.set("Unclaimed: claim it (C) before acting");
    } else {
      String until = time.time(selected.claimedUntil());
      text.set((me.equals(holder) ? "Claimed by you" : "Claimed by " + holder) + " until " + until);
    }
  }

  ReadOnlyStringProperty textProperty() {
    return text.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty claimedByMeProperty() {
    return claimedByMe.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty claimedByOtherProperty() {
    return claimedByOther.getReadOnlyProperty();
  }

  ReadOnlyBooleanProperty canClaimProperty() {
    return canClaim.getReadOnlyProperty();
  }
}
