import { CofinError } from './errors.js';

/** Who pays a share: an EU fund, a public body, a public subsidy paid automatically, or private money. */
export type SourceKind = 'eu-fund' | 'public' | 'automatic-public' | 'private';

export const SOURCE_KINDS: readonly SourceKind[] = ['eu-fund', 'public', 'automatic-public', 'private'];

/** A funding source: its id in files and commands, its display name, its kind. */
export interface Source {
  id: string;
  name: string;
  kind: SourceKind;
}

/** Ids that need no name or kind: the usual funds and co-financers. */
export const WELL_KNOWN_SOURCES: Readonly<Record<string, Omit<Source, 'id'>>> = {
  erdf: { name: 'ERDF', kind: 'eu-fund' },
  esf: { name: 'ESF+', kind: 'eu-fund' },
  cf: { name: 'Cohesion Fund', kind: 'eu-fund' },
  eafrd: { name: 'EAFRD', kind: 'eu-fund' },
  interreg: { name: 'Interreg', kind: 'eu-fund' },
  municipal: { name: 'Municipal', kind: 'public' },
  state: { name: 'State budget', kind: 'automatic-public' },
  private: { name: 'Private', kind: 'private' },
  national: { name: 'National', kind: 'public' },
};

const ID_PATTERN = /^[a-z][a-z0-9_-]*$/;

/** A well-known source by id; own entries only, so `constructor` is not one. */
export function isWellKnownSource(id: string): boolean {
  return Object.hasOwn(WELL_KNOWN_SOURCES, id);
}

/** The well-known sources as resolved, for the common call with an id alone. */
const WELL_KNOWN_SOURCE: Readonly<Record<string, Source>> = Object.fromEntries(
  Object.entries(WELL_KNOWN_SOURCES).map(([id, source]) => [id, { id, ...source }]),
);

export function isSourceKind(text: string): text is SourceKind {
  return (SOURCE_KINDS as readonly string[]).includes(text);
}

/** Validates a source id: lowercase letters, digits, `-` and `_`, starting with a letter. */
export function assertSourceId(id: string): void {
  if (!ID_PATTERN.test(id)) {
    // `ERDF:` is erdf in capitals: say so, rather than only what an id is
    const lower = id.toLowerCase();
    const hint = ID_PATTERN.test(lower)
      ? `did you mean "${lower}"? A source id is lowercase letters, digits and -` +
        (isWellKnownSource(lower) ? '' : ', such as erdf or eea-grants')
      : 'a source id is lowercase letters, digits and -, such as erdf or eea-grants';
    throw new CofinError('bad-source', `not a source id: "${id}"`, hint);
  }
}

/**
 * The names documents give the well-known EU funds, folded (lowercase, no diacritics, no spaces or dots): a source
 * named so under another id would be read as a public source and pass the EU fund checks by.
 */
const FUND_NAMES: Readonly<Record<string, string>> = {
  erdf: 'erdf',
  eraf: 'erdf',
  efre: 'erdf',
  feder: 'erdf',
  efrr: 'erdf',
  europeanregionaldevelopmentfund: 'erdf',
  eiropasregionalasattistibasfonds: 'erdf',
  esf: 'esf',
  'esf+': 'esf',
  esfplus: 'esf',
  europeansocialfund: 'esf',
  'europeansocialfund+': 'esf',
  europeansocialfundplus: 'esf',
  eiropassocialaisfonds: 'esf',
  'eiropassocialaisfonds+': 'esf',
  cohesionfund: 'cf',
  kohezijasfonds: 'cf',
  eafrd: 'eafrd',
  elfla: 'eafrd',
  europeanagriculturalfundforruraldevelopment: 'eafrd',
  eiropaslauksaimniecibasfondslaukuattistibai: 'eafrd',
  interreg: 'interreg',
};

/**
 * The fund words of the EU languages, folded (lowercase, no diacritics), each with its fund's id: one such word
 * anywhere in a name names the fund (`ERAF līdzekļi`, `ERDF co-financing`, `Interreg VI-A`). Stems, so that an
 * inflected form (`Kohēzijas fonda`) is one too.
 */
const FUND_WORDS: ReadonlyArray<readonly [RegExp, string]> = [
  [/^(?:erdf|eraf|efre|feder|efrr|erfa|eruf|efru|eakr|erpf|esrr)$/, 'erdf'],
  [/^(?:esf|esf\+|esfplus|fse|fse\+|efs|esr)$/, 'esf'],
  [/^(?:cf|kf|kohezij\p{L}*|cohesion|coesione|coesao)$/u, 'cf'],
  [/^(?:eafrd|elfla|eler|feader)$/u, 'eafrd'],
  [/^interreg\p{L}*$/u, 'interreg'],
];
/** Phrases that name an EU fund only as a whole (folded, words joined by one space); `eu`: the Union's funds. */
const FUND_PHRASES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\bregional development fund|regionalas attistibas fond\p{L}*|^regional funds?$/u, 'erdf'],
  [/\bsocial fund\b|socialais fonds|socialo fond\p{L}*|sociala fond\p{L}*|socialaja fond\p{L}*/u, 'esf'],
  [/\bagricultural fund for rural development|lauksaimniecibas fond\p{L}* lauku/u, 'eafrd'],
  // the Union's funds as a whole (EU funds, ES fondi, Eiropas Savienības fondi): an EU fund, which one unsaid
  [
    /^(?:eu|es|ue|eu funds?|eu funding|eu fond\p{L}*|es fond\p{L}*|es finansejum\p{L}*|es lidzek\p{L}*)$|^eiropas savienib|^european union|^european structural|^european funds?$/u,
    'eu',
  ],
  [/\bjust transition fund|taisnigas pardes fond\p{L}*/u, 'eu'],
];

function foldName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}+]+/gu, ' ')
    .trim();
}

/**
 * The EU fund a source's name (or id) names, if any: the well-known fund's id (`ERAF līdzekļi`, `Kohēzijas fonda
 * finansējums` → erdf, cf), or `jtf` for a fund that has no well-known id. Case, diacritics and inflection aside.
 */
export function fundOfName(name: string): string | undefined {
  const folded = foldName(name);
  if (folded === '') return undefined;
  for (const word of folded.split(' ')) for (const [pattern, fund] of FUND_WORDS) if (pattern.test(word)) return fund;
  const joined = folded.replace(/ /g, '');
  if (Object.hasOwn(FUND_NAMES, joined)) return FUND_NAMES[joined];
  for (const [pattern, fund] of FUND_PHRASES) if (pattern.test(folded)) return fund;
  return undefined;
}

/**
 * The source an id stands for. Well-known ids fill in name and kind; any
 * other id is `public` unless a kind is given, and is named by its id
 * unless a name is given.
 */
export function resolveSource(id: string, kind?: string, name?: string): Source {
  if (kind === undefined && name === undefined) {
    if (Object.hasOwn(WELL_KNOWN_SOURCE, id)) return { ...WELL_KNOWN_SOURCE[id]! };
  }
  assertSourceId(id);
  if (kind !== undefined && !isSourceKind(kind)) {
    throw new CofinError('bad-kind', `unknown source kind "${kind}"`, `a kind is one of ${SOURCE_KINDS.join(', ')}`);
  }
  const known = isWellKnownSource(id) ? WELL_KNOWN_SOURCES[id] : undefined;
  return {
    id,
    name: name ?? known?.name ?? id,
    kind: kind ?? known?.kind ?? 'public',
  };
}
