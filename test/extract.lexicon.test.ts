// The source lexicon (issue 12): funds and payers named the way documents write them, in their inflected forms,
// in any case, without diacritics, across double spaces, line wraps and hyphens. The names below are written here
// word by word in their real case forms, in wordings of our own (no corpus sentence), and share nothing with the
// lexicon's stems: the lexicon must recognise every combination of them.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SOURCES, SOURCE_PATTERNS } from '../src/core/extract/lexicon.js';
import { foldedPattern } from '../src/core/extract/normalise.js';
import { summary } from './extract-summary.js';

/** A name as its words, each word as the forms documents write it in (cases, definite and indefinite endings). */
type Name = string[][];
const w = (...forms: string[]) => forms;

/** Per id, per language, names of the fund or payer. */
const NAMES: Record<string, Record<string, Name[]>> = {
  erdf: {
    lv: [
      [
        w('Eiropas'),
        w('Reģionālās', 'reģionālā', 'reģionālais', 'Reģionālajam'),
        w('attīstības'),
        w('fonds', 'fonda', 'fondam', 'fondu', 'fondā'),
      ],
      [w('Reģionālās', 'reģionālā'), w('attīstības'), w('fonda', 'fonds')],
    ],
    en: [[w('European'), w('Regional'), w('Development'), w('Fund', "Fund's")]],
    lt: [[w('Europos'), w('regioninės'), w('plėtros'), w('fondas', 'fondo', 'fondui', 'fondą', 'fonde')]],
    et: [[w('Euroopa'), w('Regionaalarengu'), w('Fond', 'Fondi', 'Fondist', 'Fondile')]],
    pl: [
      [
        w('Europejski', 'Europejskiego', 'Europejskiemu', 'Europejskim'),
        w('Fundusz', 'Funduszu', 'Funduszem'),
        w('Rozwoju'),
        w('Regionalnego'),
      ],
    ],
    de: [[w('Europäischer', 'Europäischen', 'Europäische'), w('Fonds'), w('für'), w('regionale'), w('Entwicklung')]],
    fr: [[w('Fonds'), w('européen'), w('de'), w('développement'), w('régional')]],
    it: [[w('Fondo'), w('europeo'), w('di'), w('sviluppo'), w('regionale')]],
    es: [[w('Fondo'), w('Europeo'), w('de'), w('Desarrollo'), w('Regional')]],
    cs: [
      [
        w('Evropský', 'Evropského', 'Evropskému', 'Evropským'),
        w('fond', 'fondu', 'fondem'),
        w('pro'),
        w('regionální'),
        w('rozvoj'),
      ],
    ],
    ro: [[w('Fondul', 'Fondului'), w('European'), w('de'), w('Dezvoltare'), w('Regională')]],
    hu: [[w('Európai'), w('Regionális'), w('Fejlesztési'), w('Alap', 'Alapból', 'Alapot')]],
    sl: [[w('Evropski', 'Evropskega'), w('sklad', 'sklada'), w('za'), w('regionalni'), w('razvoj')]],
    hr: [[w('Europski', 'Europskog'), w('fond', 'fonda'), w('za'), w('regionalni'), w('razvoj')]],
  },
  esf: {
    lv: [[w('Eiropas'), w('Sociālais', 'Sociālā', 'sociālajam'), w('fonds', 'fonda', 'fondam', 'fondu')]],
    en: [[w('European'), w('Social'), w('Fund')]],
    pl: [[w('Europejski', 'Europejskiego'), w('Fundusz', 'Funduszu'), w('Społeczny', 'Społecznego')]],
    de: [[w('Europäischer', 'Europäischen'), w('Sozialfonds')]],
    fr: [[w('Fonds'), w('social'), w('européen')]],
    lt: [[w('Europos'), w('socialinis', 'socialinio'), w('fondas', 'fondo')]],
    cs: [[w('Evropský', 'Evropského'), w('sociální'), w('fond', 'fondu')]],
  },
  cf: {
    lv: [[w('Kohēzijas'), w('fonds', 'fonda', 'fondam', 'fondu', 'fondā')]],
    en: [[w('Cohesion'), w('Fund')]],
    pl: [[w('Fundusz', 'Funduszu', 'Funduszem'), w('Spójności')]],
    lt: [[w('Sanglaudos'), w('fondas', 'fondo', 'fondui')]],
    et: [[w('Ühtekuuluvusfond', 'Ühtekuuluvusfondi', 'Ühtekuuluvusfondist')]],
    cs: [[w('Fond', 'Fondu', 'Fondem'), w('soudržnosti')]],
    de: [[w('Kohäsionsfonds')]],
    fr: [[w('Fonds'), w('de'), w('cohésion')]],
  },
  eafrd: {
    lv: [[w('Eiropas'), w('Lauksaimniecības'), w('fonds', 'fonda', 'fondam', 'fondu'), w('lauku'), w('attīstībai')]],
    en: [[w('European'), w('Agricultural'), w('Fund'), w('for'), w('Rural'), w('Development')]],
    lt: [[w('Europos'), w('žemės'), w('ūkio'), w('fondas', 'fondo'), w('kaimo'), w('plėtrai')]],
    pl: [
      [
        w('Europejski', 'Europejskiego'),
        w('Fundusz', 'Funduszu'),
        w('Rolny', 'Rolnego'),
        w('na'),
        w('rzecz'),
        w('Rozwoju'),
        w('Obszarów'),
        w('Wiejskich'),
      ],
    ],
  },
  emff: {
    lv: [[w('Eiropas'), w('Jūrlietu'), w('un'), w('zivsaimniecības'), w('fonds', 'fonda', 'fondam')]],
    en: [[w('European'), w('Maritime'), w('and'), w('Fisheries'), w('Fund')]],
  },
  emfaf: {
    lv: [[w('Eiropas'), w('Jūrlietu,'), w('zvejniecības'), w('un'), w('akvakultūras'), w('fonds', 'fonda', 'fondam')]],
    en: [[w('European'), w('Maritime,'), w('Fisheries'), w('and'), w('Aquaculture'), w('Fund')]],
  },
  jtf: {
    lv: [[w('Taisnīgas'), w('pārkārtošanās'), w('fonds', 'fonda', 'fondam')]],
    en: [[w('Just'), w('Transition'), w('Fund')]],
    pl: [[w('Fundusz', 'Funduszu'), w('na'), w('rzecz'), w('Sprawiedliwej'), w('Transformacji')]],
  },
  rrf: {
    lv: [
      [w('Atveseļošanas'), w('fonds', 'fonda', 'fondam')],
      [w('Atveseļošanas'), w('un'), w('noturības'), w('mehānisma', 'mehānisms')],
    ],
    en: [[w('Recovery'), w('and'), w('Resilience'), w('Facility')]],
  },
  interreg: {
    lv: [[w('Eiropas'), w('teritoriālās'), w('sadarbības')]],
    en: [[w('European'), w('Territorial'), w('Cooperation')]],
  },
  enpi: {
    en: [[w('European'), w('Neighbourhood'), w('and'), w('Partnership'), w('Instrument')]],
    lv: [[w('Eiropas'), w('kaimiņattiecību'), w('un'), w('partnerības'), w('instruments', 'instrumenta')]],
  },
  eni: {
    en: [[w('European'), w('Neighbourhood'), w('Instrument')]],
    lt: [[w('Europos'), w('kaimynystės'), w('priemonė', 'priemonės')]],
  },
  ipa: {
    en: [[w('Instrument'), w('for'), w('Pre-accession'), w('Assistance')]],
    lv: [[w('Pirmspievienošanās'), w('palīdzības'), w('instruments', 'instrumenta')]],
  },
  'eea-grants': {
    en: [[w('EEA'), w('Grants')]],
    lv: [[w('Eiropas'), w('Ekonomikas'), w('zonas'), w('finanšu'), w('instruments', 'instrumenta', 'instrumentam')]],
    pl: [[w('Mechanizm', 'Mechanizmu'), w('Finansowy', 'Finansowego'), w('EOG')]],
  },
  'norway-grants': {
    en: [
      [w('Norway'), w('Grants')],
      [w('Norwegian'), w('Financial'), w('Mechanism')],
    ],
    lv: [[w('Norvēģijas'), w('finanšu'), w('instruments', 'instrumenta')]],
  },
  'swiss-contribution': {
    en: [[w('Swiss'), w('Contribution')]],
    lv: [[w('Latvijas–Šveices', 'Latvijas-Šveices'), w('sadarbības'), w('programma', 'programmas')]],
  },
  horizon: {
    en: [[w('Horizon'), w('2020', 'Europe')]],
    lv: [[w('Apvārsnis', 'Apvāršņa'), w('2020', 'Eiropa')]],
  },
  amif: {
    en: [[w('Asylum,'), w('Migration'), w('and'), w('Integration'), w('Fund')]],
    lv: [[w('Patvēruma,'), w('migrācijas'), w('un'), w('integrācijas'), w('fonds', 'fonda')]],
  },
  isf: {
    en: [[w('Internal'), w('Security'), w('Fund')]],
    lv: [[w('Iekšējās'), w('drošības'), w('fonds', 'fonda')]],
  },
  bmvi: { en: [[w('Border'), w('Management'), w('and'), w('Visa'), w('Instrument')]] },
  cef: {
    en: [[w('Connecting'), w('Europe'), w('Facility')]],
    lv: [[w('Eiropas'), w('infrastruktūras'), w('savienošanas'), w('instruments', 'instrumenta')]],
  },
  state: {
    lv: [
      [w('valsts'), w('budžeta'), w('dotācija', 'dotācijas', 'dotāciju')],
      [w('valsts'), w('atbalsts', 'atbalsta')],
      [w('Zemkopības'), w('ministrija', 'ministrijas', 'ministrijai')],
    ],
    en: [
      [w('Ministry'), w('of'), w('Education')],
      [w('state'), w('budget')],
    ],
    pl: [[w('budżet', 'budżetu'), w('państwa')]],
    cs: [[w('státní', 'státního'), w('rozpočet', 'rozpočtu')]],
  },
  municipal: {
    lv: [[w('pašvaldība', 'pašvaldības', 'pašvaldībai')], [w('Ogres'), w('novada'), w('dome', 'domes', 'domei')]],
    en: [[w('municipality')], [w('local'), w('government')]],
  },
};

