/** A YAML or JSON scalar's value as text ('' for none): only strings, numbers, booleans and bigints reach it. */
export function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return '';
}
