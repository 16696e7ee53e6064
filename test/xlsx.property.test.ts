// A partner table read from a CSV and the same table written as a workbook give the same model and the
// same check: the workbook's cells (numbers at their formats, percent cells, shared and inline strings)
// are what the CSV's text says. The workbook is built here from XML strings, independently of src/.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadPartnerCsv } from '../src/io/csv.js';
import { loadPartnerWorkbook } from '../src/io/xlsx/load.js';
import { checkBudgetStream } from '../src/core/check.js';
import type { BudgetStream, FigureField, RateField } from '../src/core/model.js';
import { buildWorkbook, type CellSpec } from './xlsx-build.js';

const SOURCES = ['erdf', 'municipal', 'state', 'private'];

/** An amount as a CSV writes it, and the workbook cells that show the same. */
interface Amount {
  whole: string;
  cents: string | undefined;
}
type Share =
  | { kind: 'none' }
  | { kind: 'rest' }
  | { kind: 'rate'; whole: number; decimals: string | undefined }
  | { kind: 'amount'; amount: Amount };

const amount = fc.record({
  whole: fc.integer({ min: 0, max: 9_999_999 }).map(String),
  cents: fc.option(
    fc.integer({ min: 0, max: 99 }).map((c) => String(c).padStart(2, '0')),
    { nil: undefined },
  ),
});
const share: fc.Arbitrary<Share> = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.constant({ kind: 'rest' as const }),
  fc
    .record({
      kind: fc.constant('rate' as const),
      whole: fc.integer({ min: 0, max: 100 }),
      decimals: fc.option(
        fc.integer({ min: 0, max: 99 }).map((d) => String(d).padStart(2, '0')),
        { nil: undefined },
      ),
    })
    .map((r) => (r.whole === 100 ? { ...r, decimals: undefined } : r)),
  fc.record({ kind: fc.constant('amount' as const), amount }),
);
const name = fc
  .string({
    unit: fc.constantFrom('a', 'B', 'ā', 'ņ', 'Š', ' ', '1', ',', '"', '=', "'", '-', '(', ')'),
    minLength: 1,
    maxLength: 12,
  })
  .filter((n) => n.trim() !== '' && n.trim() !== 'rest');
const partner = fc.record({
  name,
  country: fc.option(fc.constantFrom('LV', 'EE', 'FI', 'Latvija'), { nil: undefined }),
  budget: amount,
  shares: fc.array(share, { minLength: SOURCES.length, maxLength: SOURCES.length }),
  style: fc.array(fc.constantFrom('number', 'shared', 'inline'), { minLength: 6, maxLength: 6 }),
});

const amountText = (a: Amount) => (a.cents === undefined ? a.whole : `${a.whole}.${a.cents}`);
/** The stored number of a percentage: `49.67` → `0.4967`, on the digits. */
function fraction(whole: number, decimals: string | undefined): string {
  const digits = String(whole).padStart(3, '0') + (decimals ?? '');
  const point = digits.length - 2 - (decimals?.length ?? 0);
  const out = `${digits.slice(0, point)}.${digits.slice(point)}`.replace(/^0+(?=\d)/, '').replace(/\.?0+$/, '');
  return out === '' ? '0' : out;
}
const quote = (cell: string) => (/[",\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

function textCell(text: string, style: string): CellSpec {
  return style === 'inline' ? { inline: text } : text;
}
function amountCell(a: Amount, style: string): CellSpec {
  if (style !== 'number') return textCell(amountText(a), style);
  const stored = a.cents === undefined ? a.whole : `${a.whole}.${a.cents}`.replace(/\.?0+$/, '');
  return { n: stored === '' ? '0' : stored, fmt: a.cents === undefined ? '0' : '#,##0.00' };
}

/** The model without its places: what the CSV and the workbook must agree on. */
function essence(model: BudgetStream) {
  const figure = (f: FigureField | undefined) =>
    f && {
      value: f.value.toFixed(),
      text: f.text.trim(),
      scale: f.scale,
      precision: f.precision?.toFixed(),
      currency: f.currency,
    };
  const rate = (r: RateField | undefined) => r && { value: r.value.toFixed(), text: r.text, scale: r.scale };
  return {
    currency: model.currency,
    partners: [...model.partners].map((p) => ({
      partner: p.partner,
      country: p.country,
      budget: figure(p.budget),
      funding: p.funding.map((s) => ({
        id: s.id,
        name: s.name,
        kind: s.kind,
        rest: s.rest,
        rate: rate(s.rate),
        amount: figure(s.amount),
      })),
    })),
  };
}

function outcome(load: () => BudgetStream) {
  try {
    const model = load();
    const check = checkBudgetStream(model);
    return {
      model: essence(model),
      verdict: check.verdict,
      findings: check.findings.map((f) => [f.code, f.severity, f.message]),
    };
  } catch (error) {
    return { error: (error as { code?: string }).code, message: (error as Error).message };
  }
}

describe('properties: a CSV partner table and the same table as a workbook', () => {
  it('load to the same model and the same check', () => {
    fc.assert(
      fc.property(fc.array(partner, { minLength: 1, maxLength: 6 }), (partners) => {
        const header = ['partner', 'country', 'budget', ...SOURCES];
        const csvRows = partners.map((p) => [
          p.name,
          p.country ?? '',
          amountText(p.budget),
          ...p.shares.map((s) =>
            s.kind === 'none'
              ? ''
              : s.kind === 'rest'
                ? 'rest'
                : s.kind === 'rate'
                  ? `${s.whole}${s.decimals === undefined ? '' : `.${s.decimals}`}%`
                  : amountText(s.amount),
          ),
        ]);
        const csv = [header, ...csvRows].map((r) => r.map(quote).join(',')).join('\n') + '\n';
        const rows: CellSpec[][] = [
          header,
          ...partners.map((p) => [
            textCell(p.name, p.style[0]!),
            p.country === undefined ? null : textCell(p.country, p.style[1]!),
            amountCell(p.budget, p.style[2]!),
            ...p.shares.map((s, i): CellSpec => {
              const style = p.style[(3 + i) % 6]!;
              if (s.kind === 'none') return null;
              if (s.kind === 'rest') return textCell('rest', style);
              if (s.kind === 'amount') return amountCell(s.amount, style);
              if (style !== 'number')
                return textCell(`${s.whole}${s.decimals === undefined ? '' : `.${s.decimals}`}%`, style);
              return { n: fraction(s.whole, s.decimals), fmt: s.decimals === undefined ? '0%' : '0.00%' };
            }),
          ]),
        ];
        const book = buildWorkbook([{ name: 'Partners', rows }]);
        const fromCsv = outcome(() => loadPartnerCsv(csv));
        const fromBook = outcome(() => loadPartnerWorkbook(book));
        expect(fromBook).toEqual(fromCsv);
      }),
      { numRuns: 100 },
    );
  });
});
