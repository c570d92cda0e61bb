package dev.slo.prometheus;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Reads a Prometheus API reply as a stream, straight into primitive arrays: no tree of the whole
 * reply is built, so memory grows with the samples kept (16 bytes each), not with the text. Fields
 * may come in any order; unknown fields are skipped. Stateless and thread-safe.
 */
final class ReplyParser {
  private static final JsonFactory JSON = new JsonFactory();

  /** Labels of one series are capped at this many; real series have a few dozen at most. */
  static final int MAX_LABELS = 1_000;

  private ReplyParser() {}

  /**
   * What the reply said.
   *
   * @param status {@code success}, {@code error}, or null when absent
   * @param errorType the API's {@code errorType}, or null
   * @param error the API's {@code error} message, or null
   * @param data the result; null when the reply has no {@code data}
   * @param warning the first of the reply's {@code warnings}, or null
   * @param partial whether the reply says it is partial (VictoriaMetrics' {@code isPartial})
   */
  record Reply(
      @Nullable String status,
      @Nullable String errorType,
      @Nullable String error,
      @Nullable QueryResult data,
      @Nullable String warning,
      boolean partial) {}

  /** A reply that is not the Prometheus API: not JSON, or JSON of another shape. */
  static final class MalformedReplyException extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedReplyException(String message) {
      super(message);
    }
  }

  /**
   * Parses a whole reply.
   *
   * @throws ReplyTooLargeException when {@code in} is bounded and the reply goes past the bound
   * @throws IOException when the reply is not JSON, not the API's shape, or cannot be read
   */
  static Reply parse(InputStream in) throws IOException {
    try (JsonParser p = JSON.createParser(in)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new MalformedReplyException("not a JSON object");
      }
      String status = null;
      String errorType = null;
      String error = null;
      QueryResult data = null;
      String warning = null;
      boolean partial = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken t = p.nextToken();
        switch (field) {
          case "status" -> status = text(p, t);
          case "errorType" -> errorType = text(p, t);
          case "error" -> error = text(p, t);
          case "data" -> data = t == JsonToken.START_OBJECT ? data(p) : skip(p);
          case "warnings" -> warning = firstString(p, t);
          case "isPartial" -> partial = t == JsonToken.VALUE_TRUE;
          default -> p.skipChildren();
        }
      }
      if (p.currentToken() != JsonToken.END_OBJECT) {
        throw new MalformedReplyException("truncated JSON");
      }
      if (p.nextToken() != null) {
        throw new MalformedReplyException("text after the JSON object");
      }
      return new Reply(status, errorType, error, data, warning, partial);
    }
  }

  private static @Nullable String firstString(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      p.skipChildren();
      return null;
    }
    String first = null;
    JsonToken e;
    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
      if (e == null) {
        throw new MalformedReplyException("truncated JSON");
      }
      if (first == null && e == JsonToken.VALUE_STRING) {
        first = p.getText();
      } else {
        p.skipChildren();
      }
    }
    return first;
  }

  private static @Nullable QueryResult skip(JsonParser p) throws IOException {
    p.skipChildren();
    return null;
  }

  private static @Nullable String text(JsonParser p, JsonToken t) throws IOException {
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    p.skipChildren();
    return null;
  }

  private static QueryResult data(JsonParser p) throws IOException {
    QueryResult.Type type = null;
    List<QueryResult.Series> series = null;
    QueryResult.Type shape = null;
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String field = p.currentName();
      JsonToken t = p.nextToken();
      if (field.equals("resultType")) {
        type = type(text(p, t));
      } else if (field.equals("result")) {
        if (t != JsonToken.START_ARRAY) {
          throw new MalformedReplyException("data.result is not an array");
        }
        series = new ArrayList<>();
        shape = result(p, series);
      } else {
        p.skipChildren();
      }
    }
    if (type == null || series == null) {
      throw new MalformedReplyException("no data.resultType/result");
    }
    if (shape != null && !compatible(type, shape)) {
      throw new MalformedReplyException(
          "data.result does not have the shape of a " + type.apiName());
    }
    return new QueryResult(type, series);
  }

  private static boolean compatible(QueryResult.Type declared, QueryResult.Type shape) {
    return switch (declared) {
      case SCALAR, STRING -> shape == QueryResult.Type.SCALAR;
      case VECTOR, MATRIX -> shape == declared;
    };
  }

  private static QueryResult.Type type(@Nullable String s) throws MalformedReplyException {
    if (s != null) {
      for (QueryResult.Type t : QueryResult.Type.values()) {
        if (t.apiName().equals(s)) {
          return t;
        }
      }
    }
    throw new MalformedReplyException("unknown data.resultType " + cut(s));
  }

  /** Reads the result array; returns the shape seen (SCALAR for a bare pair), null when empty. */
  private static QueryResult.@Nullable Type result(JsonParser p, List<QueryResult.Series> out)
      throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.END_ARRAY) {
      return null;
    }
    if (t != JsonToken.START_OBJECT) {
      // a scalar or string: [time, "value"]
      long ms = millis(p, t);
      JsonToken v = p.nextToken();
      if (v != JsonToken.VALUE_STRING) {
        throw new MalformedReplyException("a scalar result is not [time, \"value\"]");
      }
      double value = SampleText.number(p.getText(), true);
      if (p.nextToken() != JsonToken.END_ARRAY) {
        throw new MalformedReplyException("a scalar result has more than two elements");
      }
      out.add(new QueryResult.Series(Map.of(), new long[] {ms}, new double[] {value}));
      return QueryResult.Type.SCALAR;
    }
    QueryResult.Type shape = null;
    do {
      if (t != JsonToken.START_OBJECT) {
        throw new MalformedReplyException("a series is not an object");
      }
      Samples samples = new Samples();
      Map<String, String> labels = Map.of();
      QueryResult.Type kind = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        JsonToken ft = p.nextToken();
        switch (field) {
          case "metric" -> labels = labels(p, ft);
          case "value" -> {
            pair(p, ft, samples);
            kind = QueryResult.Type.VECTOR;
          }
          case "values" -> {
            if (ft != JsonToken.START_ARRAY) {
              throw new MalformedReplyException("values is not an array");
            }
            JsonToken e;
            while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
              pair(p, e, samples);
            }
            kind = QueryResult.Type.MATRIX;
          }
          case "histogram", "histograms" ->
              throw new MalformedReplyException(
                  "native histogram samples are not supported; use classic buckets");
          default -> p.skipChildren();
        }
      }
      if (kind == null || (shape != null && kind != shape)) {
        throw new MalformedReplyException("a series without value or values");
      }
      shape = kind;
      out.add(new QueryResult.Series(labels, samples.millis(), samples.values()));
    } while ((t = p.nextToken()) != JsonToken.END_ARRAY);
    return shape;
  }

  private static Map<String, String> labels(JsonParser p, JsonToken t) throws IOException {
    if (t != JsonToken.START_OBJECT) {
      throw new MalformedReplyException("metric is not an object");
    }
    Map<String, String> m = new LinkedHashMap<>();
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String name = p.currentName();
      if (p.nextToken() != JsonToken.VALUE_STRING) {
        throw new MalformedReplyException("label " + cut(name) + " is not a string");
      }
      if (m.size() >= MAX_LABELS) {
        throw new MalformedReplyException("a series with more than " + MAX_LABELS + " labels");
      }
      m.put(name, p.getText());
    }
    return m;
  }

  private static void pair(JsonParser p, JsonToken t, Samples into) throws IOException {
    if (t != JsonToken.START_ARRAY) {
      throw new MalformedReplyException("a sample is not [time, \"value\"]");
    }
    long ms = millis(p, p.nextToken());
    if (p.nextToken() != JsonToken.VALUE_STRING) {
      throw new MalformedReplyException("a sample value is not a string");
    }
    double v = SampleText.digits(p.getTextCharacters(), p.getTextOffset(), p.getTextLength());
    if (Double.isNaN(v)) {
      v = SampleText.number(p.getText(), false);
    }
    if (p.nextToken() != JsonToken.END_ARRAY) {
      throw new MalformedReplyException("a sample has more than two elements");
    }
    into.add(ms, v);
  }

  private static long millis(JsonParser p, JsonToken t) throws IOException {
    double seconds;
    if (t == JsonToken.VALUE_NUMBER_INT && p.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
      seconds = p.getLongValue();
    } else if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
      seconds = p.getDoubleValue();
    } else if (t == JsonToken.VALUE_STRING) {
      seconds = SampleText.number(p.getText(), false);
    } else {
      throw new MalformedReplyException("a sample time is not a number");
    }
    // years 0001 to 9999: anything else is not a sample time
    if (!(seconds >= -62_135_596_800.0 && seconds <= 253_402_300_799.0)) {
      throw new MalformedReplyException("sample time " + seconds + " is out of range");
    }
    return Math.round(seconds * 1000);
  }

  static String cut(@Nullable String s) {
    if (s == null) {
      return "(none)";
    }
    return s.length() > 40 ? "\"" + s.substring(0, 40) + "...\"" : "\"" + s + "\"";
  }

  /** Growable primitive arrays of samples. */
  private static final class Samples {
    private long[] ms = new long[4];
    private double[] vs = new double[4];
    private int n;

    void add(long t, double v) {
      if (n == ms.length) {
        ms = Arrays.copyOf(ms, n * 2);
        vs = Arrays.copyOf(vs, n * 2);
      }
      ms[n] = t;
      vs[n++] = v;
    }

    long[] millis() {
      return Arrays.copyOf(ms, n);
    }

    double[] values() {
      return Arrays.copyOf(vs, n);
    }
  }
}