/** The test's own fold: NFD and no combining marks (ł has none to lose). */
const strip = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l');
const title = (word: string) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();

const CASES = {
  'as written': (s: string) => s,
  'lower case': (s: string) => s.toLowerCase(),
  'upper case': (s: string) => s.toUpperCase(),
  'title case': (s: string) => s.split(' ').map(title).join(' '),
};
type CaseName = keyof typeof CASES;
const SEPARATORS = [' ', '  ', '\n', ' \n', '\u00a0'];
/** One-line statements of our own around a name, in Latvian and English. */
const FRAMES = [
  (name: string) => `${name} finansējums 85% jeb 8 500 EUR, kopā 10 000 EUR.`,
  (name: string) => `The ${name} provides EUR 8,500 (85%) of the total of EUR 10,000.`,
];

const ENTRIES = Object.entries(NAMES).flatMap(([id, byLanguage]) =>
  Object.entries(byLanguage).flatMap(([language, names]) => names.map((name) => ({ id, language, name }))),
);

/** The ids the lexicon gives a text, read as the reader reads it (folded, its patterns on the folded text). */
function idsIn(text: string): string[] {
  const folded = strip(text.normalize('NFC'));
  return [...new Set(SOURCE_PATTERNS.filter((p) => foldedPattern(p.pattern).test(folded)).map((p) => p.id))].sort();
}

