package dev.arbiter.app.disputes;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.DisabledReason;
import dev.arbiter.app.common.MoneyFormat;
import dev.arbiter.app.common.Visibility;
import dev.arbiter.app.live.ChangedBanner;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.app.live.PresenceTracker;
import dev.arbiter.app.live.PresenceViews;
import dev.arbiter.model.disputes.DisputePriority;
import dev.arbiter.model.disputes.DisputeStatus;
import dev.arbiter.model.disputes.MessageVisibility;
import dev.arbiter.persistence.disputes.DisputeCase;
import dev.arbiter.persistence.disputes.DisputeCase.EvidenceInfo;
import dev.arbiter.persistence.disputes.DisputeCase.MessageInfo;
import dev.arbiter.persistence.disputes.DisputeCaseService.Agent;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The case file: header with the SLA clock and the actions, then tabs for the conversation, the
 * parties, contract and escrow, evidence, the timeline and settling. Rebuilt from each loaded case.
 */
final class DisputeCaseView {

  private final DisputeCaseViewModel model;
  private final CaseSections sections;
  private final CaseFields fields;
  private final MoneyFormat money;
  private final Supplier<List<Agent>> agents;
  private final Consumer<EvidenceInfo> saveEvidence;
  private final VBox header = new VBox(6);
  private final VBox conversation = new VBox(8);
  private final ScrollPane parties = scroll();
  private final ScrollPane contract = scroll();
  private final ScrollPane evidence = scroll();
  private final ScrollPane timeline = scroll();
  private final TabPane tabs = new TabPane();
  private final StackPane root = new StackPane();
  private final ComboBox<DisputePriority> priority = CaseFields.priorityBox();
  private final Label reference = new Label();
  private final Label status = new Label();
  private final Label prio = new Label();
  private final Label amount = new Label();
  private final Label sla = new Label();
  private final Label who = new Label();
  private final Label deadline = new Label();
  private final MenuButton assign = new MenuButton("Assign to…");
  private final MenuButton move = new MenuButton("Move to…");
  private final Button escalate = new Button("Escalate");
  private final ChangedBanner changed;
  private final CasePresence presence;
  private final Label others;
  private boolean showingPriority;
  private String shownState = "";

  DisputeCaseView(
      DisputeCaseViewModel model,
      Locale locale,
      Supplier<List<Agent>> agents,
      Consumer<EvidenceInfo> saveEvidence,
      PresenceTracker.Scope tracker,
      DraftBinder drafts) {
    this.model = model;
    this.changed = ChangedBanner.following(model.changedProperty());
    this.sections = new CaseSections(locale, model.zone());
    this.fields = new CaseFields(model, drafts);
    this.presence = new CasePresence(tracker, model);
    this.others = PresenceViews.line(tracker, presence.key());
    this.money = new MoneyFormat(locale);
    this.agents = agents;
    this.saveEvidence = saveEvidence;
    ScrollPane thread = scroll();
    thread.setContent(conversation);
    VBox talk = new VBox(8, thread, new ComposerForm(fields).node());
    VBox.setVgrow(thread, Priority.ALWAYS);
    VBox settle =
        new VBox(
            16,
            section("Response deadline", new DeadlineForm(fields).node()),
            section("Propose a settlement", new SettlementForm(fields).node()));
    settle.getStyleClass().add("case-pad");
    tabs.getTabs()
        .addAll(
            tab("tabConversation", "Conversation", talk),
            tab("tabParties", "Parties", parties),
            tab("tabContract", "Contract & escrow", contract),
            tab("tabEvidence", "Evidence", evidence),
            tab("tabTimeline", "Timeline", timeline),
            tab("tabSettle", "Deadline & settlement", scroll(settle)));
    tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
    VBox.setVgrow(tabs, Priority.ALWAYS);
    // The pane shows only once a dispute is opened (DetailSplit), so empty means still loading.
    Label empty = new Label("Opening the dispute…");
    empty.setId("caseEmpty");
    empty.getStyleClass().add(Styles.TEXT_MUTED);
    VBox page = new VBox(10, header, tabs);
    page.setId("disputeCase");
    page.getStyleClass().add("dispute-case");
    page.visibleProperty().bind(model.currentProperty().isNotNull());
    empty.visibleProperty().bind(model.currentProperty().isNull());
    root.getChildren().addAll(empty, page);
    priority.setOnAction(
        e -> {
          if (!showingPriority && priority.getValue() != null) {
            model.changePriority(priority.getValue());
          }
        });
    header.getChildren().setAll(headerLine(), others, changed, actionBar(), feedback());
    // Dismissing the banner acknowledges the changes, so the next one starts a new list.
    changed.onHidden(model::acknowledgeChanges);
    model.currentProperty().addListener((obs, was, now) -> show(now));
  }

