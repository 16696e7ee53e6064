import type { CostCategory } from '../core/costs.js';
import type { RoundingMethod } from '../core/allocate/types.js';
import type { Severity, ShareCheck } from '../core/check.js';
import type { SourceKind } from '../core/sources.js';
import type { Locale } from './locale.js';
import type { PeriodPhase } from '../core/model.js';

/**
 * The words of the HTML report, in English and Latvian. cofin's own words
 * only: names from the file are shown as written, and findings keep the
 * message `cofin check` gives in the report's language (render/words; the
 * code beside it is the same in every language).
 */
export interface ReportWords {
  lang: string;
  documentKind: string;
  keyFigures: string;
  totalBudget: string;
  euFunds: string;
  averageEuRate: string;
  partners: string;
  partnersListed: (listed: number, declared: number) => string;
  sumOfBudgets: (count: number) => string;
  sumOfEuFunds: string;
  euFundsOverBudget: string;
  declaredTotal: string;
  rounding: string;
  unit: string;
  methods: Record<RoundingMethod, string>;
  pass: string;
  fail: (errors: number) => string;
  failDetail: string;
  partnersAndSources: string;
  /** The heading of a partner's plan per reporting period. */
  planPerPeriod: string;
  periodColumn: (period: number, remainder: boolean, phase?: PeriodPhase) => string;
  /** How the plan per period is computed, under its tables. */
  planNote: string;
  partnersAndSourcesPart: (part: number, parts: number) => string;
  partner: string;
  country: string;
  budget: string;
  euRate: string;
  share: string;
  line: string;
  total: string;
  amountsIn: (currency: string) => string;
  tableSource: (file: string) => string;
  charts: string;
  bySource: string;
  byPartner: string;
  byKind: string;
  chartNote: string;
  legend: string;
  costCategories: string;
  category: string;
  amount: string;
  categoryNames: Record<CostCategory, string>;
  kindsTable: string;
  kind: string;
  kindNames: Record<SourceKind, string>;
  byCountry: string;
  breakdowns: string;
  budgetFromCosts: string;
  linesOf: (file: string) => string;
  findings: string;
  noFindings: string;
  severity: string;
  where: string;
  finding: string;
  severities: Record<Severity, string>;
  findingsNote: string;
  figureSources: string;
  figureSourcesNote: string;
  figure: string;
  rate: string;
  computed: string;
  declared: string;
  difference: string;
  status: string;
  statuses: Record<ShareCheck['status'], string>;
  documentSource: string;
  madeBy: (generator: string, file: string) => string;
  totalsRule: string;
  page: string;
  of: string;
}

