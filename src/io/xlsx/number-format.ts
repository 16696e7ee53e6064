/**
 * What a cell's number format makes of its number, as far as an amount or a
 * rate needs it: how many decimals it shows, whether it shows a percentage,
 * or that it shows a date. Formats that show something else (scientific
 * notation, fractions, thousands scaled away) are named as such: reading
 * their figures as plain numbers would not be what the sheet shows.
 */
export type NumberFormat =
  | { kind: 'general'; code: string }
  | { kind: 'fixed'; decimals: number; code: string; shows: string }
  | { kind: 'percent'; decimals: number; code: string }
  | { kind: 'date'; code: string }
  | { kind: 'other'; code: string; why: string };

/** The built-in formats (ECMA-376 Part 1, 18.8.30), ids 0 to 49; 23-26 are not defined and show as General. */
const BUILT_IN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  5: '"$"#,##0_);\\("$"#,##0\\)',
  6: '"$"#,##0_);[Red]\\("$"#,##0\\)',
  7: '"$"#,##0.00_);\\("$"#,##0.00\\)',
  8: '"$"#,##0.00_);[Red]\\("$"#,##0.00\\)',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy h:mm',
  27: '[$-404]e/m/d',
  28: '[$-404]e"年"m"月"d"日"',
  29: '[$-404]e"年"m"月"d"日"',
  30: 'm/d/yy',
  31: 'yyyy"年"m"月"d"日"',
  32: 'hh"時"mm"分"',
  33: 'hh"時"mm"分"ss"秒"',
  34: 'yyyy"年"m"月"',
  35: 'm"月"d"日"',
  36: '[$-404]e/m/d',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  41: '_(* #,##0_);_(* \\(#,##0\\);_(* "-"_);_(@_)',
  42: '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)',
  43: '_(* #,##0.00_);_(* \\(#,##0.00\\);_(* "-"??_);_(@_)',
  44: '_("$"* #,##0.00_);_("$"* \\(#,##0.00\\);_("$"* "-"??_);_(@_)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
};

/** The format code of a built-in id; undefined for an id that is neither built in nor defined by the workbook. */
export function builtInFormat(id: number): string | undefined {
  if (id >= 23 && id <= 26) return 'General';
  return BUILT_IN[id];
}

/** The format's sections split at `;` outside quotes and escapes. */
function sections(code: string): string[] {
  const out: string[] = [];
  let current = '';
  for (let i = 0; i < code.length; i++) {
    const c = code[i]!;
    if (c === '"') {
      const end = code.indexOf('"', i + 1);
      const stop = end < 0 ? code.length : end;
      current += code.slice(i, stop + 1);
      i = stop;
    } else if (c === '\\') {
      current += code.slice(i, i + 2);
      i++;
    } else if (c === ';') {
      out.push(current);
      current = '';
    } else current += c;
  }
  out.push(current);
  return out;
}

/**
 * A section with its literal parts removed: quoted text, escaped characters, fills, paddings, colours and conditions.
 */
function bare(section: string): string {
  return section
    .replace(/"[^"]*"?/g, '')
    .replace(/\\./g, '')
    .replace(/[_*]./g, '')
    .replace(/\[(?:\$[^\]]*|[A-Za-z]+\d*|[<>=]+[^\]]*)\]/g, (bracket) =>
      /^\[(?:h+|m+|s+)\]$/i.test(bracket) ? 'h' : '',
    );
}

/**
 * What a format code shows of a positive number: its first section decides
 * (the one for positive numbers; cofin's amounts and rates are never
 * negative, and a negative one is refused after it is read).
 */
export function parseNumberFormat(code: string): NumberFormat {
  const first = sections(code)[0] ?? '';
  const shown = bare(first);
  if (/^\s*general\s*$/i.test(shown) || shown.trim() === '' || shown.trim() === '@') return { kind: 'general', code };
  if (/[ymdhs]|a\/p/i.test(shown.replace(/general/gi, ''))) return { kind: 'date', code };
  if (/e[+-]/i.test(shown)) return { kind: 'other', code, why: 'scientific notation' };
  if (/[0#?]\s*\/\s*[0-9#?]/.test(shown)) return { kind: 'other', code, why: 'fractions' };
  const percents = (shown.match(/%/g) ?? []).length;
  if (percents > 1) return { kind: 'other', code, why: 'a percentage of a percentage' };
  // a comma after the last digit placeholder divides by a thousand for each
  if (/[0#?],+[^0#?]*$/.test(shown)) return { kind: 'other', code, why: 'amounts scaled by a thousand' };
  const point = /\.([0#?]*)/.exec(shown);
  const decimals = point ? point[1]!.length : 0;
  if (!/[0#?]/.test(shown)) return { kind: 'general', code };
  return percents === 1
    ? { kind: 'percent', decimals, code }
    : { kind: 'fixed', decimals, code, shows: shownText(first) };
}

/**
 * The text a section shows beside its digits, such as a currency (`"Ls"`, `\$`, `[$$-409]`, `€`): quoted
 * text, escaped characters, the symbol of a `[$…]` bracket and bare currency signs; spaces and signs dropped.
 */
function shownText(section: string): string {
  const parts: string[] = [];
  const rest = section
    .replace(/"([^"]*)"?/g, (_, text: string) => (parts.push(text), ''))
    .replace(/\\(.)/g, (_, c: string) => (parts.push(c), ''))
    .replace(/[_*]./g, '')
    .replace(/\[\$([^\]-]*)[^\]]*\]/g, (_, symbol: string) => (parts.push(symbol), ''));
  parts.push(...(rest.match(/[$€£¥]/gu) ?? []));
  return parts
    .join(' ')
    .replace(/[\s()+\-/:.,]+/g, ' ')
    .trim();
}
