package dev.arbiter.app.disputes;

import dev.arbiter.app.common.AreaView;
import dev.arbiter.app.common.DetailSplit;
import dev.arbiter.app.common.RecordRef;
import dev.arbiter.app.common.TaskRunner;
import dev.arbiter.app.live.ChangeSet;
import dev.arbiter.app.live.LiveContext;
import dev.arbiter.persistence.disputes.DisputeBulkService;
import dev.arbiter.persistence.disputes.DisputeCase.EvidenceInfo;
import dev.arbiter.persistence.disputes.DisputeCaseService.Agent;
import java.io.File;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The Disputes area: the queue on the left and the open case on the right (master/detail), with the
 * toolbar for saved views, bulk actions and help. Built by {@link DisputesArea}.
 */
public final class DisputesView implements AreaView {

  /** What the area reads besides its ViewModels'; {@link DisputesArea} implements it. */
  public interface Port {
    List<Agent> supportAgents();

    /** An evidence file's bytes, for saving it; empty when there is none. */
    Optional<byte[]> evidenceContent(long evidenceId);
  }

  private final DisputeQueueViewModel queue;
  private final QueueActionsViewModel toolbar;
  private final DisputeCaseViewModel caseModel;
  private final DisputeQueueView queueView;
  private final DisputeCaseView caseView;
  private final SplitPane root = new SplitPane();
  private final QueueDialogs dialogs = new QueueDialogs(root);
  private final List<Agent> agents = new CopyOnWriteArrayList<>();
  private final Timeline clock;

  DisputesView(
      DisputeQueueViewModel queue,
      QueueActionsViewModel toolbar,
      DisputeCaseViewModel caseModel,
      Port cases,
      TaskRunner tasks,
      Locale locale,
      LiveContext live) {
    this.queue = queue;
    this.toolbar = toolbar;
    this.caseModel = caseModel;
    this.queueView =
        new DisputeQueueView(
            queue, new QueueToolbar(toolbar, dialogs, this::selection).node(), live.presence());
    this.caseView =
        new DisputeCaseView(
            caseModel,
            locale,
            () -> agents,
            e -> save(cases, tasks, e),
            live.presence(),
            live.drafts());
    caseModel.setConfirmer(d -> dialogs.confirm("Please confirm", d));
    queueView.setOnOpen(item -> caseModel.open(item.id()));
    queueView.setOnAssignToMe(
        items ->
            toolbar.preview(
                items,
                false,
                "Assign to you",
                p -> toolbar.assignToMe(p.targets(), outcomes -> reportIfRefused(outcomes))));
    queueView.setOnHelp(dialogs::showHelp);
    queue.setOnApplied(toolbar::rememberCurrent);
    root.setId("disputesArea");
    // A case that is loading, or could not be, is open too: its pane says so.
    DetailSplit.showWhileOpen(
        root,
        queueView.node(),
        caseView.node(),
        caseModel
            .currentProperty()
            .isNotNull()
            .or(caseModel.busyProperty())
            .or(caseModel.errorProperty().isNotEmpty()),
        0.5);
    root.getStylesheets().add(DisputesView.class.getResource("disputes.css").toExternalForm());
    tasks
        .run(cases::supportAgents)
        .onSuccess(
            list -> {
              agents.addAll(list);
              queue.form().addAgents(list);
            });
    clock = new Timeline(new KeyFrame(Duration.seconds(30), e -> queue.tick()));
    clock.setCycleCount(Timeline.INDEFINITE);
    clock.play();
    toolbar.start();
  }

  @Override
  public Node node() {
    return root;
  }

  @Override
  public void refresh() {
    queue.apply();
    caseModel.reload();
  }

  @Override
  public void changed(ChangeSet changes) {
    LiveRouting.route(changes, queue, caseModel);
  }

  /** A dispute opens in the case pane, as a row picked in the queue would. */
  @Override
  public boolean open(RecordRef record) {
    if (record.type() != RecordRef.Type.DISPUTE) {
      return false;
    }
    caseModel.open(record.id());
    return true;
  }

  @Override
  public void dispose() {
    clock.stop();
    caseView.close();
  }

  // The toolbar is made before the queue view it reads the selection of.
  private List<QueueItem> selection() {
    return queueView.selection();
  }

  private void reportIfRefused(List<DisputeBulkService.Outcome> outcomes) {
    if (outcomes.stream().anyMatch(o -> !o.done())) {
      dialogs.showResults(outcomes);
    }
  }

  private void save(Port cases, TaskRunner tasks, EvidenceInfo evidence) {
    FileChooser chooser = new FileChooser();
    chooser.setInitialFileName(evidence.fileName());
    File target = chooser.showSaveDialog(root.getScene().getWindow());
    if (target == null) {
      return;
    }
    tasks.run(
        () -> {
          byte[] content = cases.evidenceContent(evidence.id()).orElseThrow();
          Files.write(target.toPath(), content);
          return null;
        });
  }
}
