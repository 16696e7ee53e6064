import { Decimal, ZERO } from '../core/decimal.js';
import { html, type Html } from './safe-text.js';

/**
 * Bar charts for the HTML report, as inline SVG. A chart is an HTML table
 * (a label, the bar, the exact figures) so that labels wrap and stay text;
 * each bar is an SVG of rectangles. Only the geometry is a JS number, and
 * only for drawing: every figure shown is the exact decimal text.
 */

/** Sober colours that stay distinct in greyscale print, in the order of the sources. */
export const SERIES_COLOURS = [
  '#1f4e79',
  '#6f9fcb',
  '#c8a046',
  '#7a9a6e',
  '#8c6d9e',
  '#b5654a',
  '#4f8f8f',
  '#8a8a8a',
] as const;

export const seriesColour = (index: number): string => SERIES_COLOURS[index % SERIES_COLOURS.length]!;

/** One part of a bar: its amount, its colour, and the words of its tooltip. */
export interface Segment {
  amount: Decimal;
  colour: string;
  title: string;
}

/** One row of a chart: the label, the bar's parts, and the figures shown beside it (already formatted). */
export interface ChartRow {
  label: string;
  segments: readonly Segment[];
  figures: readonly string[];
}

/** The bar's width in viewBox units; the SVG stretches to its cell (`preserveAspectRatio="none"`). */
const WIDTH = 1000;
const HEIGHT = 10;

/** `part ÷ whole` as a fraction in [0, 1], for drawing only. */
function fraction(part: Decimal, whole: Decimal): number {
  if (whole.lte(ZERO) || part.lte(ZERO)) return 0;
  return Math.min(1, part.div(whole).toNumber());
}

const coordinate = (value: number) => (Math.round(value * 10) / 10).toString();

/**
 * A stacked bar: segments side by side from the left, each as long as its
 * amount on the scale `largest`; negative amounts draw nothing, and the bar
 * never passes the track (clamped), whatever the figures.
 */
export function barSvg(segments: readonly Segment[], largest: Decimal, label: string): Html {
  let cumulative = ZERO;
  let drawn = 0;
  const rects: Html[] = [];
  for (const segment of segments) {
    if (segment.amount.isPositive()) cumulative = cumulative.plus(segment.amount);
    // cumulative ends: the parts add up to the whole bar, with no gap from rounding
    const end = fraction(cumulative, largest) * WIDTH;
    if (end > drawn) {
      const place = html`x="${coordinate(drawn)}" y="0" width="${coordinate(end - drawn)}" height="${HEIGHT}"`;
      rects.push(html`<rect ${place} fill="${segment.colour}"><title>${segment.title}</title></rect>`);
    }
    drawn = Math.max(drawn, end);
  }
  const frame = html`class="bar" viewBox="0 0 ${WIDTH} ${HEIGHT}" preserveAspectRatio="none"`;
  const track = html`<rect class="track" x="0" y="0" width="${WIDTH}" height="${HEIGHT}"/>`;
  return html`<svg ${frame} role="img" aria-label="${label}">${track}${rects}</svg>`;
}

/** A small square of a series' colour, for legends. */
export function swatch(colour: string): Html {
  const square = html`<rect width="10" height="10" fill="${colour}"/>`;
  return html`<svg class="swatch" viewBox="0 0 10 10" aria-hidden="true">${square}</svg>`;
}

/**
 * A chart: one row per item, its bar on the scale of the largest row (the
 * largest of each row's positive amounts), so the longest bar fills the width.
 */
export function barChart(
  caption: string,
  rows: readonly ChartRow[],
  figureHeads: readonly string[],
  legend?: Html,
): Html {
  const largest = rows.reduce((max, row) => {
    const total = row.segments.reduce((sum, s) => (s.amount.isPositive() ? sum.plus(s.amount) : sum), ZERO);
    return Decimal.max(max, total);
  }, ZERO);
  const body = rows.map((row) => {
    const bar = html`<td class="bar-cell">${barSvg(row.segments, largest, row.label)}</td>`;
    const figures = row.figures.map((f) => html`<td class="num">${f}</td>`);
    return html`<tr><th scope="row">${row.label}</th>${bar}${figures}</tr>`;
  });
  // the label's and the bar's columns have no heading
  const figureCells = figureHeads.map((h) => html`<th scope="col" class="num">${h}</th>`);
  const heads = html`<th scope="col"></th><th scope="col"></th>${figureCells}`;
  const table = html`<table class="chart-table"><thead><tr>${heads}</tr></thead><tbody>${body}</tbody></table>`;
  return html`<figure class="chart"><figcaption>${caption}</figcaption>${legend}${table}</figure>`;
}
