// A finance officer's reading of the words before a figure, by language, sharing no code with src/: a one-sided hedge
// ("almost", "gandrīz") says the true figure is at most the one written; a symmetric one ("about", "apmēram") says it
// may be either side.

/** How a hedge word bounds the true figure against the one written. */
export type HedgeSide = 'at most' | 'either side';

export interface Hedge {
  language: string;
  words: string;
  side: HedgeSide;
}

const oneSided: [string, string[]][] = [
  ['lv', ['gandrīz', 'teju', 'nepilni', 'nepilns', 'turpat']],
  ['en', ['almost', 'nearly', 'close to', 'just about', 'not quite']],
  ['de', ['fast', 'knapp', 'nahezu', 'beinahe']],
  ['fr', ['presque', 'près de']],
  ['pl', ['prawie', 'niemal', 'niespełna']],
  ['it', ['quasi']],
  ['cs', ['téměř', 'skoro']],
  ['sk', ['takmer', 'skoro']],
  ['lt', ['beveik']],
  ['et', ['peaaegu']],
  ['es', ['casi']],
  ['pt', ['quase']],
];
const symmetric: [string, string[]][] = [
  ['lv', ['apmēram', 'aptuveni', 'ap.']],
  ['en', ['about', 'around', 'roughly', 'approximately']],
  ['de', ['rund', 'etwa']],
  ['fr', ['environ']],
  ['pl', ['około']],
  ['cs', ['přibližně']],
];

const hedges = (table: [string, string[]][], side: HedgeSide): Hedge[] =>
  table.flatMap(([language, words]) => words.map((w) => ({ language, words: w, side })));

export const ONE_SIDED_HEDGES: Hedge[] = hedges(oneSided, 'at most');
export const SYMMETRIC_HEDGES: Hedge[] = hedges(symmetric, 'either side');

/**
 * A document in the language: the project's total and one fund's share of it, either figure after the hedge. `total`
 * and `share` are whole euros; each language groups thousands its own way.
 */
export function hedgedDocument(
  language: string,
  hedged: 'total' | 'share',
  words: string,
  total: number,
  share: number,
) {
  const group = (n: number, mark: string) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, mark);
  const h = (which: 'total' | 'share') => (which === hedged ? `${words} ` : '');
  const t = (mark: string) => `${h('total')}${group(total, mark)}`;
  const s = (mark: string) => `${h('share')}${group(share, mark)}`;
  switch (language) {
    case 'lv':
      return `Projekta kopējās izmaksas ir ${t(' ')} EUR, no tām ERAF finansējums ${s(' ')} EUR.`;
    case 'en':
      return `The total cost of the project is ${h('total')}EUR ${group(total, ',')}, of which ERDF funding ${h('share')}EUR ${group(share, ',')}.`;
    case 'de':
      return `Die Gesamtkosten des Projekts betragen ${t('.')} EUR, davon EFRE ${s('.')} EUR.`;
    case 'fr':
      return `Le coût total du projet est de ${t(' ')} €, dont FEDER ${s(' ')} €.`;
    case 'pl':
      return `Całkowity koszt projektu wynosi ${t(' ')} EUR, w tym EFRR ${s(' ')} EUR.`;
    case 'it':
      return `Il costo totale del progetto è di ${t('.')} euro, di cui FESR ${s('.')} euro.`;
    case 'cs':
      return `Celkové náklady projektu činí ${t(' ')} EUR, z toho ERDF ${s(' ')} EUR.`;
    case 'sk':
      return `Celkové náklady projektu sú ${t(' ')} EUR, z toho EFRR ${s(' ')} EUR.`;
    case 'lt':
      return `Bendra projekto vertė yra ${t(' ')} EUR, iš jų ERPF lėšos ${s(' ')} EUR.`;
    case 'et':
      return `Projekti kogumaksumus on ${t(' ')} eurot, sellest ERF toetus ${s(' ')} eurot.`;
    case 'es':
      return `El coste total del proyecto es de ${t('.')} €, de los cuales FEDER ${s('.')} €.`;
    case 'pt':
      return `O custo total do projeto é de ${t(' ')} euros, dos quais FEDER ${s(' ')} euros.`;
    default:
      throw new Error(`no document in ${language}`);
  }
}