const EN: ReportWords = {
  lang: 'en',
  documentKind: 'Co-financing report',
  keyFigures: 'Key figures',
  totalBudget: 'Total budget',
  euFunds: 'EU funds',
  averageEuRate: 'Average EU rate',
  partners: 'Partners',
  partnersListed: (listed, declared) => `${listed} of ${declared} listed`,
  sumOfBudgets: (count) => `sum of ${count} partner budget${count === 1 ? '' : 's'}`,
  sumOfEuFunds: 'sum of the partners’ EU fund shares',
  euFundsOverBudget: 'EU funds ÷ total budget',
  declaredTotal: 'Declared project total',
  rounding: 'Rounding',
  unit: 'unit',
  methods: { 'largest-remainder': 'largest remainder', 'half-up': 'half up', 'fund-down': 'EU fund rounded down' },
  pass: 'The figures check out',
  fail: (errors) => `${errors} error${errors === 1 ? '' : 's'} in the figures`,
  failDetail: 'the report shows the computed amounts; the findings below say what differs',
  partnersAndSources: 'Partners and sources',
  planPerPeriod: 'Plan per period',
  periodColumn: (period, remainder, phase) =>
    phase === 'preparation'
      ? 'Preparation'
      : phase === 'closure'
        ? 'Closure'
        : `Period ${period}${remainder ? ' (rest)' : ''}`,
  planNote:
    'Every period but the last is split on its own by the partner’s rounding rule; the last period takes ' +
    'the remainder of the partner’s figures, so that the periods add up to them exactly (as Jems does). ' +
    '✓: the declared share equals the computed one; ✗: it differs.',
  partnersAndSourcesPart: (part, parts) => `part ${part} of ${parts}`,
  partner: 'Partner',
  country: 'Country',
  budget: 'Budget',
  euRate: 'EU rate',
  share: 'Share',
  line: 'Line',
  total: 'Total',
  amountsIn: (currency) => `Amounts in ${currency}.`,
  tableSource: (file) => `Line: where the partner’s entry starts in ${file}. Totals are the sums of the rows.`,
  charts: 'Shares of the budget',
  bySource: 'By source',
  byPartner: 'By partner',
  byKind: 'By kind of source',
  chartNote: 'Bars are drawn to scale for reading; the figures beside them are exact.',
  legend: 'Legend',
  costCategories: 'Cost categories',
  category: 'Category',
  amount: 'Amount',
  categoryNames: {
    staff: 'Staff costs',
    office: 'Office and administration',
    travel: 'Travel and accommodation',
    external: 'External expertise and services',
    equipment: 'Equipment',
    infrastructure: 'Infrastructure and works',
    other: 'Other costs',
    'lump-sums': 'Lump sums',
    'unit-costs': 'Unit costs',
  },
  kindsTable: 'By kind of source',
  kind: 'Kind',
  kindNames: { 'eu-fund': 'EU funds', public: 'Public', 'automatic-public': 'Automatic public', private: 'Private' },
  byCountry: 'By country',
  breakdowns: 'Breakdowns',
  budgetFromCosts: 'Budget (sum of the cost categories)',
  linesOf: (file) => `Line: the line of ${file} that gives the figure.`,
  findings: 'Findings',
  noFindings: 'No findings: every declared figure equals the computed one.',
  severity: 'Severity',
  where: 'Where',
  finding: 'Finding',
  severities: { error: 'Error', warning: 'Warning', note: 'Note' },
  findingsNote: 'As cofin check reports them; the code in brackets is the same in every language.',
  figureSources: 'Sources of the figures',
  figureSourcesNote:
    'Each partner’s budget and shares, with the line of the file that gives them. ' +
    'Computed: the share under the rounding rule; declared: the amount the file ' +
    'states.',
  figure: 'Figure',
  rate: 'Rate',
  computed: 'Computed',
  declared: 'Declared',
  difference: 'Difference',
  status: 'Status',
  statuses: {
    ok: 'matches',
    mismatch: 'differs',
    'rate-display': 'rate rounded in the document',
    undeclared: 'not declared',
  },
  documentSource: 'Document',
  madeBy: (generator, file) => `Made by ${generator} from ${file}.`,
  totalsRule: 'Every total is the sum of the partners’ computed amounts, never the project total times a rate.',
  page: 'Page',
  of: 'of',
};

/** Latvian plural: 1, 21, 31 … take the singular; 11 does not. */
const lvOne = (n: number) => n % 10 === 1 && n % 100 !== 11;

