import { PROGRAMMES } from '../core/programmes/index.js';
import { ROUNDING_METHODS } from '../core/allocate/index.js';
import { SOURCE_KINDS, WELL_KNOWN_SOURCES } from '../core/sources.js';
import { COST_CATEGORIES } from '../core/costs.js';

// The schema says what an editor can know without reading the figures: the
// shape of the file and the text of each value. What takes arithmetic or
// several keys (a currency marker against `currency`, grouping in threes,
// two rest sources) is left to `cofin check`.

const S = '[\\s\\u00a0\\u202f]*';
/** A case-insensitive pattern for a word (JSON Schema patterns have no flags). */
const anyCase = (word: string) =>
  [...word].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : c)).join('');

const amount = {
  description:
    'An amount as written in the document: "12 758", "12 758,00", "EUR 12 758", "~9 ' +
    '284 000" or "2,5 milj." (approximate). A number is read from its literal text.',
  anyOf: [
    { type: 'number', minimum: 0 },
    {
      type: 'string',
      pattern: '[0-9]',
      not: {
        anyOf: [
          { pattern: `^${S}[-−–]` }, // negative
          { pattern: '%' }, // a rate, or a flat rate outside costs
          { pattern: '[0-9][eE][+-]?[0-9]' }, // an exponent
          { pattern: `^${S}(EUR|€)?${S}[0-9]{1,3}[.,][0-9]{3}${S}(EUR|€|eiro|euro)?${S}$` }, // 12,758: which mark?
        ],
      },
    },
  ],
};

const rate = {
  description:
    'A percentage from 0 to 100: "85%", 85, "85,5 %". Without % a value above 0 and ' +
    'at most 1 reads as a fraction and is refused.',
  anyOf: [
    { type: 'number', minimum: 0, maximum: 100, not: { exclusiveMinimum: 0, maximum: 1 } },
    {
      type: 'string',
      pattern: `^${S}0*(100([.,]0+)?|[0-9]{1,2}([.,][0-9]+)?)${S}%?${S}$`,
      not: { pattern: `^${S}0*(1([.,]0*)?|[.,]?[.,]?0*[.,][0-9]*[1-9][0-9]*)${S}$` },
    },
  ],
};

const rest = { const: 'rest', description: 'Takes what the other sources leave of the budget.' };

const sourceObject = {
  type: 'object',
  additionalProperties: false,
  properties: {
    rate,
    amount: { description: 'The declared amount, or "rest" for what the other sources leave.', anyOf: [amount, rest] },
    name: { type: 'string', description: 'Display name; required for ids that are not well known.' },
    kind: { enum: SOURCE_KINDS },
  },
  anyOf: [{ required: ['rate'] }, { required: ['amount'] }],
  // a rest source has no rate
  not: { required: ['rate', 'amount'], properties: { amount: rest } },
};

const wellKnownSource = {
  description: 'A bare rate ("85%"), "rest", or { rate, amount, name, kind }.',
  anyOf: [rate, rest, sourceObject],
};
const otherSource = {
  description: 'A source that is not well known: { name, rate or amount, kind }.',
  allOf: [sourceObject, { type: 'object', required: ['name'] }],
};

const funding = {
  type: 'object',
  description:
    `Source id to rate or { rate, amount, name, kind }. Well-known ` +
    `ids: ${Object.keys(WELL_KNOWN_SOURCES).join(', ')}.`,
  propertyNames: { pattern: '^[a-z][a-z0-9_-]*$' },
  properties: Object.fromEntries(Object.keys(WELL_KNOWN_SOURCES).map((id) => [id, wellKnownSource])),
  additionalProperties: otherSource,
  minProperties: 1,
};

const categoryWords = Object.keys(COST_CATEGORIES).map(anyCase).join('|');
const flatRate = {
  type: 'string',
  description: 'A flat rate: "15% of staff", "15% of staff, travel", "7% of direct".',
  pattern:
    `^${S}[0-9]+([.,][0-9]+)?${S}%${S}\\s${anyCase('of')}\\s+(${anyCase('direct')}(\\s+${anyCase('costs')})?|` +
    `(${categoryWords})(${S}(,|` +
    `\\s${anyCase('and')}\\s)${S}(${categoryWords}))*)${S}$`,
};

const costs = {
  type: 'object',
  description: 'Cost categories: an amount, or a flat rate "15% of staff" / "7% of direct".',
  additionalProperties: false,
  properties: Object.fromEntries(Object.keys(COST_CATEGORIES).map((c) => [c, { anyOf: [flatRate, amount] }])),
  minProperties: 1,
};

