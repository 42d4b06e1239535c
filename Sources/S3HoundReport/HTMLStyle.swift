/// The HTML report's stylesheet, inlined in the page (the Content-Security-Policy allows inline
/// styles and nothing else): system fonts, no images, readable on screen and on paper.
enum HTMLStyle {
    static let css = """
    :root { --ink: #1f2328; --muted: #59636e; --line: #d8dee4; --soft: #f6f8fa; --critical: #8e0000; --high: #c62828; --medium: #ef6c00; --low: #2e7d32; --info: #455a64; }
    * { box-sizing: border-box; }
    body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #ffffff; }
    header.run, main, footer { max-width: 1180px; margin: 0 auto; padding: 0 24px; }
    header.run { padding-top: 24px; }
    h1 { font-size: 26px; margin: 0 0 12px; }
    h2 { font-size: 22px; margin: 0 0 12px; display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
    h3 { font-size: 17px; margin: 28px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
    h4 { font-size: 15px; margin: 18px 0 6px; }
    p { margin: 6px 0 10px; }
    code, pre, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Liberation Mono", monospace; font-size: 13px; }
    dl.fields { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; margin: 8px 0 12px; }
    dl.fields dt { color: var(--muted); font-weight: 600; }
    dl.fields dd { margin: 0; overflow-wrap: anywhere; }
    nav.incidents { margin: 16px 0 8px; padding: 12px 16px; background: var(--soft); border: 1px solid var(--line); border-radius: 8px; }
    nav.incidents ul { margin: 4px 0 0; padding-left: 20px; }
    section.incident { margin: 28px 0; padding: 20px 24px; border: 1px solid var(--line); border-left: 6px solid var(--info); border-radius: 8px; }
    section.incident.sev-critical { border-left-color: var(--critical); }
    section.incident.sev-high { border-left-color: var(--high); }
    section.incident.sev-medium { border-left-color: var(--medium); }
    section.incident.sev-low { border-left-color: var(--low); }
    .badge { display: inline-block; padding: 2px 10px; border-radius: 999px; color: #ffffff; font-size: 13px; font-weight: 700; background: var(--info); }
    .badge.sev-critical { background: var(--critical); } .badge.sev-high { background: var(--high); }
    .badge.sev-medium { background: var(--medium); } .badge.sev-low { background: var(--low); }
    .table-wrap { overflow-x: auto; margin: 8px 0 16px; }
    table { border-collapse: collapse; width: 100%; font-size: 14px; }
    caption { text-align: left; font-weight: 700; padding: 4px 0 6px; }
    th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; overflow-wrap: break-word; }
    th { background: var(--soft); font-weight: 600; white-space: nowrap; }
    td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
    td.when { white-space: nowrap; }
    .source { display: inline-block; padding: 0 8px; border-radius: 4px; font-size: 12px; font-weight: 600; background: #eaeef2; white-space: nowrap; }
    .source.cloudTrail { background: #fde2e2; } .source.guardDuty { background: #fff0d6; } .source.macie { background: #efe3f7; }
    .source.vpcFlowLogs { background: #dff3e4; } .source.serverAccessLog { background: #e3eefc; } .source.s3hound { background: #eaeef2; }
    .charts { display: grid; gap: 18px; margin: 12px 0 8px; }
    figure { margin: 0; padding: 12px; border: 1px solid var(--line); border-radius: 8px; background: #ffffff; }
    figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }
    svg.chart { width: 100%; height: auto; display: block; }
    svg.chart text { font: 12px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: #3b434b; }
    svg.chart text.panel-title { font-size: 14px; font-weight: 700; fill: var(--ink); }
    svg.chart text.cell { font-size: 10px; }
    svg.chart text.note { fill: var(--muted); }
    svg.chart text.usual-label { fill: #1565c0; font-weight: 600; }
    svg.chart line.grid { stroke: #e6e9ed; stroke-width: 1; }
    svg.chart line.grid-x { stroke: #eef0f2; stroke-width: 1; }
    svg.chart line.axis { stroke: #8c959f; stroke-width: 1; }
    ol.checklist { padding-left: 0; list-style: none; counter-reset: step; }
    ol.checklist > li { counter-increment: step; margin: 0 0 16px; padding: 10px 14px; border: 1px solid var(--line); border-radius: 8px; }
    ol.checklist label { font-weight: 700; display: flex; gap: 10px; align-items: baseline; }
    ol.checklist label::before { content: counter(step) "."; color: var(--muted); }
    ol.checklist input { transform: translateY(2px); }
    pre { background: #f6f8fa; border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; overflow-x: auto; white-space: pre-wrap; overflow-wrap: anywhere; }
    ul.notes { color: var(--muted); }
    footer { color: var(--muted); font-size: 13px; padding-bottom: 32px; }
    @media print { section.incident { break-inside: auto; border-left-width: 3px; } pre { white-space: pre-wrap; } nav.incidents { display: none; } }
    """
}