const LV: ReportWords = {
  lang: 'lv',
  documentKind: 'Līdzfinansējuma pārskats',
  keyFigures: 'Galvenie skaitļi',
  totalBudget: 'Kopējais budžets',
  euFunds: 'ES finansējums',
  averageEuRate: 'Vidējā ES likme',
  partners: 'Partneri',
  partnersListed: (listed, declared) => `norādīti ${listed} no ${declared}`,
  sumOfBudgets: (count) => `${count} ${lvOne(count) ? 'partnera budžets' : 'partneru budžetu summa'}`,
  sumOfEuFunds: 'partneru ES fondu daļu summa',
  euFundsOverBudget: 'ES finansējums ÷ kopējais budžets',
  declaredTotal: 'Norādītā projekta kopsumma',
  rounding: 'Noapaļošana',
  unit: 'vienība',
  methods: {
    'largest-remainder': 'lielākā atlikuma metode',
    'half-up': 'uz tuvāko (pusi uz augšu)',
    'fund-down': 'ES fonda daļa uz leju',
  },
  pass: 'Skaitļi atbilst',
  fail: (errors) => `Skaitļos ir ${errors} ${lvOne(errors) ? 'kļūda' : 'kļūdas'}`,
  failDetail: 'pārskatā ir aprēķinātās summas; konstatējumos norādīts, kas atšķiras',
  partnersAndSources: 'Partneri un finansējuma avoti',
  planPerPeriod: 'Plāns pa periodiem',
  periodColumn: (period, remainder, phase) =>
    phase === 'preparation'
      ? 'Sagatavošana'
      : phase === 'closure'
        ? 'Noslēgums'
        : `${period}. periods${remainder ? ' (atlikums)' : ''}`,
  planNote:
    'Katru periodu, izņemot pēdējo, sadala atsevišķi pēc partnera noapaļošanas noteikuma; pēdējais periods ' +
    'saņem partnera summu atlikumu, tāpēc periodi kopā precīzi veido partnera summas (kā Jems). ' +
    '✓: norādītā daļa vienāda ar aprēķināto; ✗: atšķiras.',
  partnersAndSourcesPart: (part, parts) => `${part}. daļa no ${parts}`,
  partner: 'Partneris',
  country: 'Valsts',
  budget: 'Budžets',
  euRate: 'ES likme',
  share: 'Daļa',
  line: 'Rinda',
  total: 'Kopā',
  amountsIn: (currency) => `Summas ${currency}.`,
  tableSource: (file) => `Rinda: kur partnera ieraksts sākas failā ${file}. Kopsummas ir rindu summas.`,
  charts: 'Budžeta daļas',
  bySource: 'Pa finansējuma avotiem',
  byPartner: 'Pa partneriem',
  byKind: 'Pa finansējuma veidiem',
  chartNote: 'Joslas ir mērogā uzskatāmībai; skaitļi blakus tām ir precīzi.',
  legend: 'Apzīmējumi',
  costCategories: 'Izmaksu kategorijas',
  category: 'Kategorija',
  amount: 'Summa',
  categoryNames: {
    staff: 'Personāla izmaksas',
    office: 'Biroja un administratīvās izmaksas',
    travel: 'Ceļa un uzturēšanās izmaksas',
    external: 'Ārējo ekspertu un pakalpojumu izmaksas',
    equipment: 'Aprīkojuma izmaksas',
    infrastructure: 'Infrastruktūras un būvdarbu izmaksas',
    other: 'Citas izmaksas',
    'lump-sums': 'Vienreizējie maksājumi',
    'unit-costs': 'Vienības izmaksas',
  },
  kindsTable: 'Pa finansējuma veidiem',
  kind: 'Veids',
  kindNames: {
    'eu-fund': 'ES fondi',
    public: 'Publiskais',
    'automatic-public': 'Automātiskais publiskais',
    private: 'Privātais',
  },
  byCountry: 'Pa valstīm',
  breakdowns: 'Sadalījums',
  budgetFromCosts: 'Budžets (izmaksu kategoriju summa)',
  linesOf: (file) => `Rinda: faila ${file} rinda, kurā dots skaitlis.`,
  findings: 'Konstatējumi',
  noFindings: 'Konstatējumu nav: katrs norādītais skaitlis sakrīt ar aprēķināto.',
  severity: 'Nozīmīgums',
  where: 'Vieta',
  finding: 'Konstatējums',
  severities: { error: 'Kļūda', warning: 'Brīdinājums', note: 'Piezīme' },
  findingsNote: 'Kā tos ziņo cofin check; kods iekavās ir vienāds visās valodās.',
  figureSources: 'Skaitļu avoti',
  figureSourcesNote:
    'Katra partnera budžets un daļas ar faila rindu, kurā tie doti. Aprēķināts: ' +
    'daļa pēc noapaļošanas noteikuma; norādīts: failā norādītā summa.',
  figure: 'Skaitlis',
  rate: 'Likme',
  computed: 'Aprēķināts',
  declared: 'Norādīts',
  difference: 'Starpība',
  status: 'Statuss',
  statuses: {
    ok: 'sakrīt',
    mismatch: 'atšķiras',
    'rate-display': 'likme dokumentā noapaļota',
    undeclared: 'nav norādīts',
  },
  documentSource: 'Dokuments',
  madeBy: (generator, file) => `Sagatavots ar ${generator} no faila ${file}.`,
  totalsRule: 'Katra kopsumma ir partneru aprēķināto summu summa, nevis projekta kopsumma, reizināta ar likmi.',
  page: 'Lapa',
  of: 'no',
};

export const REPORT_WORDS: Readonly<Record<Locale, ReportWords>> = { en: EN, lv: LV };
