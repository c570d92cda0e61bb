package dev.slo.core.data;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.slo.core.Printable;
import java.io.IOException;
import java.util.Map;

/**
 * Reads the JSON of a data file: one JSON Lines row, and the {@code labels} object of a row in
 * either format. Thread-safe; no state.
 */
final class JsonRows {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonRows() {}

  /** One JSON Lines row, {@code text} the whole line. */
  static DataRow jsonRow(String source, int line, String text) {
    String[] v = new String[DataFileReader.COLUMNS.size()];
    Map<String, String> labels = Map.of();
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw DataRows.bad(source, line, "not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken t = p.nextToken();
        if (DataFileReader.LABELS.equals(key)) {
          labels = t == JsonToken.VALUE_NULL ? Map.of() : labelObject(source, line, p);
          continue;
        }
        int c = DataFileReader.COLUMNS.indexOf(key);
        if (c < 0) {
          throw DataRows.bad(
              source,
              line,
              Printable.quote(key) + " is not a valid key; use " + DataFileReader.COLUMNS);
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          throw DataRows.bad(source, line, key + " must be a string or a number");
        }
        v[c] = t == JsonToken.VALUE_NULL ? null : p.getText();
      }
      if (p.nextToken() != null) {
        throw DataRows.bad(source, line, "more than one JSON value on the line");
      }
    } catch (IOException e) {
      throw DataRows.bad(
          source,
          line,
          "not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
    }
    for (int c = 0; c < v.length; c++) {
      if (v[c] == null) {
        throw DataRows.bad(source, line, DataFileReader.COLUMNS.get(c) + " is missing");
      }
    }
    return DataRows.row(source, line, v[0], v[1], v[2], v[3], labels);
  }

  /** The labels column of a CSV row: empty, or a JSON object of label names to texts. */
  static Map<String, String> labels(String source, int line, String text) {
    String s = text.trim();
    if (s.isEmpty()) {
      return Map.of();
    }
    try (JsonParser p = JSON.createParser(s)) {
      p.nextToken();
      Map<String, String> out = labelObject(source, line, p);
      if (p.nextToken() != null) {
        throw DataRows.bad(source, line, "labels holds more than one JSON value");
      }
      return out;
    } catch (IOException e) {
      throw DataRows.bad(
          source,
          line,
          Printable.quote(s)
              + " is not valid labels: expected a JSON object such as {\"route\":\"/pay\"}");
    }
  }

  /** A JSON object of label names to texts, the parser on its START_OBJECT. */
  static Map<String, String> labelObject(String source, int line, JsonParser p) throws IOException {
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw DataRows.bad(source, line, "labels must be a JSON object of label names to texts");
    }
    Map<String, String> out = new java.util.TreeMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw DataRows.bad(
            source, line, "the label " + Printable.quote(name) + " must have a text value");
      }
      if (out.put(name, p.getText()) != null) {
        throw DataRows.bad(source, line, "the label " + Printable.quote(name) + " appears twice");
      }
    }
    if (p.currentToken() != JsonToken.END_OBJECT) {
      throw DataRows.bad(source, line, "labels is not a complete JSON object");
    }
    return out;
  }
}
