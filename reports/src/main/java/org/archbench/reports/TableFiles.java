package org.archbench.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The CSV and JSON downloads of a {@link Table}: raw values, missing ones empty or null. */
final class TableFiles {

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private TableFiles() {}

  /** RFC 4180 CSV with a header row of the column keys. */
  static String csv(Table table) throws IOException {
    StringWriter out = new StringWriter();
    CSVFormat format = CSVFormat.RFC4180.builder()
        .setHeader(table.columns().stream().map(Table.Column::key).toArray(String[]::new))
        .get();
    try (CSVPrinter printer = new CSVPrinter(out, format)) {
      for (List<Object> row : table.rows()) {
        printer.printRecord(row.stream().map(TableFiles::csvValue).toList());
      }
    }
    return out.toString();
  }

  /** A JSON array of objects keyed by the column keys. */
  static String json(Table table) throws IOException {
    ArrayNode rows = JSON.createArrayNode();
    for (List<Object> row : table.rows()) {
      ObjectNode object = rows.addObject();
      for (int c = 0; c < row.size(); c++) {
        object.set(table.columns().get(c).key(), JSON.valueToTree(jsonValue(row.get(c))));
      }
    }
    return JSON.writeValueAsString(rows) + "\n";
  }

  private static Object csvValue(Object value) {
    return value == null || (value instanceof Double d && d.isNaN()) ? "" : value;
  }

  private static Object jsonValue(Object value) {
    return value instanceof Double d && d.isNaN() ? null : value;
  }
}
