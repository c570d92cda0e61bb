package dev.slo.interop;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slo.core.spec.SpecProblem;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every document of a YAML stream (or one JSON value) into {@link YNode}s with lines. A
 * document that is a list of objects each carrying {@code apiVersion} or {@code kind} is split into
 * its items, as {@code kubectl} does. Thread-safe; no state.
 */
final class YamlDocuments {
  private static final JsonFactory JSON =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .loaderOptions(loaderOptions())
          .build();

  /** SnakeYAML's own cap is 3 Mi code points: a spec may hold SpecLimits.MAX_SPEC_CHARS. */
  private static org.yaml.snakeyaml.LoaderOptions loaderOptions() {
    org.yaml.snakeyaml.LoaderOptions o = new org.yaml.snakeyaml.LoaderOptions();
    o.setCodePointLimit(dev.slo.core.spec.SpecLimits.MAX_SPEC_CHARS + 1);
    return o;
  }

  private YamlDocuments() {}

  /** One document, or one item of a top-level list. */
  record Doc(String source, YNode root) {}

  /**
   * The documents of {@code text}.
   *
   * @throws dev.slo.core.spec.SpecException naming file and line when the text is not YAML
   */
  static List<Doc> read(String source, String text) {
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    List<Doc> out = new ArrayList<>();
    try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        YNode n = node(p, t);
        if (n instanceof YNode.YScalar s && s.value() == null) {
          continue; // an empty document between '---' lines
        }
        if (n instanceof YNode.YList list && isObjectList(list)) {
          list.items().forEach(i -> out.add(new Doc(source, i)));
        } else {
          out.add(new Doc(source, n));
        }
      }
    } catch (JsonParseException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      String msg = e.getOriginalMessage().lines().findFirst().orElse("syntax error");
      throw Problems.fail(
          new SpecProblem(source, line, "", "not valid " + (json ? "JSON" : "YAML") + ": " + msg));
    } catch (IOException e) {
      throw Problems.fail(new SpecProblem(source, 0, "", "cannot be parsed: " + e.getMessage()));
    }
    return out;
  }

  private static boolean isObjectList(YNode.YList list) {
    return !list.items().isEmpty()
        && list.items().stream()
            .allMatch(
                i ->
                    i instanceof YNode.YMap m
                        && (m.get("apiVersion") != null || m.get("kind") != null));
  }

  private static YNode node(JsonParser p, JsonToken t) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    switch (t) {
      case START_OBJECT -> {
        Map<String, YNode> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          lines.put(key, p.currentTokenLocation().getLineNr());
          entries.put(key, node(p, p.nextToken()));
        }
        return new YNode.YMap(line, entries, lines);
      }
      case START_ARRAY -> {
        List<YNode> items = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(p, next));
        }
        return new YNode.YList(line, items);
      }
      case VALUE_STRING -> {
        return new YNode.YScalar(line, p.getText(), p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return new YNode.YScalar(line, p.getNumberValue(), p.getText());
      }
      case VALUE_NUMBER_FLOAT -> {
        return new YNode.YScalar(line, p.getDecimalValue(), p.getText());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new YNode.YScalar(line, p.getBooleanValue(), p.getText());
      }
      case VALUE_NULL -> {
        return new YNode.YScalar(line, null, p.getText());
      }
      default -> throw new IOException("line " + line + ": unexpected " + t);
    }
  }
}
