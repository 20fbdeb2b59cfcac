package dev.arbiter.app.moderation;

import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.OfflineMarks;
import dev.arbiter.app.common.Plurals;
import dev.arbiter.app.common.Visibility;
import dev.arbiter.app.live.ChangedBanner;
import dev.arbiter.app.moderation.PendingDecisionViewModel.State;
import dev.arbiter.persistence.moderation.DecisionEntry;
import dev.arbiter.persistence.moderation.ItemDetail;
import dev.arbiter.persistence.moderation.ItemDetail.FlagLine;
import dev.arbiter.persistence.moderation.QueueRow;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The item view beside the queue: the flagged content (read-only), the commands with their keys,
 * every flag with its reporter, the author's history, the decisions and the audit timeline.
 */
final class ItemPane {

  private final ItemViewModel model;
  private final DateTimes time;
  private final MoneyFormat money;
  private final VBox body = new VBox(14);
  private final ScrollPane root;

  ItemPane(
      ItemViewModel model,
      Node presenceLine,
      Runnable dismiss,
      Runnable act,
      DateTimes dates,
      MoneyFormat money) {
    this.model = model;
    this.time = dates;
    this.money = money;
    Label claim = label("itemClaim", "moderation-claim");
    claim.textProperty().bind(model.claimTextProperty());
    claim.getStyleClass().add("moderation-claim");
    model
        .claimedByOtherProperty()
        .addListener((obs, old, other) -> claim.pseudoClassStateChanged(OTHER, other));
    Button claimButton = button("itemClaimButton", "Claim (C)", "Claim the item for yourself");
    claimButton.disableProperty().bind(model.canClaimProperty().not().or(model.busyProperty()));
    // Claiming an item one holds renews the claim (moderation_claim), so the button says that.
    claimButton
        .textProperty()
        .bind(
            Bindings.when(model.claimedByMeProperty())
                .then("Extend claim (C)")
                .otherwise("Claim (C)"));
    claimButton.setOnAction(e -> model.claim());
    Button release = button("itemReleaseButton", "Release (X)", "Give your claim back");
    release.disableProperty().bind(model.claimedByMeProperty().not().or(model.busyProperty()));
    release.setOnAction(e -> model.release());
    Button dismissButton = button("itemDismissButton", "Dismiss (D)", "Dismiss every open flag");
    dismissButton
        .disableProperty()
        .bind(model.claimedByMeProperty().not().or(model.busyProperty()));
    dismissButton.setOnAction(e -> dismiss.run());
    Button actButton = button("itemActButton", "Act… (A)", "Hide content, warn or suspend");
    actButton.disableProperty().bind(model.claimedByMeProperty().not().or(model.busyProperty()));
    actButton.setOnAction(e -> act.run());
    Button undo = button("itemUndoButton", "Undo (U)", "Undo today's latest decision on it");
    undo.disableProperty().bind(model.busyProperty());
    undo.setOnAction(e -> model.undoLatest());
    Label message = label("itemMessage", "moderation-message");
    message.textProperty().bind(model.messageProperty());
    Label error = label("itemError", "moderation-error");
    error.textProperty().bind(model.errorProperty());
    FlowPane buttons = new FlowPane(8, 8, claimButton, release, dismissButton, actButton, undo);
    Label facts = label("itemFacts", "moderation-muted");
    model.rowProperty().addListener((obs, old, row) -> facts.setText(facts(row)));
    VBox header =
        new VBox(
            8,
            ChangedBanner.following(model.changedTextProperty()),
            presenceLine,
            claim,
            buttons,
            facts,
            message,
            error,
            pending(model.pending()));
    VBox page = new VBox(14, header, body);
    page.getStyleClass().add("moderation-item");
    root = new ScrollPane(page);
    root.setId("moderationItem");
    root.setFitToWidth(true);
    model.detailProperty().addListener((obs, old, detail) -> render(detail));
  }

