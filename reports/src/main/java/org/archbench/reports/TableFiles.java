package org.archbench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.archbench.schema.jmh.Estimate;
import org.archbench.schema.stats.Ratio;

/**
 * The CSV and JSON downloads of a {@link Table}: raw values, missing ones empty or null, a cost
 * figure with its interval, forks, samples and verdict. A value the page marks invalid (one no
 * result can truly hold) is {@value Table#INVALID} here too, never the number a reader would take
 * for a measurement.
 */
final class TableFiles {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TableFiles() {}

  /** What an estimate column spreads over, after its value: {@code <key>_lower95} and so on. */
  private static final List<String> ESTIMATE_PARTS =
      List.of("lower95", "upper95", "forks", "samples", "verdict");

  /** What a ratio column spreads over, after the ratio. */
  private static final List<String> RATIO_PARTS = List.of("lower95", "upper95", "difference");

  private static List<String> parts(Table.Column column) {
    return switch (column.kind()) {
      case PLAIN -> List.of();
      case ESTIMATE -> ESTIMATE_PARTS;
      case RATIO -> RATIO_PARTS;
    };
  }

  /**
   * RFC 4180 CSV with a header row of the column keys; an estimate column is its value followed by
   * {@code <key>_lower95, _upper95, _forks, _samples, _verdict}.
   */
  static String csv(Table table) throws IOException {
    StringWriter out = new StringWriter();
    List<String> header = new ArrayList<>();
    for (Table.Column column : table.columns()) {
      header.add(column.key());
      parts(column).forEach(part -> header.add(column.key() + "_" + part));
    }
    CSVFormat format = CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (List<Object> row : table.rows()) {
        List<Object> values = new ArrayList<>();
        for (int c = 0; c < row.size(); c++) {
          values.addAll(csvValues(table.columns().get(c), row.get(c)));
        }
        printer.printRecord(values);
      }
    }
    return out.toString();
  }

  /** A cell's value and, for an estimate or a ratio, its parts; empty ones for a missing value. */
  private static List<Object> csvValues(Table.Column column, Object value) {
    if (invalid(column, value)) {
      List<Object> values = new ArrayList<>(Collections.nCopies(1 + parts(column).size(), ""));
      values.set(0, Table.INVALID);
      return values;
    }
    if (value instanceof Estimate estimate) {
      return List.of(csvValue(estimate.value()), csvValue(estimate.lower95()),
          csvValue(estimate.upper95()), estimate.forks(), estimate.samples(),
          estimate.verdict().label());
    }
    if (value instanceof Ratio ratio) {
      return List.of(csvValue(ratio.ratio()), csvValue(ratio.lower95()), csvValue(ratio.upper95()),
          ratio.difference().label());
    }
    if (column.kind() != Table.Column.Kind.PLAIN) {
      // No figure: blank parts, and the value column keeps a text that says why (not supported).
      List<Object> values = new ArrayList<>(Collections.nCopies(1 + parts(column).size(), ""));
      if (value instanceof String text) {
        values.set(0, text);
      }
      return values;
    }
    return List.of(csvValue(value));
  }

  /** A JSON array of objects keyed by the column keys. */
  static String json(Table table) throws IOException {
    ArrayNode rows = JSON.createArrayNode();
    for (List<Object> row : table.rows()) {
      ObjectNode object = rows.addObject();
      for (int c = 0; c < row.size(); c++) {
        Table.Column column = table.columns().get(c);
        Object value = invalid(column, row.get(c)) ? Table.INVALID : jsonValue(row.get(c));
        object.set(column.key(), JSON.valueToTree(value));
      }
    }
    return JSON.writeValueAsString(rows) + "\n";
  }

  /** Whether the page shows {@code value} in {@code column} as {@value Table#INVALID}. */
  private static boolean invalid(Table.Column column, Object value) {
    return Table.format(column, value).invalid();
  }

  private static Object csvValue(Object value) {
    return value == null || (value instanceof Double d && d.isNaN()) ? "" : value;
  }

  private static Object jsonValue(Object value) {
    if (value instanceof Estimate estimate) {
      // value, lower95, upper95, forks, samples, target, verdict; NaN bounds as null.
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("value", jsonValue(estimate.value()));
      object.put("lower95", jsonValue(estimate.lower95()));
      object.put("upper95", jsonValue(estimate.upper95()));
      object.put("forks", estimate.forks());
      object.put("samples", estimate.samples());
      object.put("target", estimate.target());
      object.put("verdict", estimate.verdict().label());
      return object;
    }
    if (value instanceof Ratio ratio) {
      Map<String, Object> object = new LinkedHashMap<>();
      object.put("ratio", jsonValue(ratio.ratio()));
      object.put("lower95", jsonValue(ratio.lower95()));
      object.put("upper95", jsonValue(ratio.upper95()));
      object.put("difference", ratio.difference().label());
      return object;
    }
    return value instanceof Double d && d.isNaN() ? null : value;
  }
}