  Node node() {
    return root;
  }

  /** The case view goes away: other consoles stop seeing this one on the case. */
  void close() {
    presence.close();
  }

  private void show(DisputeCase c) {
    if (c == null) {
      return;
    }
    showHeader(c);
    conversation.getChildren().setAll(c.messages().stream().map(this::message).toList());
    if (c.messages().isEmpty()) {
      conversation.getChildren().add(new Label("No messages yet."));
    }
    parties.setContent(sections.parties(c));
    contract.setContent(sections.contractAndEscrow(c));
    evidence.setContent(sections.evidence(c, saveEvidence));
    timeline.setContent(sections.timeline(c));
    // A live re-read of the same case leaves the agent's choice alone unless the status moved.
    String state = c.header().id() + "/" + c.header().status();
    if (!state.equals(shownState)) {
      shownState = state;
      model
          .forms()
          .escalateFirstProperty()
          .set(
              c.header().status() == DisputeStatus.UNDER_REVIEW
                  || c.header().status() == DisputeStatus.AWAITING_PARTIES);
    }
  }

  private Node headerLine() {
    reference.setId("caseReference");
    reference.getStyleClass().add(Styles.TITLE_3);
    status.setId("caseStatus");
    prio.setId("casePriorityBadge");
    sla.setId("caseSla");
    amount.setId("caseAmount");
    amount.getStyleClass().add(Styles.TEXT_BOLD);
    who.setId("caseAssignee");
    who.getStyleClass().add(Styles.TEXT_MUTED);
    for (Label label : List.of(reference, status, prio, amount, sla)) {
      label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
    }
    HBox first = new HBox(10, reference, status, prio);
    first.setAlignment(Pos.CENTER_LEFT);
    FlowPane second = new FlowPane(12, 4, amount, sla, who);
    second.setAlignment(Pos.CENTER_LEFT);
    deadline.setId("caseDeadline");
    deadline.getStyleClass().add(Styles.TEXT_MUTED);
    deadline.setWrapText(true);
    deadline.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
    Visibility.showWhen(deadline, deadline.textProperty().isNotEmpty());
    return new VBox(4, first, second, deadline);
  }

  private void showHeader(DisputeCase c) {
    var h = c.header();
    reference.setText(h.reference());
    status.setText(Labels.of(h.status()));
    status.getStyleClass().setAll("label", "badge", "status-" + h.status().dbValue());
    prio.setText(Labels.of(h.priority()));
    prio.getStyleClass().setAll("label", "badge", "prio-" + h.priority().dbValue());
    SlaText.Clock clock =
        SlaText.of(
            h.responseDueAt(), h.deadlineAction(), h.deadlineActedAt(), model.clock().instant());
    deadline.setText(
        SlaText.explain(h.responseDueAt(), h.deadlineAction(), h.deadlineActedAt(), model.zone()));
    sla.setText(clock.text());
    sla.getStyleClass().setAll("label");
    if (clock.breached() || clock.dueSoon()) {
      sla.getStyleClass().add(clock.breached() ? "sla-breached" : "sla-soon");
    }
    amount.setText(money.format(h.amountMinor(), h.currency()) + " disputed");
    who.setText(
        Labels.of(h.reason())
            + " · "
            + (h.assignedTo() == null
                ? "unassigned"
                : "assigned to " + (h.assigneeName() == null ? h.assignedTo() : h.assigneeName())));
    assign.getItems().clear();
    for (Agent agent : agents.get()) {
      MenuItem item = new MenuItem(agent.displayName() + " (" + agent.login() + ")");
      item.setOnAction(e -> model.assignTo(agent.login(), agent.displayName()));
      assign.getItems().add(item);
    }
    MenuItem nobody = new MenuItem("Nobody (unassign)");
    nobody.setOnAction(e -> model.assignTo(null, null));
    assign.getItems().add(nobody);
    move.getItems().clear();
    for (DisputeStatus target : model.manualMoves()) {
      MenuItem item = new MenuItem(Labels.of(target));
      item.setId("move-" + target.dbValue());
      item.setOnAction(e -> model.changeStatus(target));
      move.getItems().add(item);
    }
    move.setDisable(move.getItems().isEmpty());
    escalate.setDisable(!model.manualMoves().contains(DisputeStatus.ESCALATED));
    showingPriority = true;
    priority.setValue(h.priority());
    showingPriority = false;
  }

