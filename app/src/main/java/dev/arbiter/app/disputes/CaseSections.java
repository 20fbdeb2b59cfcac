package dev.arbiter.app.disputes;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.DateTimes;
import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.persistence.disputes.DisputeCase;
import dev.arbiter.persistence.disputes.DisputeCase.CheckpointInfo;
import dev.arbiter.persistence.disputes.DisputeCase.EvidenceInfo;
import dev.arbiter.persistence.disputes.DisputeCase.MetadataEntry;
import dev.arbiter.persistence.disputes.DisputeCase.Party;
import dev.arbiter.persistence.disputes.DisputeCase.PastDispute;
import dev.arbiter.persistence.timeline.TimelineEntry;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** Read-only parts of the case view, built from a loaded case. */
final class CaseSections {

  private final MoneyFormat money;
  private final DateTimes time;

  CaseSections(Locale locale, ZoneId zone) {
    this.money = new MoneyFormat(locale);
    this.time = new DateTimes(locale, zone);
  }

  Node parties(DisputeCase c) {
    return new VBox(
        16, party("Client (payer)", c.client()), party("Freelancer (payee)", c.freelancer()));
  }

  private Node party(String role, Party p) {
    Label title = new Label(p.name() + " — " + role);
    title.getStyleClass().add(Styles.TITLE_4);
    GridPane facts =
        facts(
            List.of(
                new String[] {"E-mail", p.email()},
                new String[] {"Kind", DisplayNames.words(p.kind())},
                new String[] {"Account", DisplayNames.words(p.status())},
                new String[] {"Country", p.country() == null ? "—" : p.country()}));
    VBox box = new VBox(6, title, facts, metadata(p.metadata()));
    Label history = new Label(p.history().isEmpty() ? "No other disputes." : "Other disputes:");
    history.getStyleClass().add(Styles.TEXT_MUTED);
    box.getChildren().add(history);
    for (PastDispute past : p.history()) {
      Label line =
          new Label(
              past.reference()
                  + " · as "
                  + past.side()
                  + " · "
                  + Labels.of(past.status())
                  + (past.outcome() == null ? "" : " (" + Labels.of(past.outcome()) + ")")
                  + " · "
                  + money.format(past.amountMinor(), past.currency())
                  + " · "
                  + time.dateTime(past.openedAt()));
      line.getStyleClass().add("history-line");
      box.getChildren().add(line);
    }
    box.getStyleClass().add("case-card");
    return box;
  }

  Node contractAndEscrow(DisputeCase c) {
    var k = c.contract();
    Label title = new Label(k.reference() + " — " + k.title());
    title.getStyleClass().add(Styles.TITLE_4);
    VBox box =
        new VBox(
            8,
            title,
            facts(
                List.of(
                    new String[] {"Kind", DisplayNames.words(k.kind())},
                    new String[] {"Status", DisplayNames.words(k.status())},
                    new String[] {"Value", money.format(k.valueMinor(), k.currency())},
                    new String[] {"CSAT", k.csatScore() == null ? "—" : k.csatScore()})),
            metadata(k.metadata()));
    if (c.escrow() == null) {
      box.getChildren().add(new Label("No escrow is linked to this dispute."));
    } else {
      var e = c.escrow();
      Label escrow =
          new Label("Escrow #" + e.id() + " (" + DisplayNames.lowerWords(e.status()) + ")");
      escrow.getStyleClass().add(Styles.TITLE_4);
      Label held = new Label("Held " + money.format(e.heldMinor(), e.currency()));
      held.setId("caseEscrowHeld");
      held.getStyleClass().add(Styles.ACCENT);
      box.getChildren()
          .addAll(
              escrow,
              held,
              facts(
                  List.of(
                      new String[] {"Funded", money.format(e.fundedMinor(), e.currency())},
                      new String[] {"Released", money.format(e.releasedMinor(), e.currency())},
                      new String[] {"Refunded", money.format(e.refundedMinor(), e.currency())})));
      for (CheckpointInfo cp : c.checkpoints()) {
        Label line =
            new Label(
                "#"
                    + cp.seq()
                    + " "
                    + cp.label()
                    + " · "
                    + DisplayNames.lowerWords(cp.status())
                    + " · "
                    + money.format(cp.amountMinor(), cp.currency())
                    + " · held "
                    + money.format(cp.heldMinor(), cp.currency())
                    + " · "
                    + cp.approvalRequirement()
                    + (cp.disputed() ? " · in dispute" : ""));
        if (cp.disputed()) {
          line.getStyleClass().add(Styles.WARNING);
        }
        box.getChildren().add(line);
      }
    }
    box.getStyleClass().add("case-card");
    return box;
  }

  Node evidence(DisputeCase c, Consumer<EvidenceInfo> save) {
    VBox box = new VBox(8);
    if (c.evidence().isEmpty()) {
      box.getChildren().add(new Label("No evidence was attached."));
    }
    for (EvidenceInfo e : c.evidence()) {
      Label name = new Label(e.fileName() + " · " + e.mimeType() + " · " + size(e.sizeBytes()));
      name.getStyleClass().add(Styles.TEXT_BOLD);
      Label sha = new Label("sha256 " + e.sha256Hex());
      sha.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL, "mono");
      Label by =
          new Label(
              "from "
                  + (e.uploadedBy() == null ? "?" : e.uploadedBy())
                  + " · "
                  + time.dateTime(e.createdAt()));
      by.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      Button saveButton = new Button("Save…");
      saveButton.setDisable(!e.stored());
      saveButton.setTooltip(
          new Tooltip(e.stored() ? "Save a copy of the file" : "Only the digest was recorded"));
      saveButton.setOnAction(ev -> save.accept(e));
      HBox line = new HBox(12, new VBox(2, name, sha, by), saveButton);
      line.getStyleClass().add("case-card");
      box.getChildren().add(line);
    }
    return box;
  }

  Node timeline(DisputeCase c) {
    VBox box = new VBox(4);
    box.setId("caseTimeline");
    for (TimelineEntry t : c.timeline()) {
      Label when = new Label(time.dateTime(t.at()));
      when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
      when.setMinWidth(150);
      Label who = new Label(t.by().text() + (t.command() == null ? "" : " · " + t.command()));
      who.getStyleClass().add(Styles.TEXT_BOLD);
      who.setMinWidth(220);
      Label what = new Label(t.entityType().replace('_', ' ') + ": " + t.summary());
      what.setWrapText(true);
      box.getChildren().add(new HBox(8, when, who, what));
    }
    return box;
  }

  private static Node metadata(List<MetadataEntry> entries) {
    if (entries.isEmpty()) {
      return new VBox();
    }
    return facts(entries.stream().map(m -> new String[] {m.path(), m.value()}).toList());
  }

  private static GridPane facts(List<String[]> rows) {
    GridPane grid = new GridPane();
    grid.setHgap(12);
    grid.setVgap(2);
    for (int i = 0; i < rows.size(); i++) {
      Label key = new Label(rows.get(i)[0]);
      key.getStyleClass().add(Styles.TEXT_MUTED);
      grid.addRow(i, key, new Label(rows.get(i)[1] == null ? "—" : rows.get(i)[1]));
    }
    return grid;
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return (bytes / 1024) + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
  }

  String when(java.time.Instant instant) {
    return time.dateTime(instant);
  }
}
