package dev.slo.core.spec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.slo.core.Printable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * Reads YAML or JSON text into {@link Node}s with line numbers, under the limits of {@link
 * SpecLimits}. Thread-safe; no state.
 */
final class NodeReader {
  private static final StreamReadConstraints LIMITS =
      StreamReadConstraints.builder()
          .maxStringLength(SpecLimits.MAX_SCALAR_CHARS)
          .maxNameLength(SpecLimits.MAX_SCALAR_CHARS)
          .maxNumberLength(SpecLimits.MAX_NUMBER_CHARS)
          .maxNestingDepth(SpecLimits.MAX_NESTING)
          .maxDocumentLength(SpecLimits.MAX_SPEC_CHARS)
          .build();
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(LIMITS)
          .build();
  private static final YAMLFactory YAML =
      YAMLFactory.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(LIMITS)
          .loaderOptions(loaderOptions())
          .build();

  private NodeReader() {}

  private static LoaderOptions loaderOptions() {
    LoaderOptions o = new LoaderOptions();
    o.setCodePointLimit(SpecLimits.MAX_SPEC_CHARS + 1);
    o.setMaxAliasesForCollections(10);
    o.setNestingDepthLimit(SpecLimits.MAX_NESTING);
    o.setAllowDuplicateKeys(false);
    return o;
  }

  /**
   * Parses {@code text}; JSON when it starts with '{' or '[', else YAML (a superset). The text must
   * hold exactly one document.
   *
   * @throws SpecException with the one problem that stopped the reading
   */
  static Node read(String source, String text) {
    if (text.length() > SpecLimits.MAX_SPEC_CHARS) {
      throw fail(
          source,
          0,
          text.length()
              + " characters is too long for a spec; at most "
              + SpecLimits.MAX_SPEC_CHARS
              + " (see docs/limits.md)");
    }
    String trimmed = text.stripLeading();
    boolean json = trimmed.startsWith("{") || trimmed.startsWith("[");
    if (!json) {
      requireShortLines(source, text);
    }
    String kind = json ? "JSON" : "YAML";
    try (JsonParser p = (json ? JSON : YAML).createParser(text)) {
      try {
        JsonToken t = p.nextToken();
        if (t == null) {
          throw fail(source, 0, "the file is empty; expected a 'slos:' list");
        }
        Node n = node(source, p, t, 0);
        JsonToken after = p.nextToken();
        if (after != null) {
          int line = p.currentTokenLocation().getLineNr();
          throw fail(
              source,
              line,
              (json
                  ? "more content after the spec's end; a spec is one JSON value"
                  : "a second YAML document starts here; a spec is one document"));
        }
        return n;
      } catch (StreamConstraintsException e) {
        int line = e.getLocation() != null ? line(e) : p.currentLocation().getLineNr();
        throw fail(source, Math.max(0, line), limitMessage(String.valueOf(e.getOriginalMessage())));
      }
    } catch (JsonProcessingException e) {
      String msg =
          String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("syntax error");
      throw fail(source, line(e), "not valid " + kind + ": " + Printable.shown(msg, 200));
    } catch (IOException e) {
      throw fail(
          source, 0, "cannot be parsed: " + Printable.shown(String.valueOf(e.getMessage()), 200));
    } catch (RuntimeException e) {
      if (e instanceof SpecException) {
        throw e;
      }
      // SnakeYAML reports some problems (bad escapes, limits) with its own unchecked exceptions
      String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("syntax error");
      throw fail(source, 0, "not valid " + kind + ": " + Printable.shown(msg, 200));
    }
  }

  private static SpecException fail(String source, int line, String message) {
    return new SpecException(List.of(new SpecProblem(source, line, "", message)));
  }

  private static int line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getLineNr());
  }

  /** Jackson's limit messages name its classes; say which spec limit it is instead. */
  private static String limitMessage(String jackson) {
    String what;
    if (jackson.startsWith("String value length") || jackson.startsWith("Name length")) {
      what = "a text value longer than " + SpecLimits.MAX_SCALAR_CHARS + " characters";
    } else if (jackson.startsWith("Number value length")) {
      what = "a number longer than " + SpecLimits.MAX_NUMBER_CHARS + " characters";
    } else if (jackson.startsWith("Document nesting depth")) {
      what = "mappings and lists nested deeper than " + SpecLimits.MAX_NESTING;
    } else {
      what = "a spec longer than " + SpecLimits.MAX_SPEC_CHARS + " characters";
    }
    return what + " is refused (see docs/limits.md)";
  }

  /** Refuses a YAML line over the limit before the YAML scanner sees it (its cost grows fast). */
  private static void requireShortLines(String source, String text) {
    int line = 1;
    int start = 0;
    int n = text.length();
    for (int i = 0; i <= n; i++) {
      if (i == n || text.charAt(i) == '\n') {
        if (i - start > SpecLimits.MAX_YAML_LINE_CHARS) {
          throw fail(
              source,
              line,
              "the line is "
                  + (i - start)
                  + " characters long; a YAML spec line may hold at most "
                  + SpecLimits.MAX_YAML_LINE_CHARS
                  + " (see docs/limits.md)");
        }
        line++;
        start = i + 1;
      }
    }
  }

  private static Node node(String source, JsonParser p, JsonToken t, int depth) throws IOException {
    int line = p.currentTokenLocation().getLineNr();
    if (depth > SpecLimits.MAX_NESTING) {
      throw fail(
          source,
          line,
          "mappings and lists nested deeper than "
              + SpecLimits.MAX_NESTING
              + " are refused (see docs/limits.md)");
    }
    switch (t) {
      case START_OBJECT -> {
        Map<String, Node> entries = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          lines.put(key, p.currentTokenLocation().getLineNr());
          entries.put(key, node(source, p, p.nextToken(), depth + 1));
        }
        return new Node.MapNode(line, entries, lines);
      }
      case START_ARRAY -> {
        List<Node> items = new ArrayList<>();
        JsonToken next;
        while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
          items.add(node(source, p, next, depth + 1));
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
        try {
          return new Node.Scalar(line, p.getDecimalValue(), p.getText());
        } catch (NumberFormatException e) { // YAML's .inf and .nan
          return new Node.Scalar(line, p.getDoubleValue(), p.getText());
        }
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return new Node.Scalar(line, p.getBooleanValue(), p.getText());
      }
      case VALUE_NULL -> {
        return new Node.Scalar(line, null, p.getText());
      }
      default ->
          throw fail(source, line, "a value of this kind (" + t + ") is not valid in a spec");
    }
  }
}
