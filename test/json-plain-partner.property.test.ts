import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBudgetFile, loadJsonExact } from '../src/io/budget-file.js';
import { Decimal } from '../src/core/decimal.js';
import { CofinError } from '../src/core/errors.js';

// The fast JSON reader reads a partner of the usual shape without the general reader (io/budget-file's
// plainPartner). Whatever the partner, the model must be the exact reader's: every field, its keys in the same order,
// the same places; or the same error.

/** A model as plain data: keys in order, Decimals as their text, places as line, column and pointer. */
function plain(value: unknown): unknown {
  if (value instanceof Decimal) return { decimal: value.toFixed(), negative: value.isNegative() };
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const object = value as Record<string, unknown>;
  if ('pointer' in object && 'line' in object)
    return { place: [object.pointer, object.line, object.column, object.cell] };
  return Object.keys(object).map((key) => [key, plain(object[key])]);
}

function outcome(read: () => ReturnType<typeof loadBudgetFile>): unknown {
  try {
    const file = read();
    return plain({ ...file, partners: [...file.partners] });
  } catch (error) {
    if (!(error instanceof CofinError)) throw error;
    return { error: [error.code, error.message, error.hint, error.location?.line, error.location?.column] };
  }
}

/** A value and whether it is of the shape the plain reading takes. */
type Tagged = { value: unknown; plain: boolean };
const usual = (values: unknown[]) => fc.constantFrom(...values.map((value) => ({ value, plain: true })));
const unusual = (values: unknown[]) => fc.constantFrom(...values.map((value) => ({ value, plain: false })));
const either = (a: fc.Arbitrary<Tagged>, b: fc.Arbitrary<Tagged>) => fc.oneof({ weight: 30, arbitrary: a }, b);

const budget = either(
  usual(['12758', '12 758', '12758.10', '1 234 567,89', '0', ' 900 ']),
  unusual(['x', '', '  ', '12,758.1.2', '~12 000', '1,2 milj.', 'EUR 100', true, null, 5]),
);
const rate = either(usual(['85%', '10,5%', '5 %', '0.25', '100%', 'rest']), unusual(['', 'x%', '120%', '-5%', null]));
const amount = either(usual(['10844', '1 276,00', '638.5', 'rest']), unusual(['', 'lots', false]));
const id = either(
  usual(['erdf', 'state', 'municipal', 'national', 'esf']),
  unusual(['own', 'ERDF', '9x', '__proto__']),
);
const source: fc.Arbitrary<[Tagged, Tagged]> = fc.tuple(
  id,
  fc.oneof(
    { weight: 12, arbitrary: rate },
    {
      weight: 6,
      arbitrary: fc
        .record({ rate: fc.option(rate, { nil: undefined }), amount: fc.option(amount, { nil: undefined }) })
        .map(({ rate: r, amount: a }) => ({
          value: { ...(r ? { rate: r.value } : {}), ...(a ? { amount: a.value } : {}) },
          plain: (r?.plain ?? true) && (a?.plain ?? true) && (r !== undefined || a !== undefined),
        })),
    },
    unusual([{ name: 'Own', rate: '5%' }, { kind: 'public', rate: '5%' }, [], {}]),
  ),
);
const funding = fc.array(source, { minLength: 1, maxLength: 4 }).map((pairs) => ({
  value: Object.fromEntries(pairs.map(([i, v]) => [i.value, v.value])),
  plain: pairs.length > 0 && pairs.every(([i, v]) => i.plain && v.plain),
}));
const partner = fc
  .record({
    name: either(usual(['A', 'Rīgas dome', 'B 2', '7']), unusual(['', ' ', 3, null])),
    country: fc.option(either(usual(['LV', 'EE']), unusual(['', false])), { nil: undefined }),
    budget: fc.option(budget, { freq: 12, nil: undefined }),
    funding: fc.option(funding, { nil: undefined }),
    // mostly none: a key the plain reading leaves to the general reader
    extra: fc.oneof(
      { weight: 12, arbitrary: fc.constant(undefined) },
      unusual([
        ['category', 'x'],
        ['costs', { staff: '100' }],
        ['0', 'x'],
      ]),
    ),
  })
  .map(({ name, country, budget: b, funding: f, extra }) => {
    const value: Record<string, unknown> = { partner: name.value };
    if (country) value.country = country.value;
    if (b) value.budget = b.value;
    if (f) value.funding = f.value;
    if (extra) value[(extra.value as string[])[0]!] = (extra.value as unknown[])[1];
    return { value, plain: name.plain && (country?.plain ?? true) && b !== undefined && b.plain && !extra };
  });

describe("the fast JSON reader's plain partners are the exact reader's", () => {
  it('the same model, keys in order and places, or the same error', () => {
    let plainPartners = 0;
    let otherPartners = 0;
    fc.assert(
      fc.property(
        fc.array(partner, { minLength: 1, maxLength: 4 }),
        fc.option(funding, { nil: undefined }),
        fc.boolean(),
        (partners, shared, numbers) => {
          const file = {
            currency: 'EUR',
            ...(shared ? { funding: shared.value } : {}),
            partners: partners.map((p) => p.value),
          };
          let text = JSON.stringify(file, null, numbers ? 2 : undefined);
          // whole numbers and decimals as JSON numbers too: their literal text is kept
          if (numbers) text = text.replace(/: "([0-9]+(?:\.[0-9]+)?)"/g, ': $1');
          for (const p of partners)
            if (p.plain && (p.value.funding !== undefined || shared?.plain === true)) plainPartners++;
            else otherPartners++;
          expect(outcome(() => loadBudgetFile(text, 'json'))).toEqual(outcome(() => loadJsonExact(text)));
        },
      ),
      { seed: 20261207, numRuns: 1500 },
    );
    // both readings reached: partners read plainly, and partners the general reader takes over
    expect(plainPartners).toBeGreaterThan(1000);
    expect(otherPartners).toBeGreaterThan(1000);
  });
});
