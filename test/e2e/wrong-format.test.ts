import { describe, expect, it } from 'vitest';
import { cofin } from './run.js';

// A text read as the wrong format: the error stands at its first character and says what the text looks like.
const CSV_TABLE = 'partner;country;budget;erdf;municipal\nVentspils Digital Centre;LV;12 758;85%;15%\n';
const YAML_FILE = 'partner: X\nbudget: 100\nfunding: { erdf: 100% }\n';
const JSON_FILE = '{ "partner": "X", "budget": "100", "funding": { "erdf": "100%" } }\n';
const SUMMARY = '1 file: 0 passed, 1 invalid\n';

describe('a text read as another format (binary)', () => {
  it('a CSV table piped to check - --input json: at 1:1, and the hint names --input csv', () => {
    expect(cofin(['check', '-', '--input', 'json'], { input: CSV_TABLE })).toEqual({
      code: 2,
      stdout: SUMMARY,
      stderr:
        `<stdin>:1:1: error: JSON syntax: Unexpected token 'p', "partner;co"... is not valid JSON [syntax]\n` +
        '  hint: the text looks like a CSV partner table: --input csv reads standard input as one ' +
        '(a file: name it .csv)\n',
    });
    const comma = cofin(['check', '-', '--input', 'json'], { input: CSV_TABLE.replaceAll(';', ',') });
    expect(comma.stderr).toMatch(/^<stdin>:1:1: .*\n {2}hint: the text looks like a CSV partner table: --input csv/);
  });

  it('YAML piped as JSON names --input yaml; JSON or YAML piped as CSV names --input json / yaml', () => {
    const yaml = cofin(['check', '-', '--input', 'json'], { input: YAML_FILE });
    expect({ code: yaml.code, stderr: yaml.stderr }).toEqual({
      code: 2,
      stderr:
        `<stdin>:1:1: error: JSON syntax: Unexpected token 'p', "partner: X"... is not valid JSON [syntax]\n` +
        '  hint: the text looks like YAML: --input yaml reads standard input as YAML (a file: name it .yaml)\n',
    });
    const json = cofin(['check', '-', '--input', 'csv'], { input: JSON_FILE });
    expect(json.stderr).toBe(
      '<stdin>:1:1: error: CSV: Invalid Opening Quote [syntax]\n' +
        '  hint: the text looks like JSON: --input json reads standard input as JSON (a file: name it .json)\n',
    );
    const yamlAsCsv = cofin(['check', '-', '--input', 'csv'], { input: YAML_FILE });
    expect(yamlAsCsv.stderr).toBe(
      '<stdin>:1:1: error: the header has no "partner" column [missing-key]\n' +
        '  hint: the text looks like YAML: --input yaml reads standard input as YAML (a file: name it .yaml)\n',
    );
    // report takes --input too, and says the same
    expect(cofin(['report', '-', '--input', 'json'], { input: CSV_TABLE }).stderr).toContain(
      'hint: the text looks like a CSV partner table: --input csv',
    );
  });

  it('an unexpected token inside JSON is placed at it, with the usual hint', () => {
    const run = cofin(['check', '-', '--input', 'json'], { input: '{\n  "partner": X\n}\n' });
    expect(run.stderr).toBe(
      `<stdin>:2:14: error: JSON syntax: Unexpected token 'X', "{\\n  "partner": X\\n}\\n" is not valid JSON [syntax]\n` +
        '  hint: check the commas, quotes and brackets around this point\n',
    );
  });
});