describe('lexicon: examples', () => {
  it.each([
    [
      'Projekta kopējās izmaksas ir 1 216 539 EUR, tai skaitā Eiropas reģionālā attīstības fonda finansējums ' +
        '1 034 058 EUR un pašvaldības finansējums 182 481 EUR.',
      ['1216539', 'erdf 1034058; municipal 182481', null],
    ],
    [
      'Projekta kopējās izmaksas ir 40 000 EUR: Eiropas Savienības Eiropas Reģionālās attīstības fonda (ERAF) ' +
        'līdzfinansējums 34 000 EUR un Limbažu novada domes līdzfinansējums 6 000 EUR.',
      ['40000', 'erdf 34000; municipal 6000', null],
    ],
    [
      'Remontam piešķirti 20 000 EUR no Atveseļošanas fonda un 5 000 EUR pašu līdzekļi, kopā 25 000 EUR.',
      ['25000', 'rrf 20000; own-funds 5000', null],
    ],
    [
      'The ferry terminal costs EUR 3 000 000, of which the Connecting Europe Facility pays EUR 2 550 000 and ' +
        'the Ministry of Transport EUR 450 000.',
      ['3000000', 'cef 2550000; state 450000', null],
    ],
    [
      'Koszt całkowity 500 000 zł, w tym Mechanizm Finansowy EOG 425 000 zł i budżetu państwa 75 000 zł.',
      ['500000', 'eea-grants 425000; state 75000', null],
    ],
    [
      'The EEA and Norway Grants fund the network with EUR 900 000 of its EUR 1 000 000; own funds EUR 100 000.',
      ['1000000', 'eea-norway-grants 900000; own-funds 100000', null],
    ],
    [
      'Asylum, Migration and Integration Fund: EUR 75 000 (75%), state budget: EUR 25 000 (25%). Total EUR 100 000.',
      ['100000', 'amif 75% 75000; state 25% 25000', null],
    ],
    [
      'Eiropas Jūrlietu un zivsaimniecības fonda atbalsts ir 60 000 EUR, kopā 80 000 EUR, pārējo sedz privātais ' +
        'līdzfinansējums 20 000 EUR.',
      ['80000', 'emff 60000; private 20000', null],
    ],
  ])('%s', (text, expected) => {
    expect(summary(text)).toEqual(expected);
  });

  it('keeps the abbreviations that are also words in their own case', () => {
    expect(idsIn('ES finansējums')).toEqual(['eu']);
    expect(idsIn('es saņēmu finansējumu')).toEqual([]);
    expect(idsIn('LIFE programmas līdzfinansējums')).toEqual(['life']);
    expect(idsIn('QUALITY OF LIFE')).toEqual([]);
    expect(idsIn('the ENI CBC programme')).toEqual(['eni']);
    expect(idsIn('Eni and other energy companies')).toEqual([]);
    expect(idsIn('ERAF finansējums')).toEqual(['erdf']);
    expect(idsIn('eraf finansējums')).toEqual(['erdf']);
  });

  it('tells apart the funds whose names share their first words', () => {
    expect(idsIn('European Neighbourhood and Partnership Instrument')).toEqual(['enpi']);
    expect(summary('European Neighbourhood and Partnership Instrument EUR 90 000, total EUR 100 000.')[1]).toBe(
      'enpi 90000',
    );
    expect(idsIn('Eiropas Lauksaimniecības garantiju fonds')).toEqual(['eagf']);
    expect(idsIn('European Maritime, Fisheries and Aquaculture Fund')).toEqual(['emfaf']);
    expect(idsIn('European Maritime and Fisheries Fund')).toEqual(['emff']);
    expect(idsIn('European Fisheries Fund')).toEqual(['eff']);
  });
});

