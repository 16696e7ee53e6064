import type { SourceKind } from '../sources.js';

/** A funding source's names in documents: Latvian, English and the other EU languages' fund abbreviations. */
export interface SourcePattern {
  id: string;
  kind: SourceKind;
  pattern: RegExp;
}

// \p{L}-aware word edges: JavaScript's \b does not know ā or š.
const W = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');

export const SOURCE_PATTERNS: SourcePattern[] = [
  { id: 'erdf', kind: 'eu-fund', pattern: W('ERAF|ERDF|EFRE|FEDER|FESR|EFRR|ERF|EFRD|EFRO|EAKF|ERUF|Eiropas Reģionālās attīstības fond\\p{L}*|European Regional Development Fund') },
  { id: 'esf', kind: 'eu-fund', pattern: W('ESF\\+?|FSE\\+?|EFS\\+?|Eiropas Sociāl\\p{L}* fond\\p{L}*(?: Plus|\\+)?|European Social Fund(?: Plus|\\+)?') },
  { id: 'cf', kind: 'eu-fund', pattern: W('KF|Kohēzijas fond\\p{L}*|Cohesion Fund|Kohäsionsfonds|Fonds de cohésion|Fondo de Cohesión|Fondo di coesione') },
  { id: 'eafrd', kind: 'eu-fund', pattern: W('ELFLA|EAFRD|ELER|FEADER|FEASR|EFRROW|Eiropas Lauksaimniecības fond\\p{L}* lauku attīstībai|European Agricultural Fund for Rural Development') },
  { id: 'state', kind: 'automatic-public', pattern: W('valsts(?=\\s*(?:[–—:-]\\s*)?\\d)|valsts finansējum\\p{L}*|valsts budžeta dotācij\\p{L}*(?: pašvaldībām)?|valsts (?:budžeta )?līdzfinansējum\\p{L}*|valsts budžet\\p{L}*(?: finansējum\\p{L}*)?|state budget(?: subsidy| funding| co-financing)?|state subsid\\p{L}*') },
  { id: 'national', kind: 'public', pattern: W('nacionāl\\p{L}* (?:publisk\\p{L}* )?(?:līdz)?finansējum\\p{L}*|national (?:public )?(?:co-financing|contribution|funding|funds)') },
  { id: 'municipal', kind: 'public', pattern: W('pašvaldīb\\p{L}* (?:līdz)?finansējum\\p{L}*|pašvaldīb\\p{L}* budžet\\p{L}*|pašvaldīb\\p{L}*|municipal(?: co-financing| funding| contribution| budget)?|municipality|local authority') },
  { id: 'private', kind: 'private', pattern: W('privāt\\p{L}* (?:līdz)?finansējum\\p{L}*|privāt\\p{L}* līdzekļ\\p{L}*|private (?:co-financing|funding|contribution|funds|investment)|private') },
  { id: 'jtf', kind: 'eu-fund', pattern: W('JTF|TPF|Just Transition Fund|Taisnīgas pārkārtošanās fond\\p{L}*') },
  { id: 'rrf', kind: 'eu-fund', pattern: W('RRF|ANM|Recovery and Resilience Facility|Atveseļošanas (?:un noturības )?(?:mehānism\\p{L}*|fond\\p{L}*)') },
  { id: 'emfaf', kind: 'eu-fund', pattern: W('EMFAF|EJZAF|European Maritime,? Fisheries and Aquaculture Fund|Eiropas Jūrlietu, zvejniecības un akvakultūras fond\\p{L}*') },
  { id: 'interreg', kind: 'eu-fund', pattern: W('Interreg(?:[\\s\\p{L}–-]{0,60}?programm\\p{L}*)?(?:\\s(?:līdz)?finansējum\\p{L}*|\\s(?:co-)?funding)?') },
];

/**
 * A source the lexicon does not know: one to three capitalised or fund-like
 * words before "finansējums", "funding", "grant" or "contribution".
 */
export const UNKNOWN_SOURCE = new RegExp(
  '(?<![\\p{L}\\p{N}])((?:[\\p{L}][\\p{L}.\'’-]*\\s){1,4})(līdzfinansējum\\p{L}*|finansējum\\p{L}*|funding|co-financing|grants?|contribution)(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])((?:\\p{Lu}[\\p{L}-]*\\s){1,4})(Fund|Facility|Programme|fonds|fonda)(?![\\p{L}\\p{N}])',
  'gu',
);
/** Words that start a clause rather than name a source. */
export const LEADING_STOP_WORDS = /^(?:(?:bet|un|and|the|a|an|its|their|ir|kas|no|of|savukārt|tā|šis|šī|this|that|by|from|with|ar|arī|also|while)\s+)+/iu;

/** Words that name the budget the shares split. */
export const BUDGET_WORDS = W('budžet\\p{L}*|kopēj\\p{L}* (?:attiecinām\\p{L}* )?izmaks\\p{L}*|attiecināmās izmaksas|kopējā (?:summa|vērtība)|kopā|līguma summa|izmaks\\p{L}*|total (?:eligible )?(?:costs?|budget|amount|value)|eligible costs?|project costs?|budget|costs');
/** Words that name the whole project's total, larger than the partner budget. */
export const PROJECT_WORDS = W('kopējais (?:apjoms|finansējums|budžets)|kopapjoms|whole project|entire project|project total|total project (?:budget|value)|network budget');

/** "The remaining sum": a source that takes what the others leave. */
export const REST_WORDS = W('pārējo summu|pārējā summa|pārējo daļu|atlikušo (?:summu|daļu)|atlikusī (?:summa|daļa)|the remaining (?:sum|amount|part|balance|costs)|the rest|the remainder|the balance');

/** Hedges before a figure: it is written approximate. */
export const HEDGE_BEFORE = /(?:~\s*|(?:^|[\s(])(?:ap\.|apm\.|apmēram|aptuveni|gandrīz|vairāk nekā|ne vairāk kā|līdz|about|around|approximately|approx\.|circa|ca\.|almost|nearly|up to|more than|over|no more than)\s*[–—-]?\s*)$/iu;

/** A tax or other base that makes a percentage not a share. */
export const NOT_A_SHARE = /(?:PVN|VAT|nodokl\p{L}*|tax|inflācij\p{L}*|inflation|pieaugum\p{L}*|increase|growth|samazinājum\p{L}*|decrease|likme|interest)\s*$/iu;
export const NOT_A_SHARE_AFTER = /^\s*(?:PVN|VAT|nodokl\p{L}*|tax)/iu;

/** Latvian letters to ASCII, for ids made from words. */
const ASCII: Record<string, string> = { ā: 'a', č: 'c', ē: 'e', ģ: 'g', ī: 'i', ķ: 'k', ļ: 'l', ņ: 'n', š: 's', ū: 'u', ž: 'z', ė: 'e', į: 'i', ų: 'u', õ: 'o', ä: 'a', ö: 'o', ü: 'u', ß: 'ss' };

/** An id made from a source's words: lowercase ASCII words joined by `-` (`EEA Grants` → `eea-grants`). */
export function idFromWords(words: string): string {
  const ascii = words
    .toLowerCase()
    .replace(/[^\u0000-\u007f]/g, (c) => ASCII[c] ?? c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''))
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return /^[a-z]/.test(ascii) ? ascii : `source-${ascii || 'x'}`;
}

/** Whether unknown words name an EU fund (kind eu-fund rather than public). */
export function namesEuFund(words: string): boolean {
  return /(?:Eiropas|European|\bEU\b|\bES\b|Savienības|Union).*(?:fond|fund|facilit|instrument)/iu.test(words);
}
