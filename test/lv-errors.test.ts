import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../src/core/errors.js';
import { errorHintLv, errorMessageLv } from '../src/render/words/lv-errors.js';
import { cofin } from './e2e/run.js';

// Every input and usage error code has words in both languages: a message and a hint cofin gives under that code
// (copied from where it is made), and their Latvian words. The Record makes a new code a compile error here.
const SAMPLES: Record<ErrorCode, [message: string, hint: string]> = {
  syntax: [
    'YAML syntax: Implicit keys need to be on a single line',
    'check the indentation and quoting around this point',
  ],
  'unknown-key': ['unknown key "amout" in source "erdf"', 'did you mean "amount"?'],
  'duplicate-key': ['duplicate key "budget"', 'each key may appear once in a mapping'],
  'bad-amount': [
    'ambiguous amount: "12,758" could be 12758 or 12.758',
    'write 12758, 12 758 or 12758,00: one , or . before exactly three digits could be either',
  ],
  'bad-rate': ['not a rate: "85"', 'write a percentage from 0 to 100, such as 85% or 12,5%'],
  'wrong-type': ['budget must be a single value, not a list', 'write one value on the line, e.g. budget: 12 758'],
  'missing-key': ['source "eea" has neither a rate nor an amount', 'write rate: 85%, amount: 10 844, or amount: rest'],
  'empty-file': ['the file has no budget in it', 'start from "cofin init" for a commented example'],
  'not-found': ['no such file', 'check the path; - reads standard input'],
  encoding: ['the file is UTF-16, not UTF-8', 'save it as UTF-8 (in Excel: "CSV UTF-8"; in an editor: encoding UTF-8)'],
  unreadable: ['permission denied', 'cofin needs read access to the file'],
  'too-large': [
    'the file is 70000000 bytes, more than the limit of 67108864',
    'raise --max-file-size if the file is genuine',
  ],
  'outside-folder': [
    "rates: ../secret/s.csv is outside the claim file's folder and the current folder: cofin does not read it",
    "move the rate table into the claim file's folder (or one below it), or run cofin from a folder that holds it",
  ],
  usage: ["unknown option '--bogus'", 'run "cofin check --help" for usage'],
  'bad-unit': ['not a rounding unit: "0.05"', 'use 1 for whole euros or 0.01 for cents'],
  'bad-method': ['unknown rounding method "halfup"', 'use one of largest-remainder, half-up, fund-down'],
  'bad-share': ['not a share: "erdf"', 'write ID=RATE, such as erdf=85%, ipa:eu-fund=80% or national=rest'],
  'bad-source': [
    'not a source id: "ERDF!"',
    'a source id is lowercase letters, digits and -, such as erdf or eea-grants',
  ],
  'bad-kind': ['unknown source kind "eu"', 'a kind is one of eu-fund, public, automatic-public, private'],
  'bad-currency': ['not an ISO 4217 currency code: "EURO"', 'write an ISO 4217 code such as EUR, LVL or USD'],
  'missing-share': ['no shares to split into', 'name at least one share, such as erdf=85%'],
  'duplicate-source': ['source "erdf" is named twice', 'name each source once'],
  'rates-sum': [
    'rates add up to 50%, 50% short of 100%',
    'make the rates add up to 100%, or let one source take the rest: national=rest',
  ],
  'rest-negative': [
    'national: the rest comes to -0.01 with half-up: the other shares, rounded, pass the budget',
    'no source pays less than nothing; --method largest-remainder keeps every share at zero or above',
  ],
  'budget-unit': [
    'budget 1000.5 is not a whole number of units of 1',
    'shares cannot add up to it; use a finer unit such as --unit 0.1',
  ],
  unwritable: ['out/report.txt: no space left on the device', 'free some space and try again'],
  'file-exists': [
    'report.txt already exists',
    'cofin never overwrites a file unless told: choose another name, or pass --force',
  ],
};

