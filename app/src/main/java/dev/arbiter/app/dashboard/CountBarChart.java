package dev.arbiter.app.dashboard;

import dev.arbiter.app.dashboard.DashboardViewModel.CountEntry;
import java.util.List;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Tooltip;
import javafx.util.StringConverter;

/**
 * A bar chart of counts that follows a list of {@link CountEntry} rows. The value axis uses whole
 * steps (1, 2, 5, 10, ...) chosen here, because the automatic axis labels small counts 0.5, 1.5.
 */
final class CountBarChart {

  private static final StringConverter<Number> WHOLE_NUMBERS =
      new StringConverter<>() {
        @Override
        public String toString(Number value) {
          return value == null ? "" : Long.toString(value.longValue());
        }

        @Override
        public Number fromString(String text) {
          return Long.valueOf(text);
        }
      };

  private final CategoryAxis categories = new CategoryAxis();
  private final NumberAxis values = new NumberAxis();
  private final BarChart<String, Number> chart = new BarChart<>(categories, values);

  CountBarChart(String id, ObservableList<CountEntry> entries) {
    values.setAutoRanging(false);
    values.setMinorTickVisible(false);
    values.setTickLabelFormatter(WHOLE_NUMBERS);
    chart.setId(id);
    chart.setAnimated(false);
    chart.setLegendVisible(false);
    chart.setCategoryGap(24);
    chart.setPrefHeight(196);
    chart.setMinHeight(180);
    entries.addListener((ListChangeListener<CountEntry>) change -> fill(entries));
    fill(entries);
  }

  Node node() {
    return chart;
  }

  private void fill(List<CountEntry> entries) {
    XYChart.Series<String, Number> series = new XYChart.Series<>();
    for (CountEntry entry : entries) {
      series.getData().add(new XYChart.Data<>(entry.label(), entry.count()));
    }
    categories.getCategories().setAll(entries.stream().map(CountEntry::label).toList());
    long max = entries.stream().mapToLong(CountEntry::count).max().orElse(0);
    long unit = tickUnit(max);
    values.setLowerBound(0);
    values.setUpperBound(Math.max(unit * 5, (max / unit + 1) * unit));
    values.setTickUnit(unit);
    chart.getData().setAll(List.of(series));
    for (XYChart.Data<String, Number> bar : series.getData()) {
      // Bar nodes exist only once the chart has laid the series out.
      if (bar.getNode() != null) {
        installTooltip(bar, bar.getNode());
      } else {
        bar.nodeProperty().addListener((obs, old, node) -> installTooltip(bar, node));
      }
    }
  }

  private static void installTooltip(XYChart.Data<String, Number> bar, Node node) {
    if (node != null) {
      Tooltip.install(node, new Tooltip(bar.getXValue() + ": " + bar.getYValue()));
    }
  }

  /** A step of 1, 2 or 5 times a power of ten that needs at most five gridlines up to max. */
  static long tickUnit(long max) {
    for (long magnitude = 1; ; magnitude *= 10) {
      for (long step : new long[] {1, 2, 5}) {
        if (max <= step * magnitude * 5) {
          return step * magnitude;
        }
      }
    }
  }
}