describe('lexicon: ordinary words that share a stem are no source', () => {
  it.each([
    'regionālais centrs',
    'reģionālās attīstības plānošana',
    'la fondation du patrimoine',
    "the fund manager's office",
    'land acquisition',
    'sociālais dienests',
    'the cohesion of the team',
    'primarily from the budget',
    'the kommunikation plan',
    'uzņēmuma attīstības stratēģija',
    'European regional policy',
  ])('%s', (phrase) => {
    expect(idsIn(phrase)).toEqual([]);
    const [, funding] = summary(`Projekta izmaksas 10 000 EUR; ${phrase} 8 500 EUR.`);
    const known = new Set(SOURCES.map((s) => s.id));
    expect(
      String(funding)
        .split('; ')
        .filter((share) => known.has(share.split(' ')[0] ?? '')),
    ).toEqual([]);
  });
});

describe('lexicon: properties', () => {
  const RUNS = 2500;
  it('reads every name in its inflected forms, any case, with or without diacritics, across wraps', () => {
    const perId = new Map<string, number>();
    const perLanguage = new Map<string, number>();
    const perCase = new Map<CaseName, number>();
    let stripped = 0;
    let wrapped = 0;
    fc.assert(
      fc.property(
        fc.nat({ max: ENTRIES.length - 1 }),
        fc.array(fc.nat({ max: 9 }), { minLength: 8, maxLength: 8 }),
        fc.constantFrom(...(Object.keys(CASES) as CaseName[])),
        fc.boolean(),
        fc.array(fc.nat({ max: SEPARATORS.length - 1 }), { minLength: 8, maxLength: 8 }),
        fc.nat({ max: FRAMES.length - 1 }),
        (which, forms, caseName, strips, separators, frame) => {
          const entry = ENTRIES[which];
          if (!entry) return;
          const words = entry.name.map((word, i) => word[(forms[i] ?? 0) % word.length] ?? '');
          let name = CASES[caseName](words.join(' '));
          if (strips) name = strip(name);
          const parts = name.split(' ');
          name = parts.reduce((out, word, i) => out + SEPARATORS[separators[i] ?? 0] + word);
          const text = FRAMES[frame]?.(name) ?? '';
          expect(summary(text), JSON.stringify(text)).toEqual(['10000', `${entry.id} 85% 8500`, null]);
          perId.set(entry.id, (perId.get(entry.id) ?? 0) + 1);
          perLanguage.set(entry.language, (perLanguage.get(entry.language) ?? 0) + 1);
          perCase.set(caseName, (perCase.get(caseName) ?? 0) + 1);
          if (strips) stripped++;
          if (/\n/.test(name)) wrapped++;
        },
      ),
      { seed: 120712, numRuns: RUNS },
    );
    // floors: every id and every language, every case, stripped and wrapped names are reached
    for (const id of Object.keys(NAMES)) expect(perId.get(id) ?? 0, id).toBeGreaterThanOrEqual(20);
    for (const language of new Set(ENTRIES.map((e) => e.language)))
      expect(perLanguage.get(language) ?? 0, language).toBeGreaterThanOrEqual(12);
    for (const caseName of Object.keys(CASES) as CaseName[])
      expect(perCase.get(caseName) ?? 0, caseName).toBeGreaterThanOrEqual(400);
    expect(stripped).toBeGreaterThanOrEqual(1000);
    expect(wrapped).toBeGreaterThanOrEqual(1000);
  }, 120_000);
});

describe('lexicon: documented', () => {
  it('lists every id it writes in docs/extract.md', () => {
    const docs = readFileSync(new URL('../docs/extract.md', import.meta.url), 'utf8');
    // the agency and the grant without a payer are the named fund's (extract.ts), never written as such
    const written = SOURCES.filter((s) => s.id !== 'agency' && s.id !== 'grant');
    const missing = [...new Set(written.map((s) => s.id))].filter((id) => !docs.includes(`\`${id}\``));
    expect(missing).toEqual([]);
  });
});
