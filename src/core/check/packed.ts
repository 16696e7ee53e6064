import { Decimal, toFixedString } from '../decimal.js';
import type { Finding } from './types.js';

/**
 * A large file's findings are kept until its verdict is known (the output names it first), and a finding's figures
 * (`said`: Decimals in objects, for a renderer to phrase in another language) weighed three times its English words:
 * 50 000 mismatches kept 54 MB of them. Packed, they are one string a finding, made into the same objects each time
 * `said` is read (a property test holds the two deep-equal). Pure.
 */
export function packSaid(found: Finding): Finding {
  const said = found.said;
  if (said === undefined) return found;
  // written out: a rest spread copies the slow way
  const packed: Record<string, unknown> = {};
  for (const key of Object.keys(found)) if (key !== 'said') packed[key] = found[key as keyof Finding];
  // a new object, its keys in the same order; one getter for every finding, the text beside it (a closure each, or
  // a data property made an accessor, would give each finding a slow map of its own)
  const text = packedText(said);
  text.charCodeAt(0); // made of pieces, a rope in V8 several times its text's weight until a character is read
  Object.defineProperty(packed, PACKED, { value: text });
  Object.defineProperty(packed, 'said', { get: unpackSaid, enumerable: true, configurable: true });
  return packed as unknown as Finding;
}

/**
 * A finding the check has just made, its figures (`said`) let go, for an output that never asks for them: set to
 * undefined, not deleted (a deleted key would put every such finding in V8's slow dictionary mode).
 */
export function withoutSaid(found: Finding): Finding {
  if (found.said !== undefined) found.said = undefined;
  return found;
}

const PACKED = Symbol('packed said');

function unpackSaid(this: { [PACKED]?: string }): unknown {
  const packed = this[PACKED];
  return packed === undefined ? undefined : unpack(JSON.parse(packed) as unknown);
}

/**
 * JSON of the figures, a Decimal written `{"$d": its exact text}` and an undefined value `{"$u": 1}` (JSON would
 * drop its key): written out, a third of the cost of JSON.stringify with a replacer.
 */
function packedText(value: unknown): string {
  if (value === undefined) return '{"$u":1}';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  // its sign kept: a negative zero's text is `0`
  if (value instanceof Decimal) return `{"$d":"${value.isZero() && value.isNegative() ? '-0' : toFixedString(value)}"}`;
  if (Array.isArray(value)) return `[${value.map(packedText).join(',')}]`;
  const object = value as Record<string, unknown>;
  let out = '';
  for (const key of Object.keys(object))
    out += `${out === '' ? '{' : ','}${JSON.stringify(key)}:${packedText(object[key])}`;
  return out === '' ? '{}' : `${out}}`;
}

function unpack(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(unpack);
  const object = value as Record<string, unknown>;
  if (typeof object.$d === 'string') return new Decimal(object.$d);
  if (object.$u === 1) return undefined;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(object)) out[key] = unpack(object[key]);
  return out;
}
