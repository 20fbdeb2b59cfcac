package dev.arbiter.app.releases;

import atlantafx.base.theme.Styles;
import dev.arbiter.app.common.KeyedRows;
import dev.arbiter.app.common.KeyedSelection;
import dev.arbiter.app.common.TextCells;
import dev.arbiter.app.releases.ExposureViewModel.AgeBar;
import dev.arbiter.app.releases.ExposureViewModel.CurrencyChart;
import dev.arbiter.app.releases.ExposureViewModel.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Escrow held by currency and age, auto-releases due and the largest exposures. */
final class ExposureView {

  private final ScrollPane root;
  private final FlowPane charts = new FlowPane(16, 16);
  // The charts the pane shows, by position, so a re-read redraws only the currencies that changed.
  private final List<CurrencyChart> drawn = new ArrayList<>();

  ExposureView(ExposureViewModel model) {
    Label status = new Label();
    status.setId("exposureStatus");
    status.getStyleClass().add(Styles.TEXT_MUTED);
    status.textProperty().bind(model.statusProperty());
    charts.setId("exposureCharts");
    model.charts().addListener((ListChangeListener<CurrencyChart>) c -> fill(model));
    ListView<Line> upcoming = list("upcomingReleases", model.upcoming());
    upcoming.setPlaceholder(new Label("No auto-releases scheduled."));
    ListView<Line> largest = list("largestExposures", model.largest());
    largest.setPlaceholder(new Label("No money is held."));
    root =
        new ScrollPane(
            new VBox(
                12,
                status,
                heading("Held by currency and escrow age"),
                charts,
                heading("Auto-releases, overdue and upcoming"),
                upcoming,
                heading("Largest exposures"),
                largest));
    root.setFitToWidth(true);
  }

  Node node() {
    return root;
  }

  private void fill(ExposureViewModel model) {
    List<CurrencyChart> now = model.charts();
    for (int i = 0; i < now.size(); i++) {
      if (i >= drawn.size()) {
        drawn.add(now.get(i));
        charts.getChildren().add(chart(now.get(i)));
      } else if (!Objects.equals(drawn.get(i), now.get(i))) {
        drawn.set(i, now.get(i));
        charts.getChildren().set(i, chart(now.get(i)));
      }
    }
    if (drawn.size() > now.size()) {
      drawn.subList(now.size(), drawn.size()).clear();
      charts.getChildren().remove(now.size(), charts.getChildren().size());
    }
  }

  private static ListView<Line> list(String id, KeyedRows<Line, Long> rows) {
    ListView<Line> list = new ListView<>(rows.rows());
    list.setId(id);
    list.setPrefHeight(180);
    list.setCellFactory(TextCells.of(Line::text));
    KeyedSelection.follow(list.getSelectionModel(), rows.rows(), rows);
    return list;
  }

  private static Node chart(CurrencyChart currency) {
    BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis());
    chart.setId("exposure-" + currency.currency());
    chart.setTitle(currency.currency() + " · " + currency.total());
    chart.setLegendVisible(false);
    chart.setAnimated(false);
    chart.setPrefSize(360, 240);
    XYChart.Series<String, Number> series = new XYChart.Series<>();
    for (AgeBar bar : currency.bars()) {
      XYChart.Data<String, Number> data = new XYChart.Data<>(bar.bucket(), bar.major());
      series.getData().add(data);
      data.nodeProperty()
          .addListener(
              (obs, was, node) -> {
                if (node != null) {
                  Tooltip.install(node, new Tooltip(bar.amount()));
                }
              });
    }
    chart.getData().add(series);
    return chart;
  }

  private static Label heading(String text) {
    Label l = new Label(text);
    l.getStyleClass().add(Styles.TITLE_4);
    return l;
  }
}
