package dev.arbiter.app.workspaces;

import static dev.arbiter.app.workspaces.Tables.column;

import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.common.ViewLoader;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Note;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;

/**
 * Contact notes the viewer may read, and a form to add one. Notes are never edited here: to correct
 * a note (and the only way for a compliance note) add a new one that supersedes the selected note.
 */
final class NotesTab {

  @FXML private TableView<Note> table;
  @FXML private TextArea body;
  @FXML private ComboBox<NoteVisibility> visibility;
  @FXML private CheckBox supersede;
  @FXML private Button add;

  private final WorkspaceDetailViewModel model;
  private final DraftBinder drafts;
  private final Consumer<Boolean> editing;
  private final ObservableList<Note> notes = FXCollections.observableArrayList();
  private final StringProperty draftKey = new SimpleStringProperty();
  private final Node root;

  /**
   * @param drafts keeps the unsent note per workspace ({@code workspace:<id>:note})
   * @param editing told whether there is unsent text, for colleagues' pencil
   */
  NotesTab(WorkspaceDetailViewModel model, DraftBinder drafts, Consumer<Boolean> editing) {
    this.model = model;
    this.drafts = drafts;
    this.editing = editing;
    this.root = ViewLoader.load(this);
  }

  Node node() {
    return root;
  }

  @FXML
  private void initialize() {
    table.setItems(notes);
    Tables.columns(
        table,
        column("When", Note::createdAt),
        column("Author", Note::author),
        column("Visibility", Note::visibility),
        column("About", Note::subject),
        column("Note", Note::body),
        column("Superseded", n -> n.supersededBy() == null ? "" : "by note " + n.supersededBy()));
    model
        .detailsProperty()
        .addListener((obs, old, d) -> ListMerge.update(notes, d == null ? List.of() : d.notes()));
    drafts.bind(body, draftKey);
    model
        .openIdProperty()
        .addListener(
            (obs, old, id) -> {
              // Unbound first, so clearing the form for the next workspace keeps this one's draft.
              draftKey.set(null);
              body.clear();
              draftKey.set(id.longValue() < 0 ? null : "workspace:" + id + ":note");
            });
    body.textProperty()
        .addListener((obs, old, text) -> editing.accept(text != null && !text.isBlank()));
    visibility.getItems().setAll(NoteVisibility.values());
    visibility.getSelectionModel().select(NoteVisibility.WORKSPACE);
    visibility.setConverter(DisplayNames.forEnum());
    supersede.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    add.disableProperty().bind(model.busyProperty());
  }

  @FXML
  private void add() {
    Note target = table.getSelectionModel().getSelectedItem();
    Long supersedes = supersede.isSelected() && target != null ? target.id() : null;
    String sentKey = draftKey.get();
    model.addNote(
        body.getText(),
        visibility.getValue(),
        null,
        supersedes,
        () -> {
          // Cleared only once saved: a refusal or an outage keeps the text (and its draft).
          if (sentKey != null && sentKey.equals(draftKey.get())) {
            body.clear();
            supersede.setSelected(false);
          } else if (sentKey != null) {
            drafts.journal().put(sentKey, "");
          }
        });
  }
}