  // A decision that did not go through: what changed, and the way to send it again.
  private VBox pending(PendingDecisionViewModel pending) {
    Label text = label("pendingDecisionText", "moderation-pending-text");
    text.textProperty().bind(pending.textProperty());
    Label diff = label("staleDiff", "moderation-stale-diff");
    diff.textProperty()
        .bind(
            Bindings.createStringBinding(
                () -> String.join("\n", pending.changes().stream().map(c -> "• " + c).toList()),
                pending.changes()));
    Visibility.showWhen(diff, Bindings.isNotEmpty(pending.changes()));
    Button reapply =
        button("reapplyChange", "Re-apply on the current item", "Send your decision again");
    reapply.visibleProperty().bind(pending.stateProperty().isEqualTo(State.STALE));
    reapply.disableProperty().bind(pending.canReapplyProperty().not().or(model.busyProperty()));
    reapply.setOnAction(e -> model.reapply());
    Button retry = button("retryDecision", "Retry", "Send the decision that was not saved again");
    retry.visibleProperty().bind(pending.stateProperty().isEqualTo(State.UNSAVED));
    retry.disableProperty().bind(model.busyProperty());
    retry.setOnAction(e -> model.retry());
    Button discard = button("discardPending", "Discard", "Forget the decision");
    discard.getStyleClass().add(OfflineMarks.WORKS_OFFLINE);
    discard.setOnAction(e -> model.discardPending());
    for (Button b : new Button[] {reapply, retry}) {
      b.managedProperty().bind(b.visibleProperty());
    }
    FlowPane actions = new FlowPane(8, 8, reapply, retry, discard);
    VBox box = new VBox(6, text, diff, actions);
    box.setId("pendingDecision");
    box.getStyleClass().add("moderation-pending");
    Visibility.showWhen(box, pending.stateProperty().isNotEqualTo(State.NONE));
    return box;
  }

  private static final javafx.css.PseudoClass OTHER =
      javafx.css.PseudoClass.getPseudoClass("other");

  Node node() {
    return root;
  }

  private void render(ItemDetail detail) {
    body.getChildren().clear();
    if (detail == null) {
      body.getChildren().add(new Label("Select an item in the queue (J / K)."));
      return;
    }
    Label title = label("itemTitle", "moderation-title");
    title.setText(ModerationWords.item(detail.key()) + (detail.hidden() ? " · hidden" : ""));
    Label preview = label("itemPreview", "moderation-preview");
    preview.setText(detail.preview());
    GridPane content = new GridPane();
    content.setId("itemContent");
    content.setHgap(12);
    content.setVgap(4);
    int r = 0;
    for (ItemDetail.Field field : detail.content()) {
      // A field the record leaves empty (never hidden, never suspended) says nothing worth a row.
      if (field.value() == null) {
        continue;
      }
      Label value = new Label(value(field.value()));
      value.setWrapText(true);
      Label name = muted(field.label());
      name.setMinWidth(Region.USE_PREF_SIZE);
      content.addRow(r++, name, value);
    }
    body.getChildren()
        .addAll(title, preview, content, section("Flags (" + detail.flags().size() + ")"));
    VBox flags = lines("itemFlags");
    for (FlagLine f : detail.flags()) {
      String accuracy =
          f.reporterAccuracy() == null
              ? "no decided flags yet"
              : Math.round(f.reporterAccuracy().doubleValue() * 100)
                  + "% of "
                  + f.reporterDecided()
                  + " actioned";
      flags
          .getChildren()
          .add(
              line(
                  DisplayNames.words(f.severity())
                      + " · "
                      + DisplayNames.words(f.reason())
                      + " · "
                      + DisplayNames.lowerWords(f.status())
                      + " — "
                      + f.reporterName()
                      + " ("
                      + accuracy
                      + ") · "
                      + time.dateTime(f.flaggedAt())
                      + (f.details() == null ? "" : "\n    " + f.details())));
    }
    body.getChildren().addAll(flags, section("Author"));
    VBox author = lines("itemAuthor");
    ItemDetail.AuthorHistory a = detail.author();
    if (a.userId() == null) {
      author.getChildren().add(line("No marketplace author (staff content)."));
    } else {
      author
          .getChildren()
          .add(
              line(
                  a.name()
                      + " · user #"
                      + a.userId()
                      + " · "
                      + DisplayNames.lowerWords(a.status())
                      + (a.suspendedUntil() == null
                          ? ""
                          : " until " + time.dateTime(a.suspendedUntil()))));
      a.earlierFlags()
          .forEach(
              f ->
                  author
                      .getChildren()
                      .add(
                          line(
                              "Flag on "
                                  + ModerationWords.item(f.key())
                                  + " · "
                                  + DisplayNames.words(f.reason())
                                  + " · "
                                  + DisplayNames.lowerWords(f.severity())
                                  + " · "
                                  + DisplayNames.lowerWords(f.status())
                                  + " · "
                                  + time.dateTime(f.at()))));
      a.decisions().forEach(d -> author.getChildren().add(line(decisionLine(d))));
    }
    body.getChildren().addAll(author, section("Decisions"));
    VBox decisions = lines("itemDecisions");
    detail.decisions().forEach(d -> decisions.getChildren().add(line(decisionLine(d))));
    if (detail.decisions().isEmpty()) {
      decisions.getChildren().add(line("None yet."));
    }
    body.getChildren().addAll(decisions, section("Audit timeline"));
    VBox timeline = lines("itemTimeline");
    detail
        .timeline()
        .forEach(
            t ->
                timeline
                    .getChildren()
                    .add(
                        line(time.dateTime(t.at()) + " · " + t.by().text() + " · " + t.summary())));
    body.getChildren().add(timeline);
  }

