// General reader rules of issue 12 (second round), each in wordings of our own, never a corpus document's.
import { describe, expect, it } from 'vitest';
import { summary } from './extract-summary.js';

describe("a grant's payer named before it", () => {
  it('en: a council inside a proper name that names no place is a named body, no payer of the grant', () => {
    const doc =
      'The total cost is EUR 300,000, with ERDF funding of EUR 240,000. Last year the team won a Baltic Science ' +
      'Council prize. The grant amounts to EUR 60,000.';
    expect(summary(doc)[1]).toBe('erdf 240000');
  });

  it("en: a place's council is still the municipality", () => {
    const doc =
      'The total cost is EUR 300,000, with ERDF funding of EUR 240,000. Valmiera City Council approved its support ' +
      'in March. The grant amounts to EUR 60,000.';
    expect(summary(doc)[1]).toBe('erdf 240000; municipal 60000');
  });

  it('lv: a council named by its place (a lower-case head noun) is still the municipality', () => {
    const doc =
      'Projekta kopējās izmaksas ir 300 000 EUR, ERAF finansējums 240 000 EUR. Valmieras novada dome martā ' +
      'apstiprināja atbalstu. Dotācija ir 60 000 EUR.';
    expect(summary(doc)[1]).toBe('erdf 240000; municipal 60000');
  });
});
