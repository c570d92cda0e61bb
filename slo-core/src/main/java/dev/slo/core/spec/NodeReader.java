package dev.slo.core.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slo.core.InvalidInputException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads YAML or JSON text into {@link Node}s with line numbers. Thread-safe; no state. */
final class NodeReader {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private NodeReader() {}

  /** Parses {@code text}; JSON when it starts with '{' or '[', else YAML (a superset). */
  static Node read(String source, String text) {
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
      JsonToken t = p.nextToken();
      if (t == null) {
        throw new InvalidInputException(source + ": the file is empty; expected a 'slos:' list");
      }
      Node n = node(p, t);
      return n;
    } catch (JsonParseException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String msg = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
      throw new InvalidInputException(
          source + ":" + line + ": not valid " + (json ? "JSON" : "YAML") + ": " + msg, e);
    } catch (IOException e) {
      throw new InvalidInputException(source + ": cannot be parsed: " + e.getMessage(), e);
    }
  }

  private static Node node(JsonParser p, JsonToken t) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          lines.put(key, p.currentTokenLocation().getLineNr());
          entries.put(key, node(p, p.nextToken()));
        }
        return new Node.MapNode(line, entries, lines);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(p, next));
        }
        return new Node.ListNode(line, items);
      }
      case VALUE_STRING -> {
        return new Node.Scalar(line, p.getText(), p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new Node.Scalar(line, p.getNumberValue(), p.getText());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new Node.Scalar(line, p.getDecimalValue(), p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.Scalar(line, p.getBooleanValue(), p.getText());
      }
      case VALUE_NULL -> {
        return new Node.Scalar(line, null, p.getText());
      }
      default -> throw new InvalidInputException("line " + line + ": unexpected " + t);
    }
  }
}
