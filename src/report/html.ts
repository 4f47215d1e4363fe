import path from 'node:path';
import type { SinkCategory, SourceLocation } from '../findings.js';
import type { FindingStatus, ReportFinding, ScanReport } from './model.js';
import { displayPath } from './paths.js';
import { RULES, ruleInfo } from './rules.js';
import type { SourceTexts } from './sourceText.js';
import { count } from './text.js';

export interface HtmlFormatOptions {
  /** Where code snippets are read from. */
  texts: SourceTexts;
  /** When the scan ran, ISO 8601; left out of the page when absent. */
  generatedAt?: string;
}

/**
 * One self-contained HTML page for security reviewers: no external script, style, font or image.
 * It shows counts by rule and vendor, the PHI data map (which PHI types and properties reach which
 * sink categories and vendors, each count linked to its findings), every finding with its trace and
 * code snippets, and filters by rule, vendor, file, PHI and status. Suppressed and baselined
 * findings are shown too, marked as such: the data map is about where PHI goes, accepted or not.
 */
export function formatHtml(report: ScanReport, options: HtmlFormatOptions): string {
  const items = report.findings.map((item, index) => ({ item, id: `finding-${index + 1}`, file: displayPath(item.finding.sink.location.file, report.cwd) }));
  const title = `PHI scan: ${path.basename(report.root)}`;
  const open = items.filter(({ item }) => item.status === 'open').length;
  const body = [
    `<header><h1>${esc(title)}</h1><p class="meta">${esc(report.tool.name)} ${esc(report.tool.version)}` +
      `${options.generatedAt ? ` · ${esc(options.generatedAt)}` : ''} · ${esc(count(report.files.length, 'file'))} analysed in ${esc(count(report.projects.length, 'project'))}` +
      `${report.changedSince ? ` · only lines changed since <code>${esc(report.changedSince.ref)}</code>` : ''}</p></header>`,
    summarySection(report, open),
    countsSection(items.map(({ item }) => item)),
    dataMapSection(items),
    findingsSection(items, report, options.texts),
    diagnosticsSection(report),
  ].join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${body}
</main>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

type Item = { item: ReportFinding; id: string; file: string };

const CATEGORIES: readonly SinkCategory[] = ['logging', 'analytics', 'storage', 'network'];
const STATUS_LABEL: Record<FindingStatus, string> = { open: 'open', suppressed: 'suppressed in source', baselined: 'in baseline' };

function summarySection(report: ScanReport, open: number): string {
  const by = (status: FindingStatus): number => report.findings.filter((f) => f.status === status).length;
  const phi = new Set(report.findings.map((f) => f.finding.source.name)).size;
  const vendors = new Set(report.findings.map((f) => f.finding.sink.vendor)).size;
  const cards: Array<[string, number, string?]> = [
    ['open findings', open, open > 0 ? 'bad' : 'good'],
    ['suppressed in source', by('suppressed')],
    ['in baseline', by('baselined')],
    ['PHI items reaching sinks', phi],
    ['vendors receiving PHI', vendors],
    ['files not fully analysed', report.incomplete.length, report.incomplete.length > 0 ? 'warn' : undefined],
  ];
  return `<section id="summary" aria-label="Summary"><ul class="cards">${cards
    .map(([label, n, tone]) => `<li class="card${tone ? ` ${tone}` : ''}"><span class="n">${n}</span><span>${esc(label)}</span></li>`)
    .join('')}</ul></section>`;
}

function countsSection(findings: readonly ReportFinding[]): string {
  const ruleRows = RULES.map((rule) => {
    const of = findings.filter((f) => f.finding.ruleId === rule.id);
    return `<tr><td><a href="${esc(rule.helpUri)}">${esc(rule.id)}</a><div class="sub">${esc(rule.description)}</div></td>` +
      `<td>${esc(rule.category)}</td><td class="num">${linkCount(of.length, { rule: rule.id })}</td>` +
      `<td class="num">${of.filter((f) => f.status === 'open').length}</td></tr>`;
  }).join('');
  const vendors = group(findings, (f) => f.finding.sink.vendor);
  const vendorRows = [...vendors]
    .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
    .map(([vendor, of]) => {
      const categories = [...new Set(of.map((f) => f.finding.category))].join(', ');
      return `<tr><td>${esc(vendor)}</td><td>${esc(categories)}</td><td class="num">${linkCount(of.length, { vendor })}</td>` +
        `<td class="num">${of.filter((f) => f.status === 'open').length}</td></tr>`;
    })
    .join('');
  return `<section id="counts"><h2>Counts</h2><div class="two">
<table><caption>By rule</caption><thead><tr><th>Rule</th><th>Sink category</th><th class="num">Flows</th><th class="num">Open</th></tr></thead><tbody>${ruleRows}</tbody></table>
<table><caption>By vendor</caption><thead><tr><th>Vendor</th><th>Sink categories</th><th class="num">Flows</th><th class="num">Open</th></tr></thead><tbody>${vendorRows || '<tr><td colspan="4" class="none">No PHI reaches any vendor.</td></tr>'}</tbody></table>
</div></section>`;
}

/** PHI type → property → sink category → vendor → findings. */
function dataMapSection(items: readonly Item[]): string {
  const types = group(items, ({ item }) => phiParts(item.finding.source.name).type);
  if (types.size === 0) return `<section id="data-map"><h2>PHI data map</h2><p class="none">No PHI reaches a sink.</p></section>`;
  const rows: string[] = [];
  for (const [type, ofType] of [...types].sort(([a], [b]) => a.localeCompare(b))) {
    const properties = [...group(ofType, ({ item }) => item.finding.source.name)].sort(([a], [b]) => a.localeCompare(b));
    properties.forEach(([name, ofProperty], index) => {
      const { property } = phiParts(name);
      const kinds = [...new Set(ofProperty.map(({ item }) => item.finding.source.kind))].join(', ');
      const cells = CATEGORIES.map((category) => {
        const inCategory = ofProperty.filter(({ item }) => item.finding.category === category);
        if (inCategory.length === 0) return '<td class="empty"></td>';
        const rule = ruleInfo(inCategory[0]!.item.finding.ruleId)?.id ?? '';
        const vendors = [...group(inCategory, ({ item }) => item.finding.sink.vendor)]
          .sort(([a], [b]) => a.localeCompare(b))
          .map(([vendor, of]) => `<li>${filterLink(`${vendor} <b>${of.length}</b>`, { rule, vendor, phi: name }, `${of.length} flows of ${name} to ${vendor}`)}</li>`)
          .join('');
        return `<td><ul class="vendors">${vendors}</ul></td>`;
      }).join('');
      const typeCell = index === 0 ? `<th scope="rowgroup" rowspan="${properties.length}">${esc(type)}</th>` : '';
      rows.push(`<tr>${typeCell}<td>${filterLink(esc(property), { phi: name }, `all flows of ${name}`)}<div class="sub">${esc(kinds)}</div></td>` +
        `<td class="num">${ofProperty.length}</td>${cells}</tr>`);
    });
  }
  return `<section id="data-map"><h2>PHI data map</h2>
<p class="hint">Which PHI reaches which kind of sink and vendor. Each count links to its findings.</p>
<div class="scroll"><table class="map"><thead><tr><th>PHI type</th><th>Property</th><th class="num">Flows</th>${CATEGORIES.map((c) => `<th>${c}</th>`).join('')}</tr></thead>
<tbody>${rows.join('\n')}</tbody></table></div></section>`;
}

function findingsSection(items: readonly Item[], report: ScanReport, texts: SourceTexts): string {
  const select = (key: string, label: string, values: Array<[string, string, number]>): string =>
    `<label>${esc(label)} <select data-filter="${key}" id="filter-${key}"><option value="">All (${items.length})</option>${values
      .map(([value, text, n]) => `<option value="${esc(value)}">${esc(text)} (${n})</option>`)
      .join('')}</select></label>`;
  const options = (pick: (item: Item) => string, label: (value: string) => string = (v) => v): Array<[string, string, number]> =>
    [...group(items, pick)].sort(([a], [b]) => a.localeCompare(b)).map(([value, of]) => [value, label(value), of.length]);
  const filters = items.length === 0 ? '' : `<form class="filters" onsubmit="return false">
${select('rule', 'Rule', options(({ item }) => item.finding.ruleId))}
${select('vendor', 'Vendor', options(({ item }) => item.finding.sink.vendor))}
${select('file', 'File', options(({ file }) => file))}
${select('phi', 'PHI', options(({ item }) => item.finding.source.name))}
${select('status', 'Status', options(({ item }) => item.status, (s) => STATUS_LABEL[s as FindingStatus] ?? s))}
<button type="button" id="reset-filters">Show all</button>
<output id="shown" aria-live="polite">Showing <span id="shown-count">${items.length}</span> of ${items.length}</output>
</form>`;
  const list = items.map((entry) => findingCard(entry, report, texts)).join('\n');
  return `<section id="findings"><h2>Findings</h2>${filters}
<p id="no-match" class="none" hidden>No finding matches these filters.</p>
${items.length === 0 ? '<p class="none">No PHI flows found.</p>' : `<ol id="finding-list">${list}</ol>`}</section>`;
}

function findingCard({ item, id, file }: Item, report: ScanReport, texts: SourceTexts): string {
  const { finding } = item;
  const loc = finding.sink.location;
  const rule = ruleInfo(finding.ruleId);
  const status =
    item.status === 'open'
      ? ''
      : `<span class="badge status">${esc(STATUS_LABEL[item.status])}${item.suppression?.justification ? `: ${esc(item.suppression.justification)}` : ''}</span>`;
  const unjustified = item.unjustifiedSuppression
    ? `<p class="warn-note">The eslint-disable comment on line ${item.unjustifiedSuppression.line} gives no reason, so it was not honoured (--require-justification).</p>`
    : '';
  const steps = finding.trace
    .map((step) => `<li class="step step-${esc(step.kind)}"><div class="step-head"><span class="kind">${esc(step.kind)}</span> ${esc(step.message)}` +
      ` <span class="where">${esc(displayPath(step.location.file, report.cwd))}:${step.location.line}:${step.location.column}</span></div>${snippet(step.location, texts)}</li>`)
    .join('');
  const attributes = [
    ['rule', finding.ruleId],
    ['vendor', finding.sink.vendor],
    ['file', file],
    ['phi', finding.source.name],
    ['status', item.status],
  ].map(([key, value]) => `data-${key}="${esc(value!)}"`).join(' ');
  return `<li id="${id}" class="finding ${esc(item.status)}" ${attributes}>
<div class="finding-head"><span class="badge ${esc(finding.severity)}">${esc(finding.severity)}</span>${finding.heuristic ? ' <span class="badge heuristic">heuristic</span>' : ''} <a class="rule" href="${esc(rule?.helpUri ?? '#')}">${esc(finding.ruleId)}</a> ${status}
<h3>${esc(finding.message)}</h3>
<p class="where">${esc(file)}:${loc.line}:${loc.column}${finding.enclosingFunction ? ` · in <code>${esc(finding.enclosingFunction)}</code>` : ''} · ${esc(finding.sink.vendor)} (${esc(finding.category)}) · PHI <code>${esc(finding.source.name)}</code>: ${esc(finding.source.reason)}</p></div>
${unjustified}<details open><summary>Trace: ${count(finding.trace.length, 'step')} from source to sink</summary><ol class="trace">${steps}</ol></details>
<p class="fingerprint">fingerprint <code>${esc(item.fingerprint)}</code></p>
</li>`;
}

/** The lines of a location with one line of context on each side, numbered, the span highlighted. */
function snippet(location: SourceLocation, texts: SourceTexts): string {
  const lines = texts.lines(location.file);
  if (!lines) return '';
  const first = Math.max(1, location.line - 1);
  const last = Math.min(lines.length, Math.max(location.endLine, location.line) + 1, first + 9);
  const rows: string[] = [];
  for (let n = first; n <= last; n++) {
    const marked = n >= location.line && n <= location.endLine;
    rows.push(`<span class="ln${marked ? ' hl' : ''}"><span class="no">${n}</span>${esc(lines[n - 1] ?? '') || ' '}</span>`);
  }
  return `<pre class="code">${rows.join('')}</pre>`;
}

function diagnosticsSection(report: ScanReport): string {
  const parts: string[] = [];
  if (report.incomplete.length > 0) {
    parts.push(`<h3>Not fully analysed</h3><p class="hint">Findings in these files may be missing.</p><ul>${report.incomplete
      .map(({ file, reasons }) => `<li><code>${esc(displayPath(file, report.cwd))}</code> — ${esc(reasons.join(', '))}</li>`)
      .join('')}</ul>`);
  }
  if (report.diagnostics.length > 0) {
    parts.push(`<h3>Diagnostics</h3><ul class="diagnostics">${report.diagnostics
      .map((d) => {
        const file = d.location?.file ?? d.file;
        const where = file === undefined ? '' : `<code>${esc(displayPath(file, report.cwd))}${d.location ? `:${d.location.line}:${d.location.column}` : ''}</code> `;
        return `<li>${where}<span class="badge">${esc(d.kind)}</span> ${esc(d.message)}</li>`;
      })
      .join('')}</ul>`);
  }
  if (report.baseline && report.baseline.stale.length > 0) {
    parts.push(`<h3>Stale baseline entries</h3><ul>${report.baseline.stale
      .map((e) => `<li><code>${esc(e.file)}</code> ${esc(e.message)} <span class="sub">${esc(e.rule)}</span></li>`)
      .join('')}</ul>`);
  }
  parts.push(`<h3>Projects</h3><ul>${report.projects
    .map((p) => `<li><code>${esc(displayPath(p.path, report.cwd))}</code> (${p.kind}, ${esc(count(p.files, 'file'))})</li>`)
    .join('')}</ul>`);
  return `<section id="diagnostics"><h2>Scan details</h2>${parts.join('\n')}</section>`;
}

/** `Patient.mrn` → type `Patient`, property `mrn`; a name without a dot is the whole type. */
function phiParts(name: string): { type: string; property: string } {
  const dot = name.indexOf('.');
  return dot <= 0 ? { type: name, property: '(the whole value)' } : { type: name.slice(0, dot), property: name.slice(dot + 1) };
}

function linkCount(n: number, filters: Record<string, string>): string {
  return n === 0 ? '0' : filterLink(String(n), filters, `show these ${n} findings`);
}

/** A link to the findings list that sets the filters when followed. `html` is already escaped. */
function filterLink(html: string, filters: Record<string, string>, label: string): string {
  const data = Object.entries(filters).map(([key, value]) => ` data-${key}="${esc(value)}"`).join('');
  return `<a href="#findings" data-set-filters${data} title="${esc(label)}">${html}</a>`;
}

function group<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root{color-scheme:light dark;--fg:#1b1f24;--muted:#59636e;--bg:#fff;--panel:#f6f8fa;--line:#d1d9e0;--accent:#0969da;--bad:#cf222e;--warn:#9a6700;--good:#1a7f37;--hl:#fff8c5}
@media (prefers-color-scheme:dark){:root{--fg:#e6edf3;--muted:#9198a1;--bg:#0d1117;--panel:#151b23;--line:#3d444d;--accent:#4493f8;--bad:#f85149;--warn:#d29922;--good:#3fb950;--hl:#3b2e00}}
*{box-sizing:border-box}[hidden]{display:none!important}
body{margin:0;font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:24px}
h1{font-size:24px;margin:0}h2{font-size:19px;margin:32px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:4px 0}
a{color:var(--accent)}code,pre{font:12px/1.45 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.meta,.hint,.sub,.where,.fingerprint{color:var(--muted)}.sub{font-size:12px}.none{color:var(--muted);font-style:italic}
.cards{display:flex;flex-wrap:wrap;gap:12px;list-style:none;padding:0;margin:16px 0}
.card{background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px 16px;min-width:150px;display:flex;flex-direction:column}
.card .n{font-size:26px;font-weight:600}.card.bad .n{color:var(--bad)}.card.warn .n{color:var(--warn)}.card.good .n{color:var(--good)}
.two{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:16px}
table{border-collapse:collapse;width:100%}caption{text-align:left;font-weight:600;padding:4px 0}
th,td{border:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}thead th{background:var(--panel)}
.num{text-align:right;white-space:nowrap}.scroll{overflow-x:auto}
.map td.empty{background:var(--panel)}.vendors{list-style:none;margin:0;padding:0}
.filters{display:flex;flex-wrap:wrap;gap:12px;align-items:center;background:var(--panel);border:1px solid var(--line);border-radius:8px;padding:10px;position:sticky;top:0;z-index:1}
.filters select{max-width:260px}
#finding-list{list-style:none;padding:0;margin:12px 0}
.finding{border:1px solid var(--line);border-left:4px solid var(--bad);border-radius:6px;padding:10px 14px;margin:0 0 12px;background:var(--bg)}
.finding.suppressed,.finding.baselined{border-left-color:var(--muted)}
.finding h3{margin:4px 0}.finding .where{margin:0}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;border:1px solid var(--line);background:var(--panel)}
.badge.error{color:#fff;background:var(--bad);border-color:var(--bad)}.badge.warning{color:#000;background:var(--warn);border-color:var(--warn)}
.badge.heuristic{color:var(--fg,#222);background:transparent;border-style:dashed}
.rule{font-weight:600}.warn-note{color:var(--warn)}
.trace{margin:6px 0;padding-left:22px}.step{margin:6px 0}.step .kind{font-size:11px;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.code{background:var(--panel);border:1px solid var(--line);border-radius:6px;margin:4px 0;padding:6px 0;overflow-x:auto;tab-size:2}
.ln{display:block;padding:0 10px;white-space:pre}.ln.hl{background:var(--hl)}.no{display:inline-block;width:3.5em;color:var(--muted);user-select:none}
.fingerprint{font-size:11px;margin:4px 0 0}
`;

const SCRIPT = `
(function () {
  var items = Array.prototype.slice.call(document.querySelectorAll('#finding-list > li'));
  var selects = Array.prototype.slice.call(document.querySelectorAll('select[data-filter]'));
  var shown = document.getElementById('shown-count');
  var none = document.getElementById('no-match');
  function apply() {
    var n = 0;
    items.forEach(function (item) {
      var ok = selects.every(function (s) { return s.value === '' || item.dataset[s.dataset.filter] === s.value; });
      item.hidden = !ok;
      if (ok) n++;
    });
    if (shown) shown.textContent = String(n);
    if (none) none.hidden = n !== 0 || items.length === 0;
  }
  selects.forEach(function (s) { s.addEventListener('change', apply); });
  var reset = document.getElementById('reset-filters');
  if (reset) reset.addEventListener('click', function () { selects.forEach(function (s) { s.value = ''; }); apply(); });
  document.addEventListener('click', function (event) {
    var link = event.target instanceof Element ? event.target.closest('a[data-set-filters]') : null;
    if (!link) return;
    selects.forEach(function (s) { s.value = link.dataset[s.dataset.filter] || ''; });
    apply();
  });
  apply();
})();
`;
