/**
 * The HTML report's style sheet: one A4 document, on screen a sheet of paper,
 * in print (Chromium, Firefox) pages with margins, page numbers, table
 * headers repeated and no row split across pages. Local fonts only: a
 * report opened anywhere fetches nothing.
 *
 * The page-number words are cofin's own (`pageWords`), letters only: no text
 * from a file is ever written into CSS.
 */
export function reportCss(pageWords: { page: string; of: string }): string {
  const word = (text: string) => {
    if (!/^[\p{L} ]+$/u.test(text)) throw new Error(`report-css: not a plain word: ${text}`);
    return text;
  };
  return (
    `
@page { size: A4; margin: 16mm 15mm 18mm 15mm;
  @bottom-right { content: "${word(pageWords.page)} " counter(page) " ${word(pageWords.of)} " counter(pages); ` +
    `font-family: "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; ` +
    `font-size: 7.5pt; color: #555; } }
:root { --font: "Source Sans 3", "Segoe UI", "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  --ink: #1a1a1a; --muted: #5a5a5a; --rule: #c9c9c9; --hair: #e4e4e4; --accent: #1f4e79; --bad: #a61b1b; ` +
    `--warn: #8a5a00; --good: #2d6a2d; }
* { box-sizing: border-box; }
html { background: #e8e8e4; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0; font: 10pt/1.4 var(--font); color: var(--ink); font-variant-numeric: tabular-nums lining-nums; }
.sheet { max-width: 210mm; margin: 8mm auto; padding: 16mm 15mm 14mm; background: #fff; ` +
    `box-shadow: 0 1px 4px rgba(0,0,0,.18); overflow-wrap: anywhere; }
h1, h2, h3 { font-weight: 600; line-height: 1.2; margin: 0; }
h1 { font-size: 19pt; letter-spacing: -0.01em; }
h2 { font-size: 12pt; margin: 7mm 0 2.5mm; padding-bottom: 1mm; border-bottom: 1.5px solid var(--accent); ` +
    `color: var(--accent); break-after: avoid; }
h3 { font-size: 10pt; margin: 4mm 0 1.5mm; break-after: avoid; }
p { margin: 0 0 2mm; }
.kind { font-size: 8pt; text-transform: uppercase; letter-spacing: .12em; color: var(--muted); margin-bottom: 1.5mm; }
.subtitle { font-size: 11pt; color: var(--muted); margin-top: 1mm; }
.origin { font-size: 8.5pt; color: var(--muted); margin-top: 1.5mm; }
header.title { padding-bottom: 1mm; }
.verdict { margin: 4mm 0 0; padding: 2mm 3mm; border: 1px solid var(--good); border-left-width: 4px; ` +
    `color: var(--good); font-weight: 600; break-inside: avoid; }
.verdict.fail { border-color: var(--bad); color: var(--bad); }
.verdict span { font-weight: 400; color: var(--ink); }
dl.keys { display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 0; margin: 5mm 0 0; ` +
    `border: 0.5px solid var(--rule); break-inside: avoid; }
dl.keys > div { padding: 2.5mm 3mm; border-left: 0.5px solid var(--rule); min-width: 0; }
dl.keys > div:first-child { border-left: 0; }
dl.keys dt { font-size: 8pt; color: var(--muted); text-transform: uppercase; letter-spacing: .06em; }
dl.keys dd { margin: 1mm 0 0; }
dl.keys dd.value { font-size: 14pt; font-weight: 600; white-space: nowrap; }
dl.keys dd.note { font-size: 7.5pt; color: var(--muted); }
dl.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: 0.8mm 4mm; margin: 3mm 0 0; ` +
    `font-size: 9pt; }
dl.facts dt { color: var(--muted); }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; width: 100%; font-size: 8.5pt; margin: 0 0 1.5mm; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { padding: 1.1mm 1.6mm; vertical-align: top; text-align: left; }
thead th { font-weight: 600; border-bottom: 1px solid var(--ink); vertical-align: bottom; }
tbody td, tbody th { border-bottom: 0.5px solid var(--hair); }
tbody th { font-weight: 400; }
.num { text-align: right; white-space: nowrap; }
thead th.num { white-space: normal; }
/* cofin's own short headings break between words only; names from a file may break anywhere */
thead th.own { overflow-wrap: normal; }
tr.total th, tr.total td { font-weight: 600; border-top: 1px solid var(--ink); border-bottom: 1.5px double var(--ink); }
tr.group th { font-weight: 600; background: #f2f4f7; border-bottom: 0.5px solid var(--rule); }
table.categories, table.countries { width: auto; min-width: 55%; }
td.line, th.line { color: var(--muted); text-align: right; white-space: nowrap; }
.caption { font-size: 7.5pt; color: var(--muted); margin: 0 0 3mm; }
.part { font-weight: 400; color: var(--muted); }
figure.chart { margin: 0 0 4mm; break-inside: avoid; }
figure.chart figcaption { font-weight: 600; font-size: 9.5pt; margin: 0 0 1mm; }
table.chart-table thead th { border-bottom: 0; font-weight: 400; color: var(--muted); font-size: 7.5pt; ` +
    `padding-bottom: 0; }
table.chart-table tbody th, table.chart-table tbody td { border-bottom: 0; padding-top: .6mm; padding-bottom: .6mm; }
table.chart-table tbody th { width: 30%; }
td.bar-cell { width: 45%; vertical-align: middle; }
svg.bar { display: block; width: 100%; height: 3.2mm; }
svg.bar rect.track { fill: #f0f0ee; }
svg.swatch { display: inline-block; width: 2.6mm; height: 2.6mm; vertical-align: -0.3mm; margin-right: 1mm; }
ul.legend { list-style: none; margin: 0 0 1.5mm; padding: 0; font-size: 8pt; }
ul.legend li { display: inline-block; margin-right: 4mm; }
.sev { display: inline-block; min-width: 18mm; font-weight: 600; }
.sev-error { color: var(--bad); }
.sev-warning { color: var(--warn); }
.sev-note { color: var(--muted); }
.hint { color: var(--muted); }
.code { color: var(--muted); white-space: nowrap; }
footer { margin-top: 8mm; padding-top: 2mm; border-top: 0.5px solid var(--rule); font-size: 7.5pt; ` +
    `color: var(--muted); }
@media print {
  html { background: none; }
  .sheet { max-width: none; margin: 0; padding: 0; box-shadow: none; }
  h2 { margin-top: 6mm; }
}
`
  );
}