const euro = {
  type: 'object',
  description:
    'In a file whose currency the euro replaced (LVL, EEK, LTL, ...): the ' +
    "document's euro figures, budget and source ids, checked at the fixed rate.",
  additionalProperties: amount,
  minProperties: 1,
};

const periodCosts = {
  type: 'object',
  description: "A period's cost categories: amounts only (the budget's flat rates are computed on each period's base).",
  additionalProperties: false,
  properties: Object.fromEntries(Object.keys(COST_CATEGORIES).map((c) => [c, amount])),
  minProperties: 1,
};

const periods = {
  type: 'array',
  description:
    'The budget per reporting period, in order: every period but the last gives budget or ' +
    'costs; the last takes the remainder.',
  minItems: 2,
  items: {
    type: 'object',
    additionalProperties: false,
    required: ['period'],
    properties: {
      period: {
        description:
          'The reporting period: a whole number from 1 to 999; or preparation (first) and closure (last), ' +
          "Jems's periods of lump sums before and after the project.",
        anyOf: [
          { type: 'integer', minimum: 1, maximum: 999 },
          { type: 'string', pattern: `^${S}[0-9]{1,3}${S}$` },
          { enum: ['preparation', 'closure'] },
        ],
      },
      budget: amount,
      costs: periodCosts,
      declared: {
        type: 'object',
        description: "Source id to the amount the document states for the period, checked against the period's share.",
        propertyNames: { pattern: '^[a-z][a-z0-9_-]*$' },
        additionalProperties: amount,
      },
    },
  },
};

const programme = {
  description:
    "A programme profile whose rules bind every partner: the maximum co-financing rate of the partner's category.",
  enum: PROGRAMMES.map((p) => p.id),
};
const category = { type: 'string', description: "The partner's category in the file's programme (programme:)." };

const partner = {
  type: 'object',
  additionalProperties: false,
  required: ['partner'],
  anyOf: [{ required: ['budget'] }, { required: ['costs'] }],
  properties: {
    partner: { type: 'string' },
    country: { type: 'string' },
    budget: amount,
    costs,
    funding,
    euro,
    periods,
    category,
  },
};

const POWERS_OF_TEN = [0.000001, 0.00001, 0.0001, 0.001, 0.01, 0.1, 1, 10, 100, 1000, 10000, 100000, 1000000];

/** JSON Schema (2020-12) of budget file format 1. */
export const BUDGET_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://cofin.invalid/schema/budget-1.json',
  title: 'cofin budget file (format 1)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    currency: {
      type: 'string',
      pattern: '^[A-Za-z]{3}$',
      default: 'EUR',
      description: 'ISO 4217 code; historic ones such as LVL too.',
    },
    partner: { type: 'string' },
    country: { type: 'string' },
    budget: amount,
    costs,
    funding,
    euro,
    periods,
    programme,
    category,
    partners: { type: 'array', minItems: 1, items: partner },
    rounding: {
      type: 'object',
      additionalProperties: false,
      properties: {
        unit: {
          description: 'A power of ten: 1, 0.01, 100.',
          anyOf: [
            { type: 'number', enum: POWERS_OF_TEN },
            { type: 'string', pattern: `^${S}(10*|0*[.,]0*1)${S}$` },
          ],
        },
        method: { enum: ROUNDING_METHODS },
      },
    },
    project: {
      type: 'object',
      additionalProperties: false,
      properties: {
        name: { type: 'string' },
        programme: { type: 'string' },
        total: amount,
        partners: {
          description: 'How many partners the project has.',
          anyOf: [
            { type: 'integer', minimum: 1 },
            { type: 'string', pattern: `^${S}[0-9]+${S}$` },
          ],
        },
      },
    },
    source: { type: 'string', description: 'Where the figures come from: a URL or a document name.' },
  },
  oneOf: [
    {
      required: ['funding'],
      anyOf: [{ required: ['budget'] }, { required: ['costs'] }],
      not: { required: ['partners'] },
    },
    {
      required: ['partners'],
      not: {
        anyOf: [
          { required: ['budget'] },
          { required: ['partner'] },
          { required: ['costs'] },
          { required: ['euro'] },
          { required: ['periods'] },
          { required: ['category'] },
        ],
      },
    },
  ],
} as const;
