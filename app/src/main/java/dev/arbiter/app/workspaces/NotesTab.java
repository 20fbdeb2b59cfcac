package dev.arbiter.app.workspaces;

import static dev.arbiter.app.workspaces.Tables.column;

import dev.arbiter.app.common.DisplayNames;
import dev.arbiter.app.common.ListMerge;
import dev.arbiter.app.live.DraftBinder;
import dev.arbiter.model.workspaces.NoteVisibility;
import dev.arbiter.persistence.workspaces.WorkspaceDetails.Note;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Contact notes the viewer may read, and a form to add one. Notes are never edited here: to correct
 * a note (and the only way for a compliance note) add a new one that supersedes the selected note.
 */
final class NotesTab extends VBox {

  private final ObservableList<Note> notes = FXCollections.observableArrayList();
  private final TableView<Note> table = Tables.table("noteTable");

  /**
   * @param drafts keeps the unsent note per workspace ({@code workspace:<id>:note})
   * @param editing told whether there is unsent text, for colleagues' pencil
   */
  NotesTab(WorkspaceDetailViewModel model, DraftBinder drafts, Consumer<Boolean> editing) {
    super(8);
    table.setItems(notes);
    Tables.columns(
        table,
        column("When", Note::createdAt),
        column("Author", Note::author),
        column("Visibility", Note::visibility),
        column("About", Note::subject),
        column("Note", Note::body),
        column("Superseded", n -> n.supersededBy() == null ? "" : "by note " + n.supersededBy()));
    VBox.setVgrow(table, Priority.ALWAYS);
    model
        .detailsProperty()
        .addListener((obs, old, d) -> ListMerge.update(notes, d == null ? List.of() : d.notes()));
    TextArea body = new TextArea();
    body.setId("noteBody");
    body.setPromptText("What happened, what was agreed");
    body.setPrefRowCount(3);
    StringProperty draftKey = new SimpleStringProperty();
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
    ComboBox<NoteVisibility> visibility = new ComboBox<>();
    visibility.setId("noteVisibility");
    visibility.getItems().setAll(NoteVisibility.values());
    visibility.getSelectionModel().select(NoteVisibility.WORKSPACE);
    visibility.setConverter(DisplayNames.forEnum());
    CheckBox supersede = new CheckBox("Supersedes the selected note");
    supersede.setId("noteSupersedes");
    supersede.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
    Button add = new Button("Add note");
    add.setId("noteAdd");
    add.disableProperty().bind(model.busyProperty());
    add.setOnAction(
        e -> {
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
        });
    HBox bar = new HBox(8, visibility, supersede, add);
    bar.setAlignment(Pos.CENTER_LEFT);
    getChildren().addAll(table, body, bar);
  }
}