  private String facts(QueueRow row) {
    if (row == null) {
      return "";
    }
    return "Priority "
        + ModerationWords.score(row.score())
        + " · "
        + row.openFlags()
        + " open of "
        + Plurals.of(row.totalFlags(), "flag")
        + " · first flagged "
        + time.dateTime(row.firstFlagged())
        + " · last flagged "
        + time.dateTime(row.lastFlagged());
  }

  private String decisionLine(DecisionEntry d) {
    return "#"
        + d.id()
        + " "
        + DecisionLogViewModel.decided(d)
        + " · "
        + time.dateTime(d.decidedAt())
        + (d.undoneAt() == null ? "" : " · undone by " + d.undoneBy())
        + (d.liftedAt() == null
            ? ""
            : " · lifted " + time.dateTime(d.liftedAt()) + " by " + d.liftedBy());
  }

  private String value(ItemDetail.Value value) {
    if (value instanceof ItemDetail.Moment moment) {
      return time.dateTime(moment.at());
    }
    if (value instanceof ItemDetail.Amount amount) {
      return money.format(amount.minorUnits(), amount.currency());
    }
    if (value instanceof ItemDetail.Word word) {
      return DisplayNames.words(word.constant());
    }
    return ((ItemDetail.Text) value).text();
  }

  private static VBox lines(String id) {
    VBox box = new VBox(3);
    box.setId(id);
    return box;
  }

  private static Label line(String text) {
    Label label = new Label(text);
    label.setWrapText(true);
    return label;
  }

  private static Label section(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("moderation-section");
    return label;
  }

  private static Label muted(String text) {
    Label label = new Label(text);
    label.getStyleClass().add("moderation-muted");
    return label;
  }

  private static Label label(String id, String style) {
    Label label = new Label();
    label.setId(id);
    label.setWrapText(true);
    label.getStyleClass().add(style);
    return label;
  }

  private static Button button(String id, String text, String tip) {
    Button button = new Button(text);
    button.setId(id);
    button.setTooltip(new Tooltip(tip));
    return button;
  }
}
