package dev.slo.report;

/** The report page's inline style sheet: screen and print. */
final class ReportStyle {
  static final String CSS =
      """
      :root { --fg: #111827; --muted: #6b7280; --line: #e5e7eb; --bg: #ffffff; }
      * { box-sizing: border-box; }
      body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
        color: var(--fg); background: var(--bg); margin: 0 auto; max-width: 1100px; padding: 24px; }
      h1 { font-size: 24px; margin: 0 0 4px; }
      h2 { font-size: 18px; margin: 0 0 6px; display: flex; gap: 10px; align-items: center; }
      h3 { font-size: 14px; margin: 14px 0 4px; text-transform: uppercase; letter-spacing: .04em;
        color: var(--muted); }
      .meta { color: var(--muted); margin: 0 0 12px; }
      table { border-collapse: collapse; width: 100%; margin: 6px 0 12px; }
      th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line);
        vertical-align: top; }
      th { font-weight: 600; background: #f9fafb; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      a { color: #1d4ed8; text-decoration: none; }
      section.slo { border: 1px solid var(--line); border-radius: 8px; padding: 16px;
        margin: 18px 0; break-inside: avoid; page-break-inside: avoid; }
      .badge { display: inline-block; font-size: 11px; font-weight: 700; letter-spacing: .05em;
        padding: 2px 8px; border-radius: 999px; color: #fff; white-space: nowrap; }
      .badge.HEALTHY { background: #15803d; }
      .badge.WARNING { background: #b45309; }
      .badge.CRITICAL { background: #b91c1c; }
      .badge.EXHAUSTED { background: #111827; }
      .bar { display: inline-block; width: 80px; height: 8px; background: var(--line);
        border-radius: 4px; margin-left: 6px; vertical-align: middle; overflow: hidden; }
      .bar > span { display: block; height: 100%; background: #93c5fd; }
      .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(180px, 1fr)); gap: 8px;
        margin: 8px 0; }
      .kpis div { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; }
      .kpis dt { color: var(--muted); font-size: 12px; }
      .kpis dd { margin: 0; font-size: 16px; font-weight: 600; font-variant-numeric: tabular-nums; }
      .burns .ci th, .burns .ci td { font-size: 10px; line-height: 1.2; color: var(--muted);
        padding: 0 4px 2px; white-space: nowrap; }
      .charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(420px, 1fr)); gap: 12px; }
      figure { margin: 0; }
      figcaption { color: var(--muted); font-size: 12px; }
      svg.chart { width: 100%; height: auto; display: block; }
      svg .grid { stroke: var(--line); stroke-width: 1; }
      svg .axis { stroke: #9ca3af; stroke-width: 1; }
      svg text { font: 11px system-ui, "DejaVu Sans", sans-serif; fill: var(--muted); }
      svg .tick.y { text-anchor: end; }
      svg .tick.x { text-anchor: middle; }
      svg .tick.x.first { text-anchor: start; }
      svg .tick.x.last { text-anchor: end; }
      svg .guide { stroke-width: 1.5; stroke-dasharray: 6 4; }
      svg .guide-label { text-anchor: end; font-size: 10px; }
      svg .guide.target, svg .guide.zero { stroke: #6b7280; }
      svg .guide.warning { stroke: #d97706; }
      svg .guide.critical { stroke: #dc2626; }
      svg .guide-label.warning { fill: #b45309; }
      svg .guide-label.critical { fill: #b91c1c; }
      svg .series { fill: none; stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
      svg .budget { stroke: #2563eb; }
      svg .sli { stroke: #059669; }
      svg .dot.budget { fill: #2563eb; }
      svg .dot.sli { fill: #059669; }
      svg .corrected { fill: #9ca3af; fill-opacity: 0.25; }
      td.hot { color: #b91c1c; font-weight: 600; }
      ul { margin: 4px 0 8px; padding-left: 20px; }
      .none { color: var(--muted); }
      footer { color: var(--muted); font-size: 12px; margin-top: 24px; }
      @media print {
        body { max-width: none; padding: 0; font-size: 11px; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        section.slo { border: none; border-top: 2px solid #9ca3af; border-radius: 0; padding: 10px 0; }
        .charts { grid-template-columns: 1fr 1fr; }
        a { color: inherit; }
      }
      @page { margin: 14mm; }
      """;

  private ReportStyle() {}
}