// The messages and hints of stop 26 (trial 8: partner tables' total rows, dashes, fractions and total columns, EU fund
// names under other ids, split's fund-like ids), copied from where they are made.
const STOP26: [message: string, hint: string][] = [
  ['amount is in LVL, not EUR: "10 844 Ls"', 'drop the marker, or write currency: LVL if the whole file is in LVL'],
  [
    'partner "A" is in LVL: a partner table is in EUR',
    "give the partner's figures in euro, or the partner in a budget file with currency: LVL",
  ],
  [
    'a dash "-" is not an amount',
    'leave the cell empty (an empty source cell is no source; in the total row, a figure not stated) or write 0',
  ],
  [
    '"0,85" in the erdf column looks like a fraction, not an amount',
    'write 85% for a rate, or EUR 0,85 if the amount is meant',
  ],
  [
    'the column "total" is a total, not a funding source',
    "delete the column: cofin checks each partner's sources against its budget column",
  ],
  [
    'the column "Kopā" is a total, not a funding source',
    "head it budget if it holds each partner's budget, e.g. partner;country;budget;erdf;municipal",
  ],
  [
    'the column "eu" names an EU fund, but it is not a well-known source id: it would be read as a public source',
    'a table cannot state a kind: give the source in a budget file with kind: eu-fund',
  ],
  [
    'the column "regional-fund" names an EU fund, but it is not a well-known source id: it would be read as a public source',
    'rename the column erdf',
  ],
  [
    'the column "kf" is not a well-known source id: did you mean "cf"?',
    'rename the column cf; a source of its own needs a header that is not one slip away from a well-known id ' +
      '(erdf, esf, cf, eafrd, interreg, municipal, state, private, national)',
  ],
  [
    'the row "Kopā" is a total row above other partners: a table\'s total is its last row',
    'move the total row below the partners, or rename the partner',
  ],
  [
    'source "eu" is named "ERAF līdzekļi", the ERDF\'s name, but its id is not a well-known one: it would be read as a public source',
    'did you mean "erdf"? Or state its kind: kind: eu-fund (kind: public if it is not the fund)',
  ],
  [
    'source "x" is named "EU funds", an EU fund\'s name, but its id is not a well-known one: it would be read as a public source',
    'state its kind: kind: eu-fund (kind: public if it is not the fund)',
  ],
  [
    'source "municipal" is named "ERAF", the ERDF\'s name, but municipal is a public source',
    'did you mean "erdf"? Or state its kind: kind: eu-fund (kind: public if it is not the fund)',
  ],
  [
    'source "eu" names an EU fund, but its id is not a well-known one: it would be read as a public source',
    'state its kind: eu:eu-fund=85% (eu:public=85% if it is not the fund)',
  ],
  [
    'source "kf" names the Cohesion Fund, but its id is not a well-known one: it would be read as a public source',
    'write cf=85%, or state its kind: kf:eu-fund=85% (kf:public=85% if it is not the fund)',
  ],
  [
    'source "erdf" is ERDF, an EU fund, but its kind is written public',
    'drop kind: public, or give a public source an id of its own (not erdf)',
  ],
  [
    'source "erfd" is not a well-known id: did you mean "erdf"?',
    'write erdf; a source of its own one slip from a well-known id states its kind ' +
      '(kind: eu-fund, public, automatic-public, private)',
  ],
  [
    'source "eu" needs a name',
    'write eu: { name: ..., rate: ... }, or use a well-known id: erdf, esf, cf, eafrd, interreg, municipal, state, ' +
      'private, national',
  ],
  [
    'source "erfd" needs a name',
    'did you mean "erdf"? Or write erfd: { name: ..., amount: rest }, or use a well-known id: erdf, esf, cf, eafrd, ' +
      'interreg, municipal, state, private, national',
  ],
  // trial 9 (U2, U3): a column of words read as a source, Latvian headers, merge keys in funding:
  [
    '"ok" in the column "comment" is not an amount: the column was read as a funding source',
    'every column but partner, country, budget and currency is a funding source: delete the column "comment", ' +
      'or keep notes outside the table',
  ],
  [
    '"LV" in the column "contry" is not an amount: the column was read as a funding source',
    'did you mean "country"? Rename the column country',
  ],
  [
    'the header has no "partner" column',
    'cofin reads the headers in English: rename the columns Partneris → partner, Budžets → budget, e.g. partner;budget;erdf',
  ],
];

describe('Latvian words for the messages of stop 26', () => {
  it.each(STOP26)('%s', (message, hint) => {
    const lv = { message: errorMessageLv(message), hint: errorHintLv(hint) };
    expect(lv.message, message).not.toBe(message);
    expect(lv.hint, hint).not.toBe(hint);
    for (const text of [lv.message.replace(/"[^"]*"|'[^']*'/g, ''), lv.hint.replace(/"[^"]*"|'[^']*'/g, '')])
      expect(text).not.toMatch(/\b(the|is|not|and|of|write|use|or|an|its|source|column)\b/);
  });
});

describe('Latvian words for every input and usage error code', () => {
  it.each(Object.entries(SAMPLES))('%s: message and hint in Latvian', (_code, [message, hint]) => {
    const lv = { message: errorMessageLv(message), hint: errorHintLv(hint) };
    expect(lv.message, message).not.toBe(message);
    expect(lv.hint, hint).not.toBe(hint);
    // no English words left over (quoted values and ids aside)
    for (const text of [lv.message.replace(/"[^"]*"|'[^']*'/g, ''), lv.hint.replace(/"[^"]*"|'[^']*'/g, '')])
      expect(text).not.toMatch(/\b(the|is|not|and|of|write|use)\b/);
  });

  it('the binary says the rarer ones in Latvian with --locale lv (split and check)', () => {
    expect(cofin(['split', '100', 'erdf=50%', '--locale', 'lv']).stderr).toBe(
      'cofin: kļūda: likmes kopā ir 50%: līdz 100% trūkst 50%\n' +
        'ieteikums: likmēm kopā jābūt 100%, vai arī lai vienam avotam paliek atlikums: national=rest\n',
    );
    const run = cofin(['check', '-', '--locale', 'lv'], {
      input: 'partner: X\nbudget: "12,758"\nfunding:\n  erdf: { rate: 85%, amount: [1] }\n  national: rest\n',
    });
    expect(run.stderr).toBe(
      '<stdin>:2:9: kļūda: neviennozīmīga summa: "12,758" var būt 12758 vai 12.758 [bad-amount]\n' +
        '  ieteikums: ja domāts 12758, rakstiet 12758 vai 12 758; ja 12.758, rakstiet 12.7580: ' +
        'viens , vai . tieši pirms trim cipariem var nozīmēt abus\n' +
        '<stdin>:4:30: kļūda: the amount of erdf: jābūt vienai vērtībai, nevis sarakstam [wrong-type]\n' +
        '  ieteikums: rakstiet rindā vienu vērtību, piemēram, key: value\n',
    );
  });
});
