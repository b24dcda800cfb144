package io.trigmon.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Turns a JMH JSON result ({@code -rf json}) into {@code jmh.md}, a Markdown table (benchmark,
 * parameters, score, error, unit, ratio to baseline), and {@code nplm-window.png}, kernel NPLM
 * seconds per window versus N_D for each M and N_R.
 *
 * <p>Ratio to baseline: within one benchmark class, a method named {@code baseline*} with the same
 * parameters if the class has one (the codec's plain byte copy); for the autoencoder scorers the
 * plain-Java pass at the same batch size ({@link #REFERENCE_METHODS}); else the class's first row
 * (the smallest parameters, so the NPLM rows read as "times the cheapest configuration").
 *
 * <p>Usage: {@code JmhReport <jmh-result.json> <output dir> [note]}; the note (e.g. the settings
 * and the load average when the run started) goes into the header.
 */
public final class JmhReport {

  /** Classes without a {@code baseline*} method whose rows compare to another method's. */
  static final Map<String, String> REFERENCE_METHODS =
      Map.of("AutoencoderScoringBenchmark", "plainJava");

  private JmhReport() {}

  /** One benchmark result. */
  record Row(
      String benchmarkClass,
      String method,
      Map<String, String> params,
      double score,
      double error,
      String unit,
      String mode) {

    String paramText() {
      if (params.isEmpty()) {
        return "";
      }
      List<String> parts = new ArrayList<>();
      params.forEach((k, v) -> parts.add(k + "=" + v));
      return String.join(", ", parts);
    }
  }

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: JmhReport <jmh-result.json> <output dir> [note]");
      System.exit(2);
    }
    Path json = Path.of(args[0]);
    Path out = Path.of(args[1]);
    String note = args.length > 2 ? args[2] : "";
    List<Row> rows = read(json);
    Files.createDirectories(out);
    Files.writeString(out.resolve("jmh.md"), markdown(rows, note), StandardCharsets.UTF_8);
    XYChart chart = nplmChart(rows);
    if (chart != null) {
      BitmapEncoder.saveBitmap(
          chart, out.resolve("nplm-window.png").toString(), BitmapEncoder.BitmapFormat.PNG);
    }
    System.out.println("wrote " + out.resolve("jmh.md") + " (" + rows.size() + " results)");
  }

  static List<Row> read(Path json) {
    try {
      JsonNode root = new ObjectMapper().readTree(json.toFile());
      List<Row> rows = new ArrayList<>();
      for (JsonNode result : root) {
        String full = result.get("benchmark").asText();
        int dot = full.lastIndexOf('.');
        String cls = full.substring(full.lastIndexOf('.', dot - 1) + 1, dot);
        Map<String, String> params = new LinkedHashMap<>();
        JsonNode p = result.get("params");
        if (p != null) {
          for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            params.put(e.getKey(), e.getValue().asText());
          }
        }
        JsonNode metric = result.get("primaryMetric");
        rows.add(
            new Row(
                cls,
                full.substring(dot + 1),
                params,
                metric.get("score").asDouble(),
                metric.get("scoreError").asDouble(Double.NaN),
                metric.get("scoreUnit").asText(),
                result.get("mode").asText()));
      }
      return rows;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read JMH result " + json, e);
    }
  }

  static String markdown(List<Row> rows, String note) {
    StringBuilder md = new StringBuilder();
    md.append("# JMH benchmarks\n\n");
    md.append("Generated ")
        .append(Instant.now().truncatedTo(ChronoUnit.SECONDS))
        .append(" by `benchmarks/run.sh` from `benchmarks/target/jmh-result.json`")
        .append(" (")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(").\n");
    if (!note.isBlank()) {
      md.append("\n").append(note.strip()).append("\n");
    }
    md.append(
        "\nError is JMH's 99.9 % half-width (\"–\" where there are too few iterations for one)."
            + " Ratio: codec to `baselineCopy` (a plain copy of the same bytes), autoencoder to"
            + " `plainJava` at the same batch, NPLM to the class's first row (smallest"
            + " parameters).\n\n");
    md.append("| benchmark | params | score | error | unit | ratio |\n");
    md.append("|---|---|---:|---:|---|---:|\n");
    for (Row row : rows) {
      Row base = baseline(rows, row);
      md.append("| ")
          .append(row.benchmarkClass())
          .append('.')
          .append(row.method())
          .append(" | ")
          .append(row.paramText())
          .append(" | ")
          .append(number(row.score()))
          .append(" | ")
          .append(Double.isNaN(row.error()) ? "–" : number(row.error()))
          .append(" | ")
          .append(row.unit())
          .append(" | ")
          .append(String.format(Locale.ROOT, "%.2f", row.score() / base.score()))
          .append(" |\n");
    }
    return md.toString();
  }

  static Row baseline(List<Row> rows, Row row) {
    Row first = null;
    for (Row r : rows) {
      if (!r.benchmarkClass().equals(row.benchmarkClass())) {
        continue;
      }
      boolean reference =
          r.method().startsWith("baseline")
              || r.method().equals(REFERENCE_METHODS.get(r.benchmarkClass()));
      if (reference && r.params().equals(row.params())) {
        return r;
      }
      if (first == null) {
        first = r;
      }
    }
    return first;
  }

  static String number(double value) {
    double a = Math.abs(value);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%.0f", value);
    }
    if (a >= 1) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return String.format(Locale.ROOT, "%.3g", value);
  }

  /** Seconds per window versus N_D, one series per (M, N_R, nuisance); null without NPLM rows. */
  static XYChart nplmChart(List<Row> rows) {
    Map<String, TreeMap<Integer, Double>> series = new TreeMap<>();
    for (Row r : rows) {
      if (!r.benchmarkClass().equals("KernelNplmWindowBenchmark")) {
        continue;
      }
      double seconds = r.score() * toSeconds(r.unit());
      String label =
          String.format(
              Locale.ROOT,
              "M=%4s N_R=%s%s",
              r.params().get("m"),
              r.params().get("nR"),
              Boolean.parseBoolean(r.params().get("nuisance")) ? " +nuisance" : "");
      series
          .computeIfAbsent(label, k -> new TreeMap<>())
          .put(Integer.parseInt(r.params().get("nD")), seconds);
    }
    if (series.isEmpty()) {
      return null;
    }
    XYChart chart =
        new XYChartBuilder()
            .width(800)
            .height(520)
            .title("Kernel NPLM: seconds per window test")
            .xAxisTitle("N_D (events in the window)")
            .yAxisTitle("seconds per window")
            .build();
    chart.getStyler().setXAxisLogarithmic(true);
    chart.getStyler().setYAxisLogarithmic(true);
    chart.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNW);
    series.forEach(
        (label, points) -> {
          XYSeries s =
              chart.addSeries(
                  label,
                  points.keySet().stream().mapToDouble(Integer::doubleValue).toArray(),
                  points.values().stream().mapToDouble(Double::doubleValue).toArray());
          s.setMarker(SeriesMarkers.CIRCLE);
        });
    return chart;
  }

  static double toSeconds(String unit) {
    return switch (unit.substring(0, unit.indexOf('/'))) {
      case "ns" -> 1e-9;
      case "us" -> 1e-6;
      case "ms" -> 1e-3;
      case "s" -> 1;
      default -> throw new IllegalArgumentException("unknown JMH unit " + unit);
    };
  }
}
