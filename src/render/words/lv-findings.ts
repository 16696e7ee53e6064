import { Decimal } from '../../core/decimal.js';
import { percentText } from '../../core/check/messages.js';
import type { FindingFigures, MismatchReason, Money, Said, SaidKey } from '../../core/check/said.js';
import type { RoundingMethod } from '../../core/allocate/types.js';
import type { SourceKind } from '../../core/sources.js';
import { formatMoney, formatNumber, formatPercent } from '../locale.js';
import { REPORT_WORDS } from '../report-words.js';
import { CATEGORY_AFTER_NO, lvOne } from './lv.js';

/** A finding's words: its message and hint. `label` names the partner in a file of several (`partneris "LP": `). */
export type FindingWords = {
  [K in SaidKey]: (figures: FindingFigures[K], label: string) => { message: string; hint: string };
};

const money = (m: Money) => formatMoney(m.value, m.currency, m.decimals, 'lv');
const number = (value: Decimal, decimals: number) => formatNumber(value, decimals, 'lv');
/** A period in a case of "periods": `2. periodā`, `sagatavošanas periodā` (Jems's preparation and closure). */
const lvPeriod = (f: { period: number; phase?: 'preparation' | 'closure' | undefined }, form: string) =>
  f.phase === 'preparation'
    ? `sagatavošanas ${form}`
    : f.phase === 'closure'
      ? `noslēguma ${form}`
      : `${f.period}. ${form}`;
const unitText = (unit: Decimal) => number(unit, Math.max(0, unit.decimalPlaces()));
/** A percentage as core shows it (never a rounding that looks like a figure it differs from), the Latvian way. */
const percent = (value: Decimal, unlike: readonly Decimal[] = []) =>
  formatPercent(new Decimal(percentText(value, unlike).slice(0, -1)), 'lv');
const HUNDRED = new Decimal(100);
const ZERO = new Decimal(0);
const less = (negative: boolean) => (negative ? 'mazāk' : 'vairāk');
const KINDS: Readonly<Record<SourceKind, string>> = {
  'eu-fund': 'ES fonds',
  public: 'publisks avots',
  'automatic-public': 'automātiski publisks avots',
  private: 'privāts avots',
};
const METHOD_NOTES: Readonly<Record<RoundingMethod, string>> = {
  'largest-remainder': 'atlikušās vienības saņem daļas ar lielākajiem atlikumiem',
  'half-up': 'katru daļu noapaļo uz tuvāko atsevišķi',
  'fund-down': 'ES fonda daļu noapaļo uz leju',
};
const CATEGORY_NAMES = REPORT_WORDS.lv.categoryNames;
const categoryName = (key: string) =>
  key in CATEGORY_NAMES ? CATEGORY_NAMES[key as keyof typeof CATEGORY_NAMES].toLowerCase() : key;
const afterNo = (key: string) =>
  key in CATEGORY_AFTER_NO ? CATEGORY_AFTER_NO[key as keyof typeof CATEGORY_AFTER_NO] : key;
/** A flat rate's base after "no": `tiešajām izmaksām`, or a category. */
const lvBase = (key: string) => (key === 'direct' ? 'tiešajām izmaksām' : afterNo(key));

function reason(r: MismatchReason): string {
  switch (r.why) {
    case 'half-up':
      return 'tā ir precīzā daļa, katru noapaļojot uz tuvāko atsevišķi (half-up)';
    case 'fund-down':
      return 'tā ir precīzā daļa, noapaļota uz leju (fund-down)';
    case 'other-unit':
      return (
        `tā atbilst precīzajai daļai, noapaļotai ${r.down ? 'uz leju ' : ''}līdz vienībai ${unitText(r.unit)} ` +
        `(ja dokuments noapaļo tā, failā rakstiet rounding: { unit: ${r.unit.toFixed()} })`
      );
    case 'transposed':
      return (
        `šķiet, ka vietām samainīti divi cipari: ${number(r.declared, r.decimals)}, ` +
        `nevis ${number(r.computed, r.decimals)}`
      );
    case 'one-digit':
      return `viens cipars atšķiras no ${number(r.computed, r.decimals)}: pārrakstīšanās kļūda?`;
    case 'rate-of-budget':
      return `norādītā summa ir ${formatPercent(r.rate, 'lv')} no budžeta`;
  }
}