  private Node actionBar() {
    Button mine = new Button("Assign to me");
    mine.setId("caseAssignMe");
    mine.setTooltip(new Tooltip("Claim the case (a in the queue)"));
    mine.setOnAction(e -> model.assignToMe());
    mine.disableProperty().bind(model.assignToMeDisabledProperty());
    assign.setId("caseAssign");
    move.setId("caseMove");
    move.setTooltip(new Tooltip("Only legal status changes are offered"));
    escalate.setId("caseEscalate");
    escalate.getStyleClass().add(Styles.WARNING);
    escalate.setTooltip(new Tooltip("Escalate for a settlement; asks to confirm"));
    escalate.setOnAction(e -> model.escalate());
    Button reload = new Button("Reload");
    reload.setOnAction(e -> model.reload());
    FlowPane bar =
        new FlowPane(8, 6, mine, assign, move, escalate, new Label("Priority"), priority, reload);
    bar.setAlignment(Pos.CENTER_LEFT);
    bar.disableProperty().bind(model.busyProperty());
    DisabledReason.explain(mine, model.assignToMeRefusalProperty());
    return bar;
  }

  private Node feedback() {
    Label error = new Label();
    error.setId("caseError");
    error.setWrapText(true);
    error.getStyleClass().addAll(Styles.DANGER, "case-error");
    error.textProperty().bind(model.errorProperty());
    Visibility.showWhen(error, model.errorProperty().isNotEmpty());
    Label notice = new Label();
    notice.setId("caseNotice");
    notice.getStyleClass().addAll(Styles.SUCCESS, Styles.TEXT_SMALL);
    notice.textProperty().bind(model.noticeProperty());
    notice.managedProperty().bind(model.noticeProperty().isNotEmpty());
    VBox changes = new VBox(2);
    changes.setId("caseStaleChanges");
    model
        .staleChanges()
        .addListener(
            (javafx.collections.ListChangeListener<String>)
                ch ->
                    changes
                        .getChildren()
                        .setAll(
                            model.staleChanges().stream()
                                .map(s -> (Node) new Label("• " + s))
                                .toList()));
    Button reapply = new Button("Re-apply my change");
    reapply.setId("reapplyChange");
    reapply.getStyleClass().add(Styles.ACCENT);
    reapply.setTooltip(new Tooltip("Make your change again on the case as it is now"));
    reapply.setOnAction(e -> model.reapply());
    Visibility.showWhen(reapply, model.canReapplyProperty());
    Label cannot = CaseFields.error("reapplyNote", model.reapplyNoteProperty());
    Label outcome = new Label();
    outcome.setId("caseOutcome");
    outcome.setWrapText(true);
    outcome.getStyleClass().addAll(Styles.WARNING, "case-error");
    outcome.textProperty().bind(model.outcomeProperty());
    Visibility.showWhen(outcome, model.outcomeProperty().isNotEmpty());
    Button retry = new Button("Retry");
    retry.setId("retryAction");
    retry.setTooltip(new Tooltip("Send it again; it takes effect once, however often it is sent"));
    retry.setOnAction(e -> model.retry());
    Visibility.showWhen(retry, model.canRetryProperty());
    HBox lost = new HBox(8, outcome, retry);
    lost.setAlignment(Pos.CENTER_LEFT);
    return new VBox(4, error, changes, new HBox(8, reapply, cannot), lost, notice);
  }

  private Node message(MessageInfo m) {
    Label author = new Label(m.author());
    author.getStyleClass().add(Styles.TEXT_BOLD);
    String kind =
        m.visibility() == MessageVisibility.INTERNAL
            ? "Internal note"
            : m.fromStaff() ? "Reply to parties" : "From party";
    Label meta =
        new Label(kind + " · " + sections.when(m.createdAt()) + (m.hidden() ? " · hidden" : ""));
    meta.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
    Label body = new Label(m.body());
    body.setWrapText(true);
    VBox bubble = new VBox(2, new HBox(8, author, meta), body);
    bubble.getStyleClass().add("message");
    bubble
        .getStyleClass()
        .add(
            m.visibility() == MessageVisibility.INTERNAL
                ? "message-internal"
                : m.fromStaff() ? "message-staff" : "message-party");
    return bubble;
  }

  private static Node section(String title, Node body) {
    Label label = new Label(title);
    label.getStyleClass().add(Styles.TITLE_4);
    return new VBox(8, label, body);
  }

  private static Tab tab(String id, String title, Node content) {
    Tab tab = new Tab(title, content);
    tab.setId(id);
    return tab;
  }

  private static ScrollPane scroll() {
    ScrollPane pane = new ScrollPane();
    pane.setFitToWidth(true);
    pane.getStyleClass().add("case-scroll");
    return pane;
  }

  private static ScrollPane scroll(Node content) {
    ScrollPane pane = scroll();
    pane.setContent(content);
    return pane;
  }
}
