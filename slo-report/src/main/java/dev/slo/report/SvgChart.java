package dev.slo.report;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;
import org.jspecify.annotations.Nullable;

/**
 * A line chart as inline SVG: a time axis, a value axis with round ticks, dashed guide lines and
 * one series that breaks where a value is missing. Colours come from the page's CSS classes.
 *
 * @param label what the chart shows, for screen readers and the SVG title
 * @param from the left edge of the time axis
 * @param to the right edge of the time axis
 * @param zone the zone the time axis is labelled in
 * @param points the series; a null value leaves a gap
 * @param guides horizontal reference lines
 * @param yFormat prints a tick value
 * @param seriesClass the CSS class of the series line
 * @param shaded time ranges drawn as bands behind the series (corrections)
 */
record SvgChart(
    String label,
    Instant from,
    Instant to,
    ZoneId zone,
    List<Point> points,
    List<Guide> guides,
    DoubleFunction<String> yFormat,
    String seriesClass,
    List<dev.slo.core.window.Window> shaded) {

  /** One value at one instant; null leaves a gap. */
  record Point(Instant at, @Nullable Double value) {}

  /** A dashed horizontal line with a label. */
  record Guide(double value, String label, String cssClass) {}

  private static final int WIDTH = 640;
  private static final int HEIGHT = 220;
  private static final int LEFT = 64;
  private static final int RIGHT = 16;
  private static final int TOP = 12;
  private static final int BOTTOM = 28;

  /** Copies the lists. */
  SvgChart {
    points = List.copyOf(points);
    guides = List.copyOf(guides);
    shaded = List.copyOf(shaded);
  }

  /** A chart without shaded ranges. */
  SvgChart(
      String label,
      Instant from,
      Instant to,
      ZoneId zone,
      List<Point> points,
      List<Guide> guides,
      DoubleFunction<String> yFormat,
      String seriesClass) {
    this(label, from, to, zone, points, guides, yFormat, seriesClass, List.of());
  }

  /** The chart as an {@code <svg>} element. */
  String render(double yMin, double yMax) {
    double[] ticks = ticks(yMin, yMax);
    double lo = Math.min(yMin, ticks[0]);
    double hi = Math.max(yMax, ticks[ticks.length - 1]);
    StringBuilder sb = new StringBuilder();
    sb.append("<svg class=\"chart\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(HEIGHT)
        .append("\" role=\"img\" aria-label=\"")
        .append(Html.escape(label))
        .append("\" xmlns=\"http://www.w3.org/2000/svg\"><title>")
        .append(Html.escape(label))
        .append("</title>");
    for (dev.slo.core.window.Window w : shaded) {
      double x1 = x(w.start().isBefore(from) ? from : w.start());
      double x2 = x(w.end().isAfter(to) ? to : w.end());
      sb.append(
          String.format(
              Locale.ROOT,
              "<rect class=\"corrected\" x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\">"
                  + "<title>corrected %s</title></rect>",
              x1,
              TOP,
              Math.max(1.0, x2 - x1),
              HEIGHT - TOP - BOTTOM,
              Html.escape(w.toString())));
    }
    for (double t : ticks) {
      double y = y(t, lo, hi);
      sb.append(line("grid", LEFT, y, WIDTH - RIGHT, y))
          .append(text("tick y", LEFT - 6, y + 4, yFormat.apply(t)));
    }
    int xTicks = 5;
    for (int i = 0; i < xTicks; i++) {
      Instant t = from.plus(Duration.between(from, to).multipliedBy(i).dividedBy(xTicks - 1));
      double x = x(t);
      sb.append(line("grid", x, TOP, x, HEIGHT - BOTTOM))
          .append(
              text(
                  "tick x" + (i == 0 ? " first" : i == xTicks - 1 ? " last" : ""),
                  x,
                  HEIGHT - 8,
                  timeLabel(t)));
    }
    sb.append(line("axis", LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM));
    for (Guide g : guides) {
      if (g.value() >= lo && g.value() <= hi) {
        double y = y(g.value(), lo, hi);
        sb.append(line("guide " + g.cssClass(), LEFT, y, WIDTH - RIGHT, y))
            .append(text("guide-label " + g.cssClass(), WIDTH - RIGHT - 4, y - 4, g.label()));
      }
    }
    sb.append("<path class=\"series ")
        .append(Html.escape(seriesClass))
        .append("\" d=\"")
        .append(path(lo, hi))
        .append("\"/>");
    Point last = lastValue();
    Double lastY = last == null ? null : last.value();
    if (last != null && lastY != null) {
      sb.append(
          String.format(
              Locale.ROOT,
              "<circle class=\"dot %s\" cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\"/>",
              Html.escape(seriesClass),
              x(last.at()),
              y(lastY, lo, hi)));
    }
    return sb.append("</svg>").toString();
  }

  private String path(double lo, double hi) {
    StringBuilder d = new StringBuilder();
    boolean pen = false;
    for (Point p : points) {
      Double v = p.value();
      if (v == null) {
        pen = false;
        continue;
      }
      d.append(pen ? 'L' : 'M')
          .append(String.format(Locale.ROOT, "%.1f %.1f ", x(p.at()), y(v, lo, hi)));
      pen = true;
    }
    return d.toString().trim();
  }

  private @Nullable Point lastValue() {
    for (int i = points.size() - 1; i >= 0; i--) {
      if (points.get(i).value() != null) {
        return points.get(i);
      }
    }
    return null;
  }

  private double x(Instant t) {
    double span = Math.max(1, Duration.between(from, to).toSeconds());
    double f = Duration.between(from, t).toSeconds() / span;
    return LEFT + f * (WIDTH - LEFT - RIGHT);
  }

  private static double y(double v, double lo, double hi) {
    double f = hi == lo ? 0.5 : (v - lo) / (hi - lo);
    return HEIGHT - BOTTOM - f * (HEIGHT - TOP - BOTTOM);
  }

  private String timeLabel(Instant t) {
    String pattern =
        Duration.between(from, to).compareTo(Duration.ofDays(2)) <= 0 ? "MMM d HH:mm" : "MMM d";
    return DateTimeFormatter.ofPattern(pattern, Locale.ROOT).withZone(zone).format(t);
  }

  private static String line(String cls, double x1, double y1, double x2, double y2) {
    return String.format(
        Locale.ROOT,
        "<line class=\"%s\" x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\"/>",
        Html.escape(cls),
        x1,
        y1,
        x2,
        y2);
  }

  private static String text(String cls, double x, double y, String s) {
    return String.format(
        Locale.ROOT,
        "<text class=\"%s\" x=\"%.1f\" y=\"%.1f\">%s</text>",
        Html.escape(cls),
        x,
        y,
        Html.escape(s));
  }

  /** About five round tick values covering {@code [lo, hi]}. */
  static double[] ticks(double lo, double hi) {
    if (!(hi > lo)) {
      hi = lo + 1;
    }
    double raw = (hi - lo) / 4;
    double mag = Math.pow(10, Math.floor(Math.log10(raw)));
    double step = mag;
    for (double m : new double[] {1, 2, 2.5, 5, 10}) {
      step = m * mag;
      if (step >= raw) {
        break;
      }
    }
    double first = Math.floor(lo / step) * step;
    List<Double> out = new ArrayList<>();
    for (double t = first; t < hi + step * 0.999; t += step) {
      out.add(BigDecimal.valueOf(t).setScale(10, java.math.RoundingMode.HALF_EVEN).doubleValue());
    }
    return out.stream().mapToDouble(Double::doubleValue).toArray();
  }
}