/** Every finding's words in Latvian: the compiler asks for each key of core's figures (core/check/said.ts). */
export const FINDINGS_LV: FindingWords = {
  'rates-sum': (f, label) => ({
    message:
      `${label}likmes kopā ` +
      (`ir ${percent(f.covered, [HUNDRED])}, ` +
        `${f.missing.isNegative() ? '100% pārsniegti par' : 'līdz 100% trūkst'} ` +
        `${percent(f.missing.abs(), [ZERO])} `) +
      `(${money(f.missingMoney)})`,
    hint: f.rest
      ? 'pārējie avoti atlikumam neko neatstāj'
      : f.missing.isNegative()
        ? 'samaziniet likmes, lai kopā būtu 100%'
        : f.table
          ? 'izlabojiet likmes, lai kopā būtu 100%, vai ļaujiet vienam avotam segt atlikumu: ierakstiet tā šūnā rest'
          : 'izlabojiet likmes, lai kopā būtu 100%, vai ļaujiet vienam avotam segt atlikumu: national: rest',
  }),
  'sum-mismatch': (f, label) => {
    const difference = f.declared.value.minus(f.budget.value);
    return {
      message:
        `${label}norādītās summas kopā ir ${money(f.declared)}, ` +
        `par ${money({ ...f.budget, value: difference.abs() })} ${less(difference.isNegative())} ` +
        `nekā budžets ${f.approximate ? '~' : ''}${money(f.budget)}`,
      hint: f.rateLike
        ? `${f.rateLike.text} kolonnā ${f.rateLike.id} var būt likme: rakstiet ${f.rateLike.text}% ` +
          '(šūna bez % ir summa)'
        : 'pārbaudiet katru summu pret dokumentu vai budžetu',
    };
  },
  'budget-implied-mismatch': (f, label) => {
    const lvMoney = (value: Decimal, decimals: number, approximate = false) =>
      `${approximate ? '~' : ''}${formatMoney(value, f.currency, decimals, 'lv')}`;
    const plain = (value: Decimal) => lvMoney(value, Math.max(0, value.decimalPlaces()));
    const each = f.sources.map((s, k) => {
      const amount = lvMoney(s.amount, s.amountScale, s.approximate);
      const budget = s.budget === undefined ? 'nekādu budžetu' : lvMoney(s.budget, f.decimals);
      return `${s.id} ${amount} pie ${formatPercent(s.rate, 'lv')} ${k === 0 ? 'nozīmē budžetu ' : ''}${budget}`;
    });
    const sum = f.sum === undefined ? '' : `, to summa ${plain(f.sum)}`;
    return {
      message:
        `${label}norādītās summas nozīmē dažādus budžetus: ${each.join(', ')}${sum}; ` +
        `budžets ${lvMoney(f.budget, f.budgetDecimals, true)} pieļauj no ${plain(f.low)} līdz ${plain(f.high)}`,
      hint: 'izlabojiet summu vai likmi, kas nesaskan, vai ierakstiet precīzu budžetu',
    };
  },
  'budget-unit': (f, label) => {
    const finer = f.finer.toFixed();
    const hints = f.table
      ? {
          rounding: 'pārbaudiet budžetu',
          amounts: `vienību nosaka norādītās summas; ierakstiet tās budžeta vienībā (${finer})`,
          currency: `vienība ir valūtas ${f.currency} mazākā vienība: pārbaudiet budžetu`,
        }
      : {
          rounding: `ierakstiet rounding: { unit: ${finer} } vai pārbaudiet budžetu`,
          amounts:
            `vienību nosaka norādītās summas; ierakstiet tās budžeta vienībā vai ierakstiet ` +
            `rounding: { unit: ${finer} }`,
          currency:
            `vienība ir valūtas ${f.currency} mazākā vienība: pārbaudiet budžetu (JSON ` +
            `failā 12.758 ir skaitlis ar trim zīmēm aiz komata; "12 758" ir divpadsmit ` +
            `tūkstoši) vai ierakstiet rounding: { unit: ${finer} }`,
        };
    return {
      message:
        `${label}budžets ${number(f.budget, f.budgetScale)} nav izsakāms veselās ` +
        `vienībās pa ${unitText(f.unit)}: daļas šādās vienībās nevar veidot tieši šo ` +
        `summu`,
      hint: hints[f.unitFrom],
    };
  },
  'amount-unit': (f, label) => ({
    message:
      `${label}${f.id}: fiksētā ` +
      `summa ${f.text ?? number(f.amount, Math.max(0, f.amount.decimalPlaces()))} nav izsakāma ` +
      `veselās vienībās pa ${unitText(f.unit)}: daļas šādās vienībās nevar veidot ` +
      `tieši budžetu`,
    hint: f.table
      ? 'ierakstiet summu pārējo summu vienībā vai tās tikpat precīzi kā šo'
      : 'ierakstiet summu šajā vienībā vai norādiet rounding.unit to vienību, kurā rakstītas summas',
  }),
  'share-mismatch': (f, label) => {
    const difference = f.declared.value.minus(f.computed.value);
    return {
      message:
        `${label}${f.id}: norādīts ${money(f.declared)}, ` +
        `aprēķināts ${money(f.computed)} ` +
        `(precīzi ${number(f.exact, f.declared.decimals)}), ` +
        `starpība ${difference.gt(0) ? '+' : ''}${number(difference, f.declared.decimals)}`,
      hint: f.reasons.map(reason).join('; '),
    };
  },
  'rate-display': (f, label) => ({
    message:
      `${label}${f.id}: ${f.rateText} ir norādītā summa ${money(f.amount)}, parādīta ` +
      `kā noapaļota likme (${formatPercent(f.actual, 'lv')} no budžeta)`,
    hint: 'likme uzskatīta par noapaļotu summas attēlojumu, nevis noteiktu likmi; ar --strict tas nav pieļaujams',
  }),
  'rounding-method': (f, label) => ({
    message: `${label}skaitļi atbilst noapaļošanas noteikumam ${f.method}: ${METHOD_NOTES[f.method]}`,
    hint: f.table
      ? `partneru tabulā nav rounding: lai ${f.method} būtu saistošs, ierakstiet partneri budžeta failā ` +
        `ar rounding: { method: ${f.method} }`
      : `ierakstiet rounding: { method: ${f.method} }, lai noteikums būtu saistošs`,
  }),
  'rounding-drift': (f, label) => ({
    message:
      `${label}pēc noteikuma ${f.method} daļas kopā ir ${money(f.total)}, ` +
      `par ${money({ ...f.drift, value: f.drift.value.abs() })} ${less(f.drift.value.isNegative())} ` +
      `nekā budžets`,
    hint:
      f.method === 'fund-down'
        ? 'atlikumu nesedz neviens avots, izņemot ES fondus: ļaujiet atlikumu (rest) segt avotam, kas nav ES fonds ' +
          '(ES fonda daļu noapaļo uz leju, arī atlikumu)'
        : 'largest-remainder vai fund-down saglabā precīzu summu',
  }),
  'rest-negative': (f, label) => ({
    message:
      `${label}${f.id}: atlikums pēc noteikuma ${f.method} ir ${money(f.amount)}: ` +
      `pārējās noapaļotās daļas pārsniedz budžetu par ` +
      `${money({ ...f.amount, value: f.amount.value.abs() })}`,
    hint:
      'neviens avots nevar segt mazāk par nulli; largest-remainder saglabā visas ' +
      (f.table ? 'daļas ne mazākas par nulli' : 'daļas ne mazākas par nulli: rounding: { method: largest-remainder }'),
  }),
  'eu-rate-high': (f, label) => ({
    message: `${label}${f.id}: ES līdzfinansējuma likme ${percent(f.rate, [new Decimal(85)])} pārsniedz 85%`,
    hint:
      'ES fondi reti sedz vairāk par 85% attiecināmo izmaksu (izņemot tālākos ' +
      'reģionus un dažas Interreg programmas)',
  }),
  'zero-budget': (_f, label) => ({
    message: `${label}budžets ir nulle: neviena daļa netiek pret to pārbaudīta`,
    hint: 'ierakstiet budžetu no dokumenta; partneri bez budžeta (asociēto partneri) var neiekļaut',
  }),
  'zero-amount': (f, label) => ({
    message: `${label}${f.id}: avota summa ir nulle`,
    hint: 'izņemiet avotu, kas neko nesedz, vai pārbaudiet tā skaitli',
  }),
  'budget-mismatch': (f, label) => ({
    message:
      `${label}budžets ${money(f.declared)} ir ` +
      (`par ${money({ ...f.difference, value: f.difference.value.abs() })} ` +
        `${f.difference.value.isNegative() ? 'mazāks' : 'lielāks'} `) +
      `nekā izmaksu kategoriju summa ${money(f.costs)}`,
    hint: 'pārbaudiet kategorijas un vienotās likmes pret dokumentu vai budžetu',
  }),
  'flat-rate-combination/remaining': (f, label) => ({
    message:
      `${label}citas izmaksas 40% apmērā no personāla izmaksām sedz visas izmaksas, izņemot personāla ` +
      `(KNR 56. panta 1. punkts), bet blakus tām budžetā ir ${f.others.map(categoryName).join(', ')}`,
    hint: 'izņemiet šīs kategorijas no budžeta vai atsakieties no 40% likmes un ierakstiet izmaksas summās',
  }),
  'flat-rate-combination/forty': (f, label) => ({
    message:
      `${label}citas izmaksas 40% apmērā no personāla izmaksām izslēdz visas pārējās ` +
      `vienotās likmes, bet vienotā likme ir ` +
      `arī ${f.others.map(categoryName).join(', ')}`,
    hint:
      '40% likme sedz visas izmaksas, izņemot personāla izmaksas: pārējās kategorijas ' +
      'ierakstiet kā summas vai atsakieties no 40% likmes',
  }),
  'flat-rate-combination/staff': (_f, label) => ({
    message: `${label}citas izmaksas no personāla izmaksām nav savienojamas ar personāla izmaksu vienoto likmi`,
    hint:
      'Jems neaprēķina citas izmaksas no personāla izmaksām, kas pašas ir vienotā ' +
      'likme: ierakstiet personāla izmaksas kā summu vai atsakieties no citu izmaksu ' +
      'likmes',
  }),
  'flat-rate-base/twice': (f, label) => ({
    message: `${label}${f.line}: bāzē divreiz norādīts "${f.category}"`,
    hint: `norādiet katru bāzes kategoriju vienreiz: ${f.rateText} of ${f.categories.join(', ')}`,
  }),
  'flat-rate-base/order': (f, label) => ({
    message: `${label}${f.line} ir vienotā likme no ${f.category}, kas pati ir vienotā likme, ko aprēķina vēlāk`,
    hint: `vienotās likmes bāzē drīkst būt tikai tās vienotās likmes, ko aprēķina pirms tās: ${f.order.join(', ')}`,
  }),
  'flat-rate-base/simplified-rate': (f, label) => ({
    message:
      `${label}${f.line} norādīts kā vienotā likme (${f.rateText} no ...), bet ` +
      `vienreizējie maksājumi un vienības izmaksas ir summas`,
    hint: `norādiet ${f.line}: ar tās summu; šeit tā skaitās 0`,
  }),
  'flat-rate-base/simplified': (f, label) => ({
    message:
      `${label}${f.line} ir ${f.rateText} no ${f.category}, bet vienreizējie ` +
      `maksājumi un vienības izmaksas nekad nav vienotās likmes bāzē`,
    hint: `izņemiet ${f.category} no bāzes: Jems tos neiekļauj nevienā vienotajā likmē (šeit tie skaitās 0)`,
  }),
  'flat-rate-base/missing': (f, label) => ({
    message: `${label}${f.line} ir ${f.rateText} no ${f.category}, bet rindas ${f.category} nav`,
    hint: `pievienojiet ${f.category}: ar tās summu`,
  }),
  'flat-rate-high': (f, label) => {
    const base =
      f.usual.base === 'direct'
        ? f.usual.category === 'staff'
          ? 'pārējām tiešajām izmaksām'
          : 'tiešajām izmaksām'
        : afterNo(f.usual.base);
    return {
      message:
        `${label}${f.line} ar likmi ${f.rateText} pārsniedz ` +
        `parasto: ${categoryName(f.usual.category)} ${f.usual.rate.replace('or up to', 'vai līdz')} ` +
        `no ${base}`,
      hint: 'pārbaudiet programmas noteikumus; augstākai vienotajai likmei jābūt pamatotai tajos',
    };
  },
  'duplicate-partner': (f) => ({
    message:
      `partneris "${f.partner}" norādīts ` +
      'divreiz' +
      (f.first === undefined
        ? ''
        : `, pirmo reizi kā "${f.first}" (abi atšķiras tikai ar neredzamām vai kombinētām ` +
          `rakstzīmēm: ${f.unseen ?? ''})`),
    hint: 'norādiet katru partneri vienreiz; apvienojiet vai pārdēvējiet ierakstus',
  }),
  'source-conflict': (f) => ({
    message:
      `avots "${f.id}" šeit ir ${KINDS[f.kind]} (${f.kind}), ` +
      `bet ${f.firstPartner === undefined ? 'citam partnerim' : `partnerim "${f.firstPartner}"`} ` +
      `tas ir ${KINDS[f.firstKind]} (${f.firstKind})`,
    hint: 'viens identifikators failā ir viens avots: otram avotam dodiet savu identifikatoru',
  }),
  'project-total/count': (f) => ({
    message:
      `${lvOne(f.listed) ? `norādīts ${f.listed} partneris` : `norādīti ${f.listed} partneri`}, ` +
      `bet projektā ir ${f.count}`,
    hint: 'izlabojiet project.partners vai partneru sarakstu',
  }),
  'project-total/over': (f) => ({
    message:
      `partneru budžeti kopā ir ${money(f.budgets)}, par ${money(f.difference)} ` +
      `vairāk nekā projekta kopsumma ${money(f.total)}`,
    hint: 'kļūda ir kāda partnera budžetā vai projekta kopsummā',
  }),
  'project-total/under': (f) => ({
    message:
      `${f.listed} ${lvOne(f.listed) ? 'partnera budžets kopā ir' : 'partneru budžeti kopā ir'} ${money(f.budgets)}, ` +
      `par ${money(f.difference)} mazāk nekā projekta kopsumma ${money(f.total)}`,
    hint: 'kļūda ir kāda partnera budžetā vai projekta kopsummā',
  }),
  'project-total/source': (f) => ({
    message:
      `partneru ${f.id} kopā ir ${money(f.partners)}, par ${money(f.difference)} ` +
      `${f.less ? 'mazāk' : 'vairāk'} nekā kopsummas rindā ${money(f.total)}`,
    hint: 'kļūda ir kāda partnera summā vai kopsummas rindā',
  }),
  'project-unaccounted': (f) => ({
    message:
      `${money(f.missing)} no projekta kopsummas ${money(f.total)} neietilpst ` +
      `norādīto partneru (${f.listed}${f.count === undefined ? '' : ` no ${f.count}`}) ` +
      `budžetos`,
    hint:
      f.count === undefined
        ? 'ierakstiet project.partners, lai kopsummu pārbaudītu, kad norādīti visi partneri'
        : 'norādiet pārējos partnerus, lai pārbaudītu kopsummu',
  }),
  'project-unaccounted/none': (f) => ({
    message:
      `norādītie partneri (${f.listed} no ${f.count}) jau aizņem visu projekta kopsummu ${money(f.total)}: ` +
      `pārējiem partneriem budžeta nepaliek`,
    hint: 'norādiet pārējos partnerus vai izlabojiet project.partners',
  }),
  'euro-mismatch': (f, label) => {
    const nat = (v: Decimal) => formatMoney(v, f.currency, f.nationalDecimals, 'lv');
    const eur = (v: Decimal) => formatMoney(v, 'EUR', 2, 'lv');
    const rate = f.rate.replace('.', ','); // the fixed rate with the decimal comma of the amounts beside it
    return {
      message:
        `${label}${f.id} summa eiro: ${eur(f.euro)} nav ${nat(f.national)} pēc fiksētā ` +
        `kursa ${rate} ${f.currency} par eiro: ${nat(f.national)} ` +
        `ir ${eur(f.fromNational)}, un ${eur(f.euro)} ir ${nat(f.fromEuro)}`,
      hint:
        `ierakstiet ${eur(f.fromNational)} (${f.currency} ÷ ${rate}, noapaļots līdz ` +
        `centam, Padomes Regula (EK) Nr. 1103/97, 4. un 5. pants) vai ` +
        `pārbaudiet ${f.currency} summu`,
    };
  },
  'period-share-mismatch': (f, label) => ({
    message:
      `${label}${lvPeriod(f, 'periods')}: ${f.id} norādīts ${money(f.declared)}, bet tā daļa ir ${money(f.computed)}` +
      (f.remainder ? ' (pēdējais periods: partnera daļa bez pārējiem periodiem)' : ''),
    hint: f.remainder
      ? `pēdējais periods saņem ${f.id} daļas atlikumu; ierakstiet ${money(f.computed)}`
      : `perioda daļa pēc partnera noapaļošanas noteikuma; ierakstiet ${money(f.computed)}`,
  }),
  'periods-budget-mismatch/last': (f, label) => ({
    message:
      `${label}periodi kopā ir ${money(f.sum)}, nevis budžets ${money(f.budget)}: ${f.period}. ` +
      `periodā plānoti ${money(f.written)}, atlikums ir ${money(f.rest)}`,
    hint:
      `pēdējais periods saņem to, ko atstāj pārējie: ierakstiet ${f.period}. periodam ${money(f.rest)} ` +
      `vai izlaidiet summu`,
  }),
  'periods-budget-mismatch/categories': (f, label) => ({
    message:
      `${label}${lvPeriod(f, 'perioda')} budžets ${money(f.budget)} nav tā izmaksu kategoriju summa ` +
      `${money(f.categories)}`,
    hint: `ierakstiet budžetu ${money(f.categories)} vai izlabojiet kategorijas`,
  }),
  'periods-budget-mismatch/category': (f, label) => ({
    message:
      `${label}${lvPeriod(f, 'periodā')} plānoti ${money(f.amount)} ` +
      `kategorijā "${categoryName(f.category)}", kas nav budžetā`,
    hint: `plānojiet tikai budžeta kategorijas: ${f.categories.map(categoryName).join(', ')}`,
  }),
  'periods-budget-mismatch/flat-rate': (f, label) => ({
    message:
      `${label}${lvPeriod(f, 'periodā')} kategorija "${categoryName(f.category)}" budžetā ir ${f.rate}: ` +
      `${money(f.computed)} no perioda bāzes ${money(f.base)}, nevis norādītie ${money(f.written)}`,
    hint:
      `ierakstiet ${f.category}: ${f.computed.value.toFixed(f.computed.decimals)} vai izlaidiet to: ` +
      'budžeta vienotās likmes aprēķina no katra perioda bāzes',
  }),
  'budget-unit/period': (f, label) => ({
    message:
      `${label}${lvPeriod(f, 'perioda')} budžets ${number(f.budget, f.budgetScale)} nav izsakāms veselās ` +
      `vienībās pa ${unitText(f.unit)}: perioda daļas šādās vienībās nevar veidot tieši šo summu`,
    hint:
      f.unitFrom === 'command-line'
        ? `ierakstiet katru --period veselās vienībās pa ${unitText(f.unit)} vai norādiet mazāku --unit ` +
          f.finer.toFixed()
        : `ierakstiet perioda budžetu veselās vienībās pa ${unitText(f.unit)} vai ierakstiet ` +
          `rounding: { unit: ${f.finer.toFixed()} }`,
  }),
  'periods-budget-mismatch/no-costs': (f, label) => ({
    message:
      `${label}${lvPeriod(f, 'periodā')} pa izmaksu kategorijām plānoti ${money(f.amount)} ` +
      `(${f.categories.map(categoryName).join(', ')}), bet partnera budžetā nav izmaksu kategoriju`,
    hint: `norādiet partnera izmaksas (costs:) pa kategorijām vai plānojiet ${lvPeriod(f, 'periodu')} ar budžetu`,
  }),
  'periods-over-budget/total': (f, label) => ({
    message:
      `${label}periodos ${f.periods.join(', ')} plānoti ${money(f.planned)}, vairāk nekā budžets ` +
      `${money(f.budget)}`,
    hint: 'periodi pirms pēdējā dala budžetu: samaziniet to summas',
  }),
  'periods-over-budget/category': (f, label) => ({
    message:
      `${label}periodos pirms pēdējā kategorijā "${categoryName(f.category)}" plānoti ${money(f.planned)}, ` +
      `vairāk nekā tās budžets ${money(f.budget)}`,
    hint: 'pēdējais periods saņem atlikumu: samaziniet kategoriju iepriekšējos periodos',
  }),
  'periods-unchecked': (f, label) =>
    f.reason === 'approximate'
      ? {
          message:
            `${label}periodi netiek plānoti: aptuvenais budžets ` +
            `~${formatMoney(f.budget, f.currency, Math.max(0, f.budget.decimalPlaces()), 'lv')} ` +
            'nav precīzs skaitlis, ko sadalīt, un pieņemtās norādītās summas to nenosaka',
          hint:
            'ierakstiet precīzo budžetu vai norādiet katra avota summu (bez atlikuma): ' +
            'tad periodus plāno no to summas',
        }
      : {
          message:
            `${label}periodi netiek plānoti: ` +
            (f.reason === 'rates' ? 'partnera daļas neizriet no likmēm' : 'avotam ir summa bez likmes'),
          hint: 'norādiet katram avotam likmi (viens var saņemt atlikumu) un izlabojiet kļūdas',
        },
  'periods-budget-implied': (f, label) => ({
    message:
      `${label}periodi plānoti no ${money(f.planned)}, norādīto summu kopsummas, nevis no aptuvenā budžeta ` +
      `~${formatMoney(f.budget, f.planned.currency, Math.max(0, f.budget.decimalPlaces()), 'lv')}`,
    hint: `ierakstiet budget: ${f.planned.value.toFixed()}, ja tas ir precīzais budžets`,
  }),
  'programme-rate-above-maximum': (f, label) => ({
    message:
      `${label}${f.funds.join(' + ')} ${percent(f.total)} pārsniedz programmas ${f.programme} ` +
      `maksimumu ${percent(f.maximum)} (${f.who}; ${f.source})`,
    hint: `samaziniet likmi līdz ${percent(f.maximum)} vai pārbaudiet partnera kategoriju`,
  }),
  'programme-category-unknown': (f, label) => ({
    message:
      `${label}${f.programme}: partnera kategorija nav norādīta; fondu likmes salīdzina ar programmas ` +
      `augstāko maksimumu ${percent(f.maximum)} (${f.category})`,
    hint: `ierakstiet category: ${f.categories.join(', ')}`,
  }),
  'programme-flat-rate-above-maximum': (f, label) => ({
    message:
      `${label}${categoryName(f.category)} ar vienoto likmi ${f.rateText} no ${lvBase(f.base)} pārsniedz programmas ` +
      `${f.programme} maksimumu ${percent(f.maximum)} (${f.source})`,
    hint: `samaziniet likmi līdz ${percent(f.maximum)} no ${lvBase(f.base)}`,
  }),
  'programme-flat-rate-not-allowed': (f, label) => ({
    message:
      `${label}${categoryName(f.category)} ar vienoto likmi ${f.rateText} no ${f.base.map(lvBase).join(', ')} ` +
      `programma ${f.programme} neatļauj; atļauts: ` +
      `${f.allowed.map((a) => `līdz ${percent(a.maximum)} no ${lvBase(a.base)}`).join(' vai ')} (${f.source})`,
    hint: `ierakstiet ${f.allowed.map((a) => `${f.category}: ${a.maximum.toFixed()}% of ${a.base}`).join(' vai ')}`,
  }),
  'programme-rounding-differs': (f) => ({
    message:
      `noapaļošana (${[
        ...(f.method ? [`metode ${f.method}`] : []),
        ...(f.unit ? [`vienība ${unitText(f.unit)}`] : []),
      ].join(', ')}) atšķiras no programmas ${f.programme} uzraudzības sistēmas ${f.system}: katra fonda daļu ` +
      `noapaļo uz leju līdz centam (${f.systemMethod}, vienība ${unitText(f.systemUnit)}; ${f.source})`,
    hint:
      `ierakstiet rounding: { method: ${f.systemMethod}, unit: ${f.systemUnit.toFixed()} } vai izdzēsiet rounding: ` +
      `(tad tiek atrasta dokumenta noapaļošana)`,
  }),
  'hidden-sheet': (f) => ({
    message: `lapa "${f.sheet}" darbgrāmatā ir paslēpta; cofin to nolasa`,
    hint: 'pārbaudiet, vai paslēptā lapa ir domātā partneru tabula',
  }),
  'hidden-column': (f) => ({
    message: `kolonna "${f.column}" (${f.letters}) lapā ir paslēpta; cofin to nolasa tāpat kā pārējās`,
    hint: 'parādiet to, lai redzētu, kas tiek nolasīts',
  }),
  'hidden-row': (f) => ({
    message: `${f.row}. rinda lapā ir paslēpta; cofin to nolasa tāpat kā pārējās`,
    hint: 'parādiet to, lai redzētu, kas tiek nolasīts; izdzēsiet to, ja tas nav partneris',
  }),
  'hidden-digits': (f) => ({
    message:
      `šūnā redzams ${f.shown}, bet tajā ` +
      `ir ${f.stored}${f.formula ? ' (formulas rezultāts)' : ''}; cofin nolasa to, ko ` +
      `rāda lapa`,
    hint: f.general
      ? 'noapaļojiet vērtību (=ROUND(...; 2)), lai lapa saskaitītu to, ko rāda'
      : 'noapaļojiet formulu (=ROUND(...; 2)) vai rādiet vairāk zīmju aiz komata, lai lapa saskaitītu to, ko rāda',
  }),
  'total-row-by-sum': (f) => ({
    message:
      `pēdējā rinda${f.heading === '' ? '' : ` "${f.heading}"`} nolasīta kā tabulas kopsummas rinda: tās budžets ` +
      `${f.budget} ir ${f.above} augstāk esošo budžetu summa, un tās kolonnas salīdzinātas ar partneru summām`,
    hint:
      'virsrakstā rakstiet Kopā vai Total, lai to apstiprinātu; ja tas ir partneris, pievienojiet zem tā kopsummas ' +
      'rindu (Kopā ar summām) vai norādiet partnerus budžeta failā',
  }),
  'formula-without-value': () => ({
    message:
      'formula, kuras vērtība nav saglabāta (failu rakstījusi programma, kas formulas ' +
      'neaprēķina); tās rinda ir tukša un izlaista',
    hint: 'atveriet darbgrāmatu izklājlapu lietotnē un saglabājiet to, lai katrai formulai būtu vērtība',
  }),
  'extract-doubts': (f) => ({
    message:
      `skaitļiem ir ${f.count} šaubu atzīmes, ko ielika cofin extract (# check:); ` +
      'pārbaude attiecas tikai uz skaitļiem, kā tie nolasīti',
    hint: 'salīdziniet katru atzīmēto skaitli ar dokumentu, tad izdzēsiet tā # check: komentāru',
  }),
  'extract-conflict': (f) => ({
    message:
      `cofin extract atzīmēja ${f.count === 1 ? 'vienu pretrunu' : `${f.count} pretrunas`} (# check: conflict:), ` +
      `pirmo ${f.line}. rindā: ${conflictLv(f.first)}; ` +
      'pārbaude neattiecas uz dokumentu, kamēr pretruna nav atrisināta',
    hint:
      'salīdziniet skaitli ar dokumentu; izlabojiet to budžeta failā vai izdzēsiet # check: conflict: rindu, ' +
      'ja ierakstītais skaitlis ir pareizs',
  }),
};

