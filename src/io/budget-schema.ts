import { ROUNDING_METHODS } from '../core/allocate/index.js';
import { SOURCE_KINDS, WELL_KNOWN_SOURCES } from '../core/sources.js';
import { COST_CATEGORIES } from '../core/costs.js';

const amount = {
  description: 'An amount as written in the document: "12 758", "12 758,00", "EUR 12 758", "~9 284 000" or "2,5 milj." (approximate). A number is read from its literal text.',
  type: ['string', 'number'],
};
const rate = { description: 'A percentage: "85%", 85, "85,5 %".', type: ['string', 'number'] };

const source = {
  description: 'A funding source: a bare rate ("85%"), "rest", or an object.',
  oneOf: [
    rate,
    { const: 'rest' },
    {
      type: 'object',
      additionalProperties: false,
      properties: {
        rate,
        amount: { description: 'The declared amount, or "rest" for what the other sources leave.', oneOf: [amount, { const: 'rest' }] },
        name: { type: 'string', description: 'Display name; required for ids that are not well known.' },
        kind: { enum: SOURCE_KINDS },
      },
      anyOf: [{ required: ['rate'] }, { required: ['amount'] }],
    },
  ],
};

const funding = {
  type: 'object',
  description: `Source id to rate or { rate, amount, name, kind }. Well-known ids: ${Object.keys(WELL_KNOWN_SOURCES).join(', ')}.`,
  propertyNames: { pattern: '^[a-z][a-z0-9_-]*$' },
  additionalProperties: source,
  minProperties: 1,
};

const costs = {
  type: 'object',
  description: 'Cost categories: an amount, or a flat rate "15% of staff" / "7% of direct".',
  additionalProperties: false,
  properties: Object.fromEntries(Object.keys(COST_CATEGORIES).map((c) => [c, { type: ['string', 'number'] }])),
  minProperties: 1,
};

const partner = {
  type: 'object',
  additionalProperties: false,
  required: ['partner'],
  anyOf: [{ required: ['budget'] }, { required: ['costs'] }],
  properties: { partner: { type: 'string' }, country: { type: 'string' }, budget: amount, costs, funding },
};

/** JSON Schema (2020-12) of budget file format 1. */
export const BUDGET_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://cofin.invalid/schema/budget-1.json',
  title: 'cofin budget file (format 1)',
  type: 'object',
  additionalProperties: false,
  properties: {
    $schema: { type: 'string' },
    currency: { type: 'string', pattern: '^[A-Za-z]{3}$', default: 'EUR', description: 'ISO 4217 code; historic ones such as LVL too.' },
    partner: { type: 'string' },
    country: { type: 'string' },
    budget: amount,
    costs,
    funding,
    partners: { type: 'array', minItems: 1, items: partner },
    rounding: {
      type: 'object',
      additionalProperties: false,
      properties: {
        unit: { type: ['string', 'number'], description: 'A power of ten: 1, 0.01, 100.' },
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
        partners: { type: ['integer', 'string'], description: 'How many partners the project has.' },
      },
    },
    source: { type: 'string', description: 'Where the figures come from: a URL or a document name.' },
  },
  oneOf: [
    { required: ['funding'], anyOf: [{ required: ['budget'] }, { required: ['costs'] }], not: { required: ['partners'] } },
    { required: ['partners'], not: { anyOf: [{ required: ['budget'] }, { required: ['partner'] }, { required: ['costs'] }] } },
  ],
} as const;