/** The figures extract names as written (`budget 480 000 EUR; erdf 85% 408 000 EUR, municipal 15% 72000 of …`). */
function writtenLv(words: string): string {
  return words
    .replace(/^budget none;/, 'budžets nav norādīts;')
    .replace(/^budget /, 'budžets ')
    .replace(/ of the budget\b/g, ' no budžeta')
    .replace(/ rest\b/g, ' atlikums')
    .replace(/, and (\d+) more$/, ' un vēl $1');
}

/**
 * The first conflict's words (English, as extract wrote them in the file) in Latvian, by their shape, so that the
 * figures the English names are named here too; a shape not known keeps the figure and its line, if any.
 */
function conflictLv(first: string): string {
  const stated = /^the document states this total, (.+), but its shares add up to (\S+) \((.*)\)$/s.exec(first);
  if (stated)
    return `dokuments norāda kopsummu ${stated[1]}, bet tā daļas kopā ir ${stated[2]} (${writtenLv(stated[3] ?? '')})`;
  const budget = /^the shares do not add up to this budget, nor do their rates reproduce it \((.*)\)$/s.exec(first);
  if (budget) return `daļas neveido šo budžetu, un to likmes to nedod (${writtenLv(budget[1] ?? '')})`;
  const again = /^(\S+) is stated as (.+?) on line (\d+), but (.+?) is written(.*)$/s.exec(first);
  if (again) {
    const [, id, figure, line, written, tail = ''] = again;
    const changed = /^: the document says the figures changed$/.test(tail);
    const total = /^, and the shares stated with it do not add up to its total (.+)$/s.exec(tail);
    const words = /^ \((.*)\)$/s.exec(tail);
    return (
      `${id} dokumentā norādīts kā ${figure} ${line}. rindā, bet ierakstīts ${written}` +
      (changed
        ? ': dokuments saka, ka skaitļi mainīti'
        : total
          ? `, un kopā ar to norādītās daļas neveido tā kopsummu ${total[1]}`
          : words
            ? ` (${writtenLv(words[1] ?? '')})`
            : '')
    );
  }
  const figure = /^"(.*?)" \(line (\d+)\) (.*)$/s.exec(first);
  if (!figure) return 'dokumentā ir skaitlis, kas nesakrīt ar ierakstītajiem skaitļiem';
  const [, text, line, why = ''] = figure;
  const none = /^agrees with none of the figures written \((.*)\), nor with their sums or rates$/s.exec(why);
  const changedTotal = /^is a changed total the document states; the figures written are others \((.*)\)$/s.exec(why);
  const shares = /^is the total of shares stated with it that do not add up to it \((.*)\)$/s.exec(why);
  const lead = `dokumenta skaitlis "${text}" (${line}. rindā)`;
  if (none)
    return `${lead} nesakrīt ne ar vienu ierakstīto skaitli (${writtenLv(none[1] ?? '')}), ne ar to summām vai likmēm`;
  if (changedTotal) {
    const written = writtenLv(changedTotal[1] ?? '');
    return `${lead} ir mainīta kopsumma, ko norāda dokuments; ierakstīti citi skaitļi (${written})`;
  }
  if (shares) return `${lead} ir kopā ar to norādīto daļu kopsumma, bet tās to neveido (${shares[1]})`;
  return `${lead} nesakrīt ar ierakstītajiem skaitļiem`;
}

/** A finding's Latvian words, from its figures. */
export function findingWordsLv(said: Said, partner: string | undefined): { message: string; hint: string } {
  const label = partner === undefined ? '' : `partneris "${partner}": `;
  return (FINDINGS_LV[said.key] as (figures: Said, label: string) => { message: string; hint: string })(said, label);
}
