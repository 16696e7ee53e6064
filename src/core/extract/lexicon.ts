import type { SourceKind } from '../sources.js';
import { fold } from './normalise.js';

/** A funding source's names in documents: Latvian, English and the other EU languages' fund abbreviations. */
export interface SourcePattern {
  id: string;
  kind: SourceKind;
  pattern: RegExp;
  /**
   * A name that stands for several funds or payers (`EU`, `public funding`): a named fund in the same clause outranks
   * it.
   */
  generic?: boolean;
}

// \p{L}-aware word edges: JavaScript's \b does not know ā or š.
const W = (body: string) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * Nouns after the Union's name that make it a named fund of its own ("Eiropas Savienības fondu"): not the Union itself.
 */
const NOT_A_FUND_AFTER = String.raw`(?!\s+(?:fond|fund|struktūrfond|programm)\p{L}*)`;
/**
 * After the Union's funds named together: no name or "for …" that makes them one fund of its own, and no programme
 * period ("ES struktūrfondu 2014.–2020. gada plānošanas periodā" names the period, not a payer).
 */
const UMBRELLA_AFTER = String.raw`(?![\s-]+(?:for|of|par|für|pour|per|para|dla|pro|\p{Lu}|(?:19|20)\d\d(?!\d)))`;
/** "funding", "co-financing" in the languages cofin reads; the word after a source's name. */
const FUNDING =
  String.raw`(?:līdz)?finansējum\p{L}*|līdzekļ\p{L}*|dotācij\p{L}*|ieguldījum\p{L}*|` +
  String.raw`subsid(?:y|ies)|money|(?:co-)?financing|funding|funds|contribution|grant|` +
  String.raw`(?:Ko)?[Ff]inanzierung|Mittel|(?:co)?financement|(?:co)?finanziamento|` +
  String.raw`(?:co)?financiación|lėšos|finantseering\p{L}*|toetus|(?:do)?finansowanie`;

/** The languages a source's names are written in (ISO 639-1). */
type NameLanguage =
  | 'lv'
  | 'en'
  | 'lt'
  | 'et'
  | 'pl'
  | 'de'
  | 'fr'
  | 'it'
  | 'es'
  | 'pt'
  | 'cs'
  | 'sk'
  | 'sl'
  | 'hr'
  | 'ro'
  | 'hu'
  | 'fi'
  | 'sv'
  | 'nl'
  | 'bg'
  | 'da'
  | 'el'
  | 'ru';

/**
 * A funding source as data: its id, its kind, and how documents name it.
 *
 * A name is a sequence of words, each `stem*` (the stem with any ending: `fond*` is `fonds`, `fonda`, `fondu`) or a
 * word matched whole; `(…)` makes words optional, `a|b*` offers either, `~` is any one word. Names are matched without
 * diacritics and case, across any run of spaces, line wraps, hyphens, commas or quotes between the words, and take a
 * bracketed abbreviation of the source after them (`Eiropas Reģionālās attīstības fonda (ERAF)`).
 */
export interface SourceEntry {
  id: string;
  kind: SourceKind;
  /** A name that stands for several funds or payers (`EU`, `public funding`): a named fund in its clause wins. */
  generic?: boolean;
  /** Abbreviations matched whole in any case: ones no language uses as a word. */
  abbreviations?: string[];
  /** Abbreviations matched whole in their own case: short ones that are also words (`ES`, `EU`, `LIFE`, `ENI`). */
  exact?: string[];
  /** The names per language. */
  names?: Partial<Record<NameLanguage, string[]>>;
  /** A trailing `+` or `Plus` is part of the name (`ESF+`, `Erasmus+`). */
  plus?: boolean;
  /** Names no sequence of words states (a figure after the word, a place before a council), in any case. */
  patterns?: string[];
  /** The same, in their own case (a capital that makes a proper name). */
  exactPatterns?: string[];
}

/**
 * The funds of the Union's programme periods 2000–2027 and the national payers, by id. The ids are those `extract`
 * writes (docs/extract.md lists them); a fund's name is written in the languages it is met in.
 */
export const SOURCES: SourceEntry[] = [
  // the Union, the Commission, or "public funding", without a fund's name: outranked by a named fund in the same clause
  { id: 'eu', kind: 'eu-fund', generic: true, exactPatterns: [`(?:ES|EU|UE|ЕС|ЕU|EK|EC)${NOT_A_FUND_AFTER}`] },
  {
    id: 'eu',
    kind: 'eu-fund',
    generic: true,
    patterns: [
      String.raw`Eiropas Savienīb\p{L}*`,
      'European Union',
      String.raw`Europos Sąjung\p{L}*`,
      String.raw`Euroopa Liid\p{L}*`,
      String.raw`Uni\p{L}* Europejsk\p{L}*`,
      String.raw`Evropsk\p{L}* uni\p{L}*`,
      String.raw`Europäische\p{L}* Union`,
      String.raw`Uniun\p{L}* Europe\p{L}*`,
      String.raw`Европейски\p{L}* съюз\p{L}*`,
      String.raw`Европейск\p{L}* союз\p{L}*`,
      'Union européenne',
      'Unione europea',
      'Unión Europea',
      String.raw`Europsk\p{L}* unij\p{L}*`,
      String.raw`Evropsk\p{L}* unij\p{L}*`,
      String.raw`Európsk\p{L}* úni\p{L}*`,
      String.raw`Európai Unió\p{L}*`,
      'European Commission',
      String.raw`Eiropas Komisij\p{L}*`,
      String.raw`Europos Komisij\p{L}*`,
      String.raw`Komisj\p{L}* Europejsk\p{L}*`,
      String.raw`Evropsk\p{L}* komis\p{L}*`,
      String.raw`Europäische\p{L}* Kommission`,
      'Commission européenne',
      String.raw`Comisi\p{L}* Europe\p{L}*`,
    ].map((name) => name + NOT_A_FUND_AFTER),
  },
  // the Union's funds named together, with no fund's name ("ES fondu līdzekļi", "EU funds", "European funds",
  // "fonds européens"): the Union's money, the one EU fund the document names where it names one (extract.ts,
  // namedUnion); a name or "for …" after it names a fund of its own ("EU Solidarity Fund", "European Fund for …")
  {
    id: 'eu',
    kind: 'eu-fund',
    generic: true,
    exactPatterns: [String.raw`(?:ES|EU|UE)[\s-]+(?:struktūr|structural\s+)?(?:fond|fund)\p{L}*${UMBRELLA_AFTER}`],
    patterns: [
      String.raw`Eiropas Savienības (?:struktūr)?fond\p{L}*`,
      String.raw`European (?:Union )?(?:structural )?funds`,
      String.raw`Europos Sąjungos (?:struktūrin\p{L}* )?fond\p{L}*`,
      String.raw`fonds (?:structurels )?européens`,
      String.raw`fondi (?:strutturali )?europei`,
      String.raw`fondos (?:estructurales )?europeos`,
      String.raw`fundusz\p{L}* (?:strukturaln\p{L}* )?europejsk\p{L}*`,
      String.raw`europäische\p{L}* (?:Struktur)?fonds`,
      String.raw`fundos (?:estruturais )?europeus`,
      // the plural adjective only: "Evropský fond …", "evropského fondu" name one fund
      String.raw`evropsk(?:ých|é|ými|ým) (?:strukturální\p{L}* )?fond(?:ů|y|ech|ům)`,
      String.raw`európsk(?:ych|e|ymi|ym) (?:štrukturáln\p{L}* )?fond(?:ov|y|och|om|mi)`,
      String.raw`europsk(?:ih|i|im) (?:strukturn\p{L}* )?fond(?:ova|ovi|ovima)`,
      String.raw`(?:fondů|fondy|fondech|fondov|fondoch) (?:EU|EÚ|Evropské unie|Európskej únie)`,
    ].map((name) => name + UMBRELLA_AFTER),
  },
  // the bodies that pay out EU funds' money (managing, paying and intermediate bodies): the fund the document names
  // is what they pay (see extract.ts, namedUnion); they name no fund of their own
  {
    id: 'agency',
    kind: 'eu-fund',
    generic: true,
    abbreviations: ['CFLA', 'LIAA', 'ARiMR'],
    patterns: [
      String.raw`Lauku atbalsta dienest\p{L}*`,
      'Rural Support Service',
      String.raw`Centrāl\p{L}* finanšu un līgum\p{L}* aģentūr\p{L}*`,
      'Central Finance and Contracting Agency',
      String.raw`Latvijas Investīciju un attīstības aģentūr\p{L}*`,
      String.raw`(?:Latvian )?Investment and Development Agency(?: of Latvia)?`,
      String.raw`Nacionalin\p{L}* mokėjimo agentūr\p{L}*`,
      String.raw`Centrin\p{L}* projektų valdymo agentūr\p{L}*`,
      String.raw`Agencj\p{L}* Restrukturyzacji i Modernizacji Rolnictwa`,
      String.raw`Státní\p{L}* zemědělsk\p{L}* intervenční\p{L}* fond\p{L}*`,
      String.raw`Agence de services et de paiement`,
      String.raw`paying agency`,
      String.raw`maksājumu aģentūr\p{L}*`,
      String.raw`Zahlstelle`,
    ],
  },
  // the programme's grant named without its payer ("kwota dofinansowania", "finanțare nerambursabilă", "nenávratný
  // finančný príspevok"): the one EU fund the document names pays it (extract.ts, namedUnion), no payer without one
  {
    id: 'grant',
    kind: 'eu-fund',
    generic: true,
    names: {
      pl: ['(kwot*) dofinansowani*'],
      ro: ['finantar* nerambursabil*'],
      sk: ['nenavratn* financn* prispev*'],
      es: ['(importe de la) ayuda concedida|otorgada'],
    },
  },
  {
    id: 'public',
    kind: 'public',
    generic: true,
    names: {
      lv: ['publisk* finansejum*|lidzfinansejum*'],
      en: ['public funding|co-financing|contribution|funds'],
      lt: ['viesuj* les*'],
      pl: ['finansowani* publiczn*'],
    },
  },
  {
    id: 'erdf',
    kind: 'eu-fund',
    abbreviations: ['ERAF', 'ERDF', 'EFRE', 'FEDER', 'FESR', 'EFRR', 'ERF', 'EFRD', 'EFRO', 'EAKF', 'ERUF', 'ERPF'],
    exact: ['FEDR', 'ERFA', 'ЕФРР', 'EAKR', 'ESRR', 'EFRU', 'ΕΤΠΑ', 'FEŻR'],
    // with or without the Union's adjective: no other fund has the name
    names: {
      lv: ['(eirop*) region* attistib* fond*'],
      en: ['(europ*) regional development fund*'],
      de: ['(europ*) fonds für region* entwickl*', 'europ* regionalfond*'],
      fr: ['fonds europ* de developpement region*'],
      it: ['fond* europ* (di|per) svilupp* region*'],
      es: ['fondo europ* de desarrollo region*'],
      pt: ['fundo europ* de desenvolvimento region*'],
      lt: ['europ* regionin* pletr* fond*'],
      et: ['(euroop*) regionaalareng* fond*'],
      pl: ['(europejsk*) fundusz* rozwoj* regionaln*'],
      cs: ['evropsk* fond* pro region* rozvoj*', 'evropsk* fond* region* rozvoj*'],
      sk: ['europsk* fond* region* rozvoj*'],
      sl: ['evropsk* sklad* za region* razvoj*'],
      hr: ['europsk* fond* za region* razvoj*'],
      ro: ['fond* europ* (de|pentru) dezvoltar* region*'],
      hu: ['europ* regional* fejlesztes* alap*'],
      fi: ['(euroopan) aluekehitysrahast*'],
      sv: ['europ* region* utvecklingsfond*'],
      nl: ['europ* fonds voor region* ontwikkeling*'],
      da: ['europ* fond* for regionaludvikling*'],
      bg: ['европейск* фонд* за регионал* развити*'],
      ru: ['европейск* фонд* регионал* развити*'],
      el: ['ευρωπαικ* ταμει* περιφερειακ* αναπτυξ*'],
    },
  },
  {
    id: 'esf',
    kind: 'eu-fund',
    plus: true,
    abbreviations: ['ESF', 'FSE', 'EFS'],
    exact: ['ESZA', 'ЕСФ', 'ΕΚΤ'],
    names: {
      lv: ['eirop* social* fond*'],
      en: ['europ* social fund*'],
      de: ['europ* sozialfond*'],
      fr: ['fonds social europ*'],
      it: ['fond* social* europ*'],
      es: ['fondo social europ*'],
      pt: ['fundo social europ*'],
      lt: ['europ* socialin* fond*'],
      et: ['euroop* sotsiaalfond*'],
      pl: ['europejsk* fundusz* spoleczn*'],
      cs: ['evropsk* social* fond*'],
      sk: ['europsk* social* fond*'],
      sl: ['evropsk* social* sklad*'],
      hr: ['europsk* socijal* fond*'],
      ro: ['fond* social* europ*'],
      hu: ['europ* szocial* alap*'],
      fi: ['euroopan sosiaalirahast*'],
      sv: ['europ* socialfond*'],
      nl: ['europ* sociaal fonds'],
      da: ['europ* socialfond*'],
      bg: ['европейск* социал* фонд*'],
      el: ['ευρωπαικ* κοινωνικ* ταμει*'],
    },
  },
  {
    id: 'cf',
    kind: 'eu-fund',
    abbreviations: ['KF'],
    names: {
      lv: ['kohezij* fond*'],
      en: ['cohesion fund*'],
      de: ['kohasionsfond*'],
      fr: ['fonds de cohesion'],
      it: ['fond* di coesion*'],
      es: ['fondo de cohesion'],
      pt: ['fundo de coesao'],
      lt: ['sanglaud* fond*'],
      et: ['uhtekuuluvusfond*'],
      pl: ['fundusz* spojnosci'],
      cs: ['fond* soudrznost*'],
      sk: ['kohezn* fond*'],
      sl: ['kohezij* sklad*'],
      hr: ['kohezij* fond*'],
      ro: ['fond* de coeziun*'],
      hu: ['kohezios alap*'],
      fi: ['koheesiorahast*'],
      sv: ['sammanhallningsfond*'],
      nl: ['cohesiefonds'],
      da: ['samhorighedsfond*'],
      bg: ['кохезион* фонд*', 'фонд* за сближаване'],
      el: ['ταμει* συνοχ*'],
    },
  },
  {
    id: 'eafrd',
    kind: 'eu-fund',
    abbreviations: ['ELFLA', 'EAFRD', 'ELER', 'FEADER', 'FEASR', 'EFRROW', 'EZFRV', 'EPFRV', 'EŽŪFKP', 'MAEPF'],
    exact: ['FEADR', 'EMVA', 'ELFPO', 'EPFRR', 'EKSRP', 'ЕЗФРСР'],
    names: {
      // "Eiropas Lauksaimniecības fonds" without "lauku attīstībai" is the same fund: the guarantee fund says
      // "garantiju fonds"
      lv: ['eirop* lauksaimniecib* fond* (lauk* attistib*)'],
      en: ['europ* agricultur* fund* for rural development'],
      de: ['europ* landwirtschaftsfond* für die entwicklung des landlich* raum*'],
      fr: ['fonds europ* agricol* pour le developpement rural*'],
      it: ['fond* europ* agricol* per lo svilupp* rural*'],
      es: ['fondo europ* agricol* de desarrollo rural*'],
      pt: ['fundo europ* agricol* de desenvolvimento rural*'],
      lt: ['europ* zem* uki* fond* kaim* pletr*'],
      et: ['maaelu arengu euroopa pollumajandusfond*'],
      pl: ['europejsk* fundusz* roln* na rzecz rozwoj* obszar* wiejsk*'],
      cs: ['evropsk* zemedelsk* fond* pro rozvoj* venkov*'],
      sk: ['europsk* polnohospodarsk* fond* pre rozvoj* vidiek*'],
      sl: ['evropsk* kmetijsk* sklad* za razvoj* podezel*'],
      hr: ['europsk* poljoprivredn* fond* za ruraln* razvoj*'],
      ro: ['fond* europ* agricol* pentru dezvoltar* rural*'],
      hu: ['europ* mezogazdasag* videkfejlesztes* alap*'],
      fi: ['euroopan maaseudun kehittamisen maatalousrahast*', 'maaseuturahast*'],
      sv: ['europ* jordbruksfond* for landsbygdsutveckling*'],
      nl: ['europ* landbouwfonds voor plattelandsontwikkeling*'],
      bg: ['европейск* земеделск* фонд* за развити* на селск* район*'],
    },
    // LEADER, the fund's local measure, only as a payer's name ("LEADER programmas finansējums"): a "Leader projekts"
    // names no one
    patterns: [String.raw`LEADER(?=\s+(?:programm\p{L}*\s+|programs?\s+)?(?:${FUNDING})(?![\p{L}]))`],
  },
  // 2000–2006: the guidance section paid rural development; 2007–: the guarantee fund pays direct aid and markets
  {
    id: 'eaggf',
    kind: 'eu-fund',
    exact: ['EAGGF', 'ELVGF', 'FEOGA', 'EAGFL'],
    names: {
      lv: ['eirop* lauksaimniecib* virzib* un garantij* fond*'],
      en: ['europ* agricultur* guidance and guarantee fund*'],
      de: ['europ* ausrichtungs* und garantiefond* für die landwirtschaft'],
      fr: ["fonds europ* d'orientation et de garantie agricole"],
      pl: ['europejsk* fundusz* orientacji i gwarancji roln*'],
    },
  },
  {
    id: 'eagf',
    kind: 'eu-fund',
    exact: ['EAGF', 'ELGF', 'EGFL', 'FEAGA', 'EFRG'],
    names: {
      lv: ['eirop* lauksaimniecib* garantij* fond*'],
      en: ['europ* agricultur* guarantee fund*'],
      de: ['europ* garantiefond* für die landwirtschaft'],
      fr: ['fonds europ* agricole de garantie'],
      pl: ['europejsk* fundusz* rolnicz* gwarancji'],
      lt: ['europ* zem* uki* garantij* fond*'],
    },
  },
  {
    id: 'jtf',
    kind: 'eu-fund',
    abbreviations: ['JTF', 'TPF'],
    exact: ['FTJ', 'FST'],
    names: {
      lv: ['taisnig* parkartosan* fond*'],
      en: ['just transition fund*'],
      de: ['fonds für einen gerecht* ubergang*'],
      fr: ['fonds pour une transition juste'],
      it: ['fondo per una transizion* giust*'],
      es: ['fondo de transicion justa'],
      pt: ['fundo para uma transicao justa'],
      lt: ['teising* pertvark* fond*'],
      et: ['oiglase ulemineku fond*'],
      pl: ['fundusz* (na rzecz) sprawiedliw* transformacj*'],
      cs: ['fond* pro spravedliv* transformac*'],
      sk: ['fond* na spravodliv* transformaci*'],
      sl: ['sklad* za pravicn* prehod*'],
      hr: ['fond* za pravedn* tranzicij*'],
      ro: ['fond* pentru o tranziti* just*'],
      hu: ['meltanyos atmenet* alap*'],
      fi: ['oikeudenmukais* siirtyma* rahast*'],
      sv: ['fond* for en rattvis omstallning'],
      nl: ['fonds voor een rechtvaardige transitie'],
      bg: ['фонд* за справедлив* преход'],
    },
  },
  {
    id: 'rrf',
    kind: 'eu-fund',
    abbreviations: ['RRF', 'ANM'],
    exact: ['KPO', 'PNRR', 'NPOO'],
    names: {
      lv: ['atveselosan* (un noturib*) mehanism*|fond*|instrument*|plan*'],
      en: ['recovery and resilience facilit*|fund*|plan*'],
      de: ['aufbau* und resilienzfazilitat*'],
      fr: ['facilite pour la reprise et la resilience'],
      it: ['dispositiv* per la ripresa e la resilienza'],
      es: ['mecanismo de recuperacion y resiliencia'],
      pt: ['mecanismo de recuperacao e resiliencia', 'plano de recuperacao e resiliencia'],
      lt: ['ekonomik* gaivinim* ir atsparum* didinim* priemon*'],
      et: ['taaste* ja vastupidavus* rahastu*'],
      pl: ['instrument* na rzecz odbudow* i zwiekszani* odpornosc*', 'krajow* plan* odbudow*'],
      cs: ['nastroj* pro oziveni a odolnost', 'narodni* plan* obnov*'],
      sk: ['mechanizm* na podporu obnov* a odolnost*', 'plan* obnov* a odolnost*'],
      sl: ['mehanizem za okrevanje in odpornost'],
      hr: ['mehanizam za oporavak i otpornost'],
      ro: ['mecanism* de redresare si rezilienta', 'planul national de redresare si rezilienta'],
      hu: ['helyreallitas* es rezilienci* eszkoz*'],
      fi: ['elpymis* ja palautumistu*'],
      sv: ['faciliteten for aterhamtning och resiliens'],
      nl: ['herstel* en veerkrachtfaciliteit*'],
      bg: ['механизъм за възстановяване и устойчивост'],
    },
  },
  // 2014–2020 (EMFF), then with aquaculture in its name (EMFAF, 2021–2027); the fisheries fund of 2007–2013 (EFF)
  {
    id: 'emff',
    kind: 'eu-fund',
    exact: ['EMFF', 'EJZF', 'FEAMP', 'FEMP', 'EFMR', 'EJRŽF', 'EMKF', 'ENRF', 'EMKR', 'EHFF', 'ETHA', 'EFPR', 'ESPR'],
    names: {
      lv: ['eirop* jurliet* un zivsaimniecib* fond*'],
      en: ['europ* maritime and fisheries fund*'],
      de: ['europ* meeres* und fischereifond*'],
      fr: ['fonds europ* pour les affaires maritim* et la peche'],
      it: ['fondo europ* per gli affari marittimi e la pesca'],
      es: ['fondo europ* maritimo y de pesca'],
      pt: ['fundo europ* dos assuntos maritimos e das pescas'],
      lt: ['europ* juru reikalu ir zuvininkyst* fond*'],
      et: ['euroop* merendus* ja kalandusfond*'],
      pl: ['europejsk* fundusz* morsk* i ryback*'],
      cs: ['evropsk* namorn* a rybarsk* fond*'],
      sk: ['europsk* namorn* a rybarsk* fond*'],
      sl: ['evropsk* sklad* za pomorstvo in ribistvo'],
      hr: ['europsk* fond* za pomorstvo i ribarstvo'],
      ro: ['fond* europ* pentru pescuit si afaceri maritim*'],
      hu: ['europ* tengerugyi es halaszati alap*'],
      fi: ['euroopan meri* ja kalatalousrahast*'],
      sv: ['europ* havs* och fiskerifond*'],
      nl: ['europ* fonds voor maritieme zaken en visserij'],
      bg: ['европейск* фонд* за морско дело и рибарство'],
    },
  },
  {
    id: 'emfaf',
    kind: 'eu-fund',
    abbreviations: ['EMFAF', 'EJZAF'],
    exact: ['FEAMPA', 'FEMPA', 'EFMRA', 'EJRŽAF', 'EMKVF', 'ENRAF', 'EMKVR', 'EHFVF', 'ETHAA', 'EFPRA', 'ESPRA'],
    names: {
      lv: ['eirop* jurliet* zvejniecib* un akvakultur* fond*'],
      en: ['europ* maritime fisheries and aquaculture fund*'],
      de: ['europ* meeres* fischerei* und aquakulturfond*'],
      fr: ["fonds europ* pour les affaires maritim* la peche et l'aquacultur*"],
      it: ["fondo europ* per gli affari marittimi la pesca e l'acquacoltur*"],
      es: ['fondo europ* maritimo de pesca y de acuicultura'],
      pt: ['fundo europ* dos assuntos maritimos das pescas e da aquicultura'],
      lt: ['europ* juru reikalu zvejybos ir akvakultur* fond*'],
      et: ['euroop* merendus* kalandus* ja vesiviljelusfond*'],
      pl: ['europejsk* fundusz* morsk* ryback* i akwakultur*'],
      cs: ['evropsk* namorn* rybarsk* a akvakulturn* fond*'],
      sl: ['evropsk* sklad* za pomorstvo ribistvo in akvakultur*'],
      hr: ['europsk* fond* za pomorstvo ribarstvo i akvakultur*'],
      ro: ['fond* europ* pentru afaceri maritime pescuit si acvacultur*'],
      hu: ['europ* tengerugyi halaszati es akvakultura* alap*'],
      fi: ['euroopan meri* kalatalous* ja vesiviljelyrahast*'],
      sv: ['europ* havs* fiskeri* och vattenbruksfond*'],
      nl: ['europ* fonds voor maritieme zaken visserij en aquacultuur'],
      bg: ['европейск* фонд* за морско дело рибарство и аквакултур*'],
    },
  },
  {
    id: 'eff',
    kind: 'eu-fund',
    exact: ['EFF', 'EZF'],
    names: {
      lv: ['eirop* zivsaimniecib* fond*'],
      en: ['europ* fisheries fund*'],
      de: ['europ* fischereifond*'],
      fr: ['fonds europ* pour la peche'],
      pl: ['europejsk* fundusz* ryback*'],
      lt: ['europ* zuvininkyst* fond*'],
      et: ['euroop* kalandusfond*'],
    },
  },
  {
    id: 'interreg',
    kind: 'eu-fund',
    patterns: [String.raw`Interreg(?:[\s\p{L}–-]{0,60}?programm\p{L}*)?(?:\s(?:${FUNDING}))?`],
    // European Territorial Cooperation, the goal Interreg's programmes serve
    names: {
      lv: ['eirop* teritorial* sadarbib*'],
      en: ['europ* territorial cooperation', 'europ* territorial co-operation'],
      de: ['europ* territorial* zusammenarbeit*'],
      fr: ['cooperation territorial* europ*'],
      it: ['cooperazion* territorial* europ*'],
      es: ['cooperacion territorial europea'],
      pt: ['cooperacao territorial europeia'],
      lt: ['europ* teritorin* bendradarbiavim*'],
      et: ['euroopa territoriaal* koostoo*'],
      pl: ['europejsk* wspolprac* terytorialn*'],
      cs: ['evropsk* uzemn* spoluprac*'],
      sk: ['europsk* uzemn* spoluprac*'],
      ro: ['cooperar* teritorial* europ*'],
      hu: ['europ* teruleti egyuttmukodes*'],
    },
  },
  // the neighbourhood instruments' cross-border programmes: ENPI (2007–2013), ENI (2014–2020), NDICI (2021–2027)
  {
    id: 'enpi',
    kind: 'eu-fund',
    exact: ['ENPI', 'EKPI', 'EKPP', 'EISP', 'ЕИСП', 'IEVP'],
    names: {
      lv: ['eirop* kaiminattiecib* un partnerib* instrument*'],
      en: ['europ* neighbourhood|neighborhood and partnership instrument*'],
      de: ['europ* nachbarschafts* und partnerschaftsinstrument*'],
      fr: ['instrument europ* de voisinage et de partenariat'],
      lt: ['europ* kaimynyst* ir partneryst* priemon*'],
      et: ['euroop* naabrus* ja partnerlusinstrument*'],
      pl: ['europejsk* instrument* sasiedztwa i partnerstwa'],
      fi: ['euroopan naapuruus* ja kumppanuusvalin*'],
      ru: ['европейск* инструмент* соседства и партнерства'],
    },
  },
  {
    id: 'eni',
    kind: 'eu-fund',
    exact: ['ENI', 'ЕИС'],
    names: {
      lv: ['eirop* kaiminattiecib* instrument*'],
      en: ['europ* neighbourhood|neighborhood instrument*'],
      de: ['europ* nachbarschaftsinstrument*'],
      fr: ['instrument europ* de voisinage'],
      lt: ['europ* kaimynyst* priemon*'],
      et: ['euroop* naabruspoliitika instrument*', 'euroop* naabrusinstrument*'],
      pl: ['europejsk* instrument* sasiedztwa'],
      fi: ['euroopan naapuruusvalin*'],
      ru: ['европейск* инструмент* соседства'],
    },
  },
  {
    id: 'ndici',
    kind: 'eu-fund',
    exact: ['NDICI'],
    names: {
      en: ['neighbourhood|neighborhood development and international cooperation instrument*'],
      lv: ['kaiminattiecib* attistib* un starptautisk* sadarbib* instrument*'],
    },
  },
  // the pre-accession instruments: IPA (2007–), and PHARE, ISPA and SAPARD before it (2000–2006)
  {
    id: 'ipa',
    kind: 'eu-fund',
    exact: ['IPA', 'IPA II', 'IPA III', 'ИПП'],
    names: {
      lv: ['pirmspievienosanas palidzib* instrument*'],
      en: ['instrument for pre-accession assistance', 'pre-accession assistance instrument*'],
      de: ['instrument* für heranfuhrungshilfe'],
      fr: ["instrument* d'aide de preadhesion"],
      it: ['strument* di assistenza preadesione'],
      pl: ['instrument* pomocy przedakcesyjnej'],
      cs: ['nastroj* predvstupni pomoci'],
      sk: ['nastroj* predvstupovej pomoci'],
      sl: ['instrument* za predpristopno pomoc'],
      hr: ['instrument* pretpristupne pomoci'],
      ro: ['instrument* de asistenta pentru preaderare'],
      hu: ['elocsatlakozasi tamogatasi eszkoz*'],
      bg: ['инструмент* за предприсъединителна помощ'],
    },
  },
  { id: 'phare', kind: 'eu-fund', exact: ['PHARE', 'Phare'] },
  { id: 'ispa', kind: 'eu-fund', exact: ['ISPA'] },
  { id: 'sapard', kind: 'eu-fund', exact: ['SAPARD', 'Sapard'] },
  // the grants of Iceland, Liechtenstein and Norway (EEA) and of Norway alone: no EU funds
  {
    id: 'eea-norway-grants',
    kind: 'public',
    names: {
      en: ['eea and norway grant*'],
      lv: ['eez un norvegij* finans* instrument*'],
      lt: ['eee ir norvegij* finansin* mechanizm*'],
      pl: ['fundusz* eog i norwesk*'],
    },
  },
  {
    id: 'eea-grants',
    kind: 'public',
    names: {
      en: ['eea grant*', 'eea financial mechanism*', 'europ* economic area grant*|financial mechanism*'],
      lv: ['eez finans* instrument*', 'eirop* ekonomik* zon* finans* instrument*', 'eez grant*'],
      lt: ['eee finansin* mechanizm*', 'europ* ekonomin* erdv* finansin* mechanizm*'],
      et: ['euroopa majanduspiirkonna finantsmehhanism*', 'emp toetus*', 'emp finantsmehhanism*'],
      pl: ['mechanizm* finansow* eog', 'mechanizm* finansow* europejsk* obszar* gospodarcz*', 'fundusz* eog'],
      cs: ['fond* ehp', 'financni* mechanism* ehp'],
      sk: ['financn* mechanizm* ehp', 'grant* ehp'],
      de: ['ewr finanzierungsmechanism*', 'finanzierungsmechanism* des ewr'],
      ro: ['mecanism* financiar* see', 'granturi* see'],
      pt: ['mecanismo financeiro do eee'],
      es: ['mecanismo financiero del eee'],
      it: ['meccanism* finanziari* see'],
      fr: ["mecanisme financier de l'eee"],
      hu: ['egt finanszirozasi mechanizmus*'],
      hr: ['financijsk* mehanizm* eqp'],
      sl: ['financn* mehanizem eqp'],
      bg: ['финансов* механизъм на еип'],
    },
  },
  {
    id: 'norway-grants',
    kind: 'public',
    names: {
      en: ['norway grant*', 'norwegian financial mechanism*'],
      lv: ['norvegij* finans* instrument*', 'norvegij* grant*'],
      lt: ['norvegij* finansin* mechanizm*'],
      et: ['norra finantsmehhanism*', 'norra toetus*'],
      pl: ['norwesk* mechanizm* finansow*', 'fundusz* norwesk*'],
      cs: ['norsk* fond*', 'norsk* financni* mechanism*'],
      sk: ['norsk* financn* mechanizm*', 'norsk* grant*'],
      de: ['norweg* finanzierungsmechanism*'],
      ro: ['mecanism* financiar* norvegian*', 'granturi* norvegien*'],
      hu: ['norveg* finanszirozasi mechanizmus*'],
      hr: ['norvesk* financijsk* mehanizm*'],
      sl: ['norvesk* financn* mehanizem'],
      bg: ['норвежк* финансов* механизъм*'],
    },
  },
  {
    id: 'swiss-contribution',
    kind: 'public',
    names: {
      en: ['swiss contribution*', 'swiss (~) cooperation programme*|program*'],
      lv: ['sveic* (~) sadarbib* programm*', 'sveic* finansial* ieguldijum*|atbalst*'],
      de: ['schweizer* beitrag*', 'schweizer* erweiterungsbeitrag*'],
      pl: ['szwajcarsk* (~) program* wspolprac*'],
      lt: ['sveicarij* (~) bendradarbiavim* program*'],
      et: ['sveits* (~) koostooprogramm*'],
      cs: ['svycarsk* (~) program* spoluprac*', 'svycarsk* fond*'],
      sk: ['svajciarsk* financn* mechanizm*', 'svajciarsk* (~) program* spoluprac*'],
      hu: ['svajci* (~) egyuttmukodesi program*'],
      ro: ['program* de cooperare elvetian*'],
      sl: ['svicarsk* prispev*'],
      hr: ['svicarsk* (~) program* suradnj*'],
      bg: ['швейцарск* програм* за сътрудничеств*'],
    },
  },
  // LIFE as a word in capitals is also "QUALITY OF LIFE": only before a programme's or a funding word, or after one
  {
    id: 'life',
    kind: 'eu-fund',
    exactPatterns: [
      String.raw`LIFE\+?(?=[\s-]+(?:\d|[Pp]rogram|[Pp]rojekt|[Pp]roject|[Ff]inans|[Ff]und|[Cc]o-financ|[Gg]rant|` +
        String.raw`[Cc]ontribution|[Ff]inanz|[Ff]inanc|[Ll]īdzfinans|[Ll]īdzekļ)|\s*\))`,
      String.raw`LIFE\+?(?<=(?:[Pp]rogram\p{L}*|[Pp]rogramme|[Pp]rogramu)\sLIFE\+?)`,
    ],
  },
  {
    id: 'horizon',
    kind: 'eu-fund',
    exact: ['FP7', '7PP'],
    names: {
      en: ['horizon 2020|europe', 'seventh|7th framework programme*'],
      lv: ['apvarsn* 2020|eirop*', 'sept* ietvarprogramm*'],
      de: ['horizont 2020|europa', 'siebt* forschungsrahmenprogramm*'],
      fr: ['horizon 2020|europe', 'septieme programme-cadre'],
      it: ['orizzonte 2020|europa'],
      es: ['horizonte 2020|europa'],
      pt: ['horizonte 2020|europa'],
      lt: ['horizont* 2020|europa'],
      et: ['horisont 2020|euroopa'],
      pl: ['horyzont 2020|europa'],
      cs: ['horizont 2020|evropa'],
      sk: ['horizont 2020|europa'],
      sl: ['obzorje 2020|evropa'],
      hr: ['obzor 2020|europa'],
      ro: ['orizont 2020|europa'],
      hu: ['horizont 2020|europa'],
      fi: ['horisontti 2020|eurooppa'],
      sv: ['horisont 2020|europa'],
      nl: ['horizon 2020|europa'],
      bg: ['хоризонт 2020|европа'],
    },
  },
  { id: 'erasmus', kind: 'eu-fund', plus: true, names: { en: ['erasmus (mundus)'] } },
  // home affairs: the asylum fund, the internal security fund and the border instrument (2014–2027)
  {
    id: 'amif',
    kind: 'eu-fund',
    exact: ['AMIF', 'PMIF', 'FAMI', 'VRIF', 'MMIA'],
    names: {
      lv: ['patverum* migracij* (un) integracij* fond*'],
      en: ['asylum migration and integration fund*'],
      de: ['asyl* migrations* und integrationsfond*'],
      fr: ['fonds asile migration et integration'],
      it: ['fondo asilo migrazione e integrazione'],
      es: ['fondo de asilo migracion e integracion'],
      pt: ['fundo para o asilo a migracao e a integracao'],
      pl: ['fundusz* azyl* migracj* i integracj*'],
      lt: ['prieglobst* migracij* ir integracij* fond*'],
      et: ['varjupaiga* rande* ja integratsioonifond*'],
      cs: ['azylov* migracni* a integracni* fond*'],
      sk: ['azylov* migracn* a integracn* fond*'],
      sl: ['sklad* za azil migracij* in vkljucevanj*'],
      hr: ['fond* za azil migracij* i integracij*'],
      ro: ['fond* pentru azil migratie si integrare'],
      hu: ['menekultugy* migracios es integracios alap*'],
      fi: ['turvapaikka* maahanmuutto* ja kotouttamisrahast*'],
      sv: ['asyl* migrations* och integrationsfond*'],
      nl: ['asiel* migratie* en integratiefonds*'],
      bg: ['фонд* убежище миграция и интеграция'],
    },
  },
  {
    id: 'isf',
    kind: 'eu-fund',
    exact: ['ISF'],
    names: {
      lv: ['iekse* drosib* fond*'],
      en: ['internal security fund*'],
      de: ['fonds für die innere sicherheit'],
      fr: ['fonds pour la securite interieure'],
      it: ['fondo sicurezza interna'],
      es: ['fondo de seguridad interior'],
      pt: ['fundo para a seguranca interna'],
      pl: ['fundusz* bezpieczenstwa wewnetrzn*'],
      lt: ['vidaus saugum* fond*'],
      et: ['sisejulgeolekufond*'],
      cs: ['fond* pro vnitrni bezpecnost'],
      sk: ['fond* pre vnutorn* bezpecnost*'],
      sl: ['sklad* za notranjo varnost'],
      hr: ['fond* za unutarnj* sigurnost*'],
      ro: ['fond* pentru securitate interna'],
      hu: ['belso biztonsag* alap*'],
      fi: ['sisaisen turvallisuuden rahast*'],
      sv: ['fond* for inre sakerhet'],
      nl: ['fonds voor interne veiligheid'],
      bg: ['фонд* вътрешна сигурност'],
    },
  },
  {
    id: 'bmvi',
    kind: 'eu-fund',
    exact: ['BMVI'],
    names: {
      lv: ['robez* parvaldib* (un) viz*'],
      en: ['border management and visa*'],
      de: ['grenzmanagement* und visa*'],
      fr: ['gestion des frontieres et (de la politique) des visas'],
      it: ['gestione delle frontiere e (la politica dei) visti'],
      es: ['gestion de fronteras y (la politica de) visados'],
      pl: ['zarzadzani* granic* i polityk* wizow*'],
      lt: ['sien* valdym* ir viz*'],
      et: ['piirihalduse ja viisa*'],
      cs: ['sprav* hranic* a vizov*'],
      ro: ['management* frontier* si viz*'],
      hu: ['integralt hatarigazgatas*'],
    },
  },
  {
    id: 'cef',
    kind: 'eu-fund',
    exact: ['CEF', 'EISI', 'MIE', 'EITP'],
    names: {
      lv: ['eirop* infrastruktur* savienosan* instrument*'],
      en: ['connecting europe facility', 'connecting europe'],
      de: ['fazilitat connecting europe'],
      fr: ["mecanisme pour l'interconnexion en europe"],
      it: ["meccanismo per collegare l'europa"],
      es: ['mecanismo conectar europa'],
      pt: ['mecanismo interligar a europa'],
      pl: ['instrument* lacz* europ*'],
      lt: ['europ* infrastruktur* tinkl* priemon*'],
      et: ['euroopa uhendamise rahastu*'],
      cs: ['nastroj* pro propojeni evropy'],
      sk: ['nastroj* na prepajani* europy'],
      sl: ['instrument* za povezovanje evrope'],
      hr: ['instrument* za povezivanje europe'],
      ro: ['mecanism* pentru interconectarea europei'],
      hu: ['europai halozatfinanszirozasi eszkoz*'],
      fi: ['verkkojen eurooppa* valine*'],
      sv: ['fonden for ett sammanlankat europa'],
      nl: ['financieringsfaciliteit voor connecting europe'],
      bg: ['механизъм* за свързване на европа'],
    },
  },
  {
    id: 'eusf',
    kind: 'eu-fund',
    exact: ['EUSF'],
    names: {
      lv: ['eirop* savienib* solidaritat* fond*'],
      en: ['europ* union solidarity fund*'],
      de: ['solidaritatsfond* der europ* union'],
      fr: ["fonds de solidarite de l'union europeenne"],
      pl: ['fundusz* solidarnosci unii europejsk*'],
    },
  },
  {
    id: 'state',
    kind: 'automatic-public',
    patterns: [
      String.raw`valsts(?=\s*(?:[–—:-]\s*)?\d)`,
      'Landesmittel',
      String.raw`l['’]État`,
      'Stato',
      // "from the Government", "the Irish Government's contribution": the state; a local or regional one is not
      String.raw`(?<!(?:local|regional|city|county|provincial|municipal|devolved)\s+)government`,
    ],
    names: {
      lv: [
        'valsts finansejum*|lidzfinansejum*|dotacij*|atbalst*|budzet*|lidzekl*|ieguldijum*',
        'valsts budzet* dotacij*|finansejum*|lidzfinansejum*|lidzekl* (pasvaldibam)',
        // an earmarked grant is the state budget's ("valsts budžeta mērķdotācija", "the earmarked subsidy")
        'merkdotacij*',
      ],
      en: [
        'state budget* (subsidy|funding|co-financing)',
        'state subsid*|funding|grant*',
        'earmarked|targeted subsid*|grant*',
        'exchequer',
      ],
      lt: ['valstyb* biudzet* (les*)'],
      et: ['riigieelarve*', 'riigi eelarve*'],
      pl: ['budzet* panstw*'],
      // and the state's funds by their purpose (`Státní fond životního prostředí`, `Environmentálny fond`)
      cs: [
        'statni* rozpoc*',
        'statni* fond* zivotni* prostredi*',
        'statni* fond* dopravni* infrastruktur*',
        'statni* fond* kultur*',
        'statni* fond* rozvoj* bydleni*',
        'statni* fond* podpor* investic*',
      ],
      sk: ['statn* rozpoc*', 'environmentaln* fond*', 'statn* fond* rozvoj* byvani*'],
      ro: ['buget* de stat', 'bugetul statului'],
      bg: ['държавн* бюджет*'],
      hr: ['drzavn* proracun*'],
      sl: ['drzavn* proracun*'],
      hu: ['kozponti koltsegvetes*'],
      ru: ['государствен* бюджет*'],
      de: ['staatshaushalt*', 'bundeshaushalt*', 'landeshaushalt*'],
      fi: ['valtion talousarvio*|rahoitus*|avustus*', 'valtionavustus*|valtionrahoitus*'],
      sv: ['statlig* budgetbidrag*|bidrag*|medel|stod*|finansiering', 'statsbudget*'],
      nl: ['rijksbegroting', 'rijksbijdrage*'],
      pt: ['orcamento de|do estado'],
      es: ['presupuestos generales del estado'],
      it: ['bilancio dello stato'],
      fr: ["budget de l'etat"],
    },
    // a ministry pays from the state's budget: "Zemkopības ministrija", "the Ministry of Education and Research",
    // "Ministerstvo pro místní rozvoj", "Bundesministerium für Bildung und Forschung"
    exactPatterns: [
      String.raw`(?:(?:[Tt]he|[Ff]ederal|[Nn]ational) )?[Mm]inistry (?:of|for) (?:the )?\p{Lu}[\p{L}-]*` +
        String.raw`(?:,?(?: (?:and|for|of|&))* \p{Lu}[\p{L}-]*)*`,
      String.raw`(?:\p{Lu}\p{Ll}*)?[Mm]inisterium` +
        String.raw`(?: (?:für|des|der)(?:,? (?:und|für|des|der|die|das|\p{Lu}[\p{L}-]*))* \p{Lu}[\p{L}-]*)?`,
      String.raw`[Mm]inisterstw\p{L}*(?: \p{Lu}[\p{L}-]*(?: i| oraz)?)*(?: \p{Lu}[\p{L}-]*)?`,
      String.raw`(?:\p{Lu}\p{Ll}*)?[Mm]inisteeri\p{L}*`,
      String.raw`(?:\p{Lu}\p{Ll}*)?[Mm]iniszt[eé]ri\p{L}*`,
      String.raw`[Мм]инистерств\p{L}*`,
    ],
  },
  // the ministries by their head noun, in any case; the patterns above take the words of a head-initial name
  {
    id: 'state',
    kind: 'automatic-public',
    names: {
      lv: ['ministrij*'],
      en: ['ministry of|for ~'],
      lt: ['ministerij*'],
      et: ['ministeerium*'],
      pl: ['ministerstw*'],
      de: ['ministerium*', 'bundesministerium*', 'landesministerium*'],
      fr: ['ministere'],
      it: ['ministero'],
      es: ['ministerio'],
      pt: ['ministerio'],
      cs: ['ministerstv*'],
      sk: ['ministerstv*'],
      sl: ['ministrstv*'],
      hr: ['ministarstv*'],
      ro: ['ministerul*'],
      hu: ['miniszterium*'],
      fi: ['ministerio*'],
      nl: ['ministerie*'],
      bg: ['министерств*'],
    },
  },
  // the Slovak state budget abbreviated, after "zo" (from): "zo ŠR", "zo ŠR SR"; matched folded, so "SR" alone (the
  // Slovak Republic) only there
  { id: 'state', kind: 'automatic-public', exactPatterns: [String.raw`(?<=(?:^|[^\p{L}])zo )ŠR(?: SR)?`] },
  // a German federal state by its name ("Land Brandenburg", "des Landes Sachsen"): in its own case, as "land" is a cost
  { id: 'state', kind: 'automatic-public', exactPatterns: [String.raw`Land(?:es)? \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`] },
  {
    id: 'national',
    kind: 'public',
    patterns: [
      String.raw`nacionāl\p{L}* (?:publisk\p{L}* )?(?:līdz)?finansējum\p{L}*`,
      String.raw`national (?:public )?(?:co-financing|contribution|funding|funds)`,
      'Bundesmittel',
      String.raw`nationale (?:Kofinanzierung|Mittel)`,
      String.raw`(?:co)?financement national`,
      String.raw`(?:co)?finanziamento nazionale`,
      String.raw`(?:co)?financiación nacional`,
      String.raw`nacionalin\p{L}* lėš\p{L}*`,
      String.raw`národní\p{L}* (?:veřejn\p{L}* )?(?:spolufinancování|zdroj\p{L}*|prostředk\p{L}*)`,
      String.raw`cofinanțar\p{L}* național\p{L}*`,
      String.raw`contribuți\p{L}* național\p{L}*`,
      String.raw`krajow\p{L}* (?:wkład\p{L}* )?(?:publiczn\p{L}* )?(?:wkład\p{L}*|współfinansowani\p{L}*|środk\p{L}*)`,
      String.raw`wkład\p{L}* krajow\p{L}*`,
      String.raw`национал\p{L}* (?:публичн\p{L}* )?(?:съфинансиран\p{L}*|софинансирован\p{L}*|` +
        String.raw`финансиран\p{L}*|средства)`,
      String.raw`nacionaln\p{L}* (?:javn\p{L}* )?sofinanc\p{L}*`,
    ],
  },
  {
    id: 'municipal',
    kind: 'public',
    patterns: [
      // a council named by its place: "Valkas novada dome", "pilsētas domes", in every case
      String.raw`(?:\p{Lu}\p{L}+ )?(?:novada|pilsētas|valstspilsētas|pagasta) dom(?:e|es|ei|i|` +
        String.raw`ē)(?: (?:līdz)?finansējum\p{L}*| budžet\p{L}*)?`,
      String.raw`domes (?:līdz)?finansējum\p{L}*`,
      String.raw`obc[eií]`,
      String.raw`obec`,
      String.raw`měst(?:a|o|ě|em|u)`,
      String.raw`Gemeinden?`,
      String.raw`Stadt`,
      String.raw`Kommunen?`,
      String.raw`[Cc]omunal\p{L}*`,
      // a place's council; "the Research Council" is a named body, not the municipality
      String.raw`(?:city|town|borough|district|parish|county|municipal|local) council`,
      String.raw`(?<=(?:the|a) )council`,
      'commune',
      'municipalité',
      'Comune',
      'Ayuntamiento',
      'municipio',
      // the mayor's office; not "primarily"
      String.raw`primări(?:a|ei|e|ile|ilor)`,
      // the Nordic municipality in its case forms, whole: "kommun" is also the start of "kommunikation"
      'kommun(?:en|ens|s|er|erna)?',
      'kunta|kunnan|kunnalta|kunnat|kuntien|kunnille|kunnalle',
    ],
    names: {
      lv: ['pasvaldib*', 'pasvaldib* finansejum*|lidzfinansejum*|budzet*|lidzekl*'],
      en: ['municipalit*', 'municipal (co-financing|funding|contribution|budget)', 'local government*|authorit*'],
      lt: ['savivaldyb* (les*)'],
      et: ['omavalitsus*', 'vallavalitsus*', 'linnavalitsus*'],
      pl: ['gmin*', 'miast*'],
      sl: ['obcin*'],
      hr: ['opcin*'],
      ro: ['consiliul* local*', 'administrati* local*'],
      hu: ['onkormanyzat*'],
      nl: ['gemeente*'],
      bg: ['общин*'],
      ru: ['муниципал*'],
    },
  },
  {
    id: 'private',
    kind: 'private',
    patterns: ['private', String.raw`(?:fonds|financement) privés?`],
    names: {
      lv: [
        'privat* finansejum*|lidzfinansejum*|lidzekl*|investicij*',
        // a payer's adjective on the costs it bears ("privātās neattiecināmās izmaksas"): its share, not a total
        'privat* (neattiecinam*|attiecinam*) izmaks*',
      ],
      en: [
        'private (non-eligible|noneligible|ineligible|eligible) cost*|expenditure',
        'private co-financing|funding|contribution|funds|investment*|sector|investor*',
      ],
      de: ['privat* mittel', 'privat* finanzierung*'],
      it: ['fondi privati', 'capitale privato'],
      es: ['fondos privados', 'financiacion privada', 'aportacion privada'],
      pt: ['fundos privados', 'investimento privado'],
      lt: ['privat* les*'],
      pl: ['srodk* prywatn*', 'wklad* prywatn*'],
      cs: ['soukrom* zdroj*|prostredk*'],
      sk: ['sukromn* zdroj*'],
      sl: ['zasebn* sredstv*'],
      hr: ['privatn* sredstv*'],
      ro: ['surs* privat*', 'fonduri* privat*'],
      hu: ['maganforras*'],
      fi: ['yksityi* rahoitus*'],
      sv: ['privat* finansiering|medel'],
      nl: ['private middelen'],
      bg: ['частн* средств*'],
    },
  },
  {
    id: 'own-funds',
    kind: 'public',
    names: {
      lv: ['pasu lidzekl*|finansejum*|ieguldijum*'],
      en: ['own fund*|contribution*|resource*|financing'],
      de: ['eigenmittel*', 'eigenanteil*'],
      fr: ['fonds propres', 'autofinancement', 'apport* propre*'],
      it: ['fondi propri', 'risorse proprie'],
      es: ['fondos propios', 'recursos propios'],
      pt: ['fundos proprios', 'capitais proprios'],
      lt: ['nuosav* les*'],
      et: ['omafinantseering*', 'omavahend*'],
      pl: ['wklad* wlasn*', 'srodk* wlasn*'],
      cs: ['vlastni* zdroj*|prostredk*|podil*'],
      sk: ['vlastn* zdroj*'],
      sl: ['lastn* sredstv*'],
      hr: ['vlastit* sredstv*'],
      ro: ['surs* propri*'],
      hu: ['onero*'],
      fi: ['omarahoitus*', 'oma rahoitus*'],
      sv: ['egen finansiering|insats', 'egna medel'],
      nl: ['eigen bijdrage*|middelen'],
      bg: ['собствен* средств*|принос*'],
      ru: ['собствен* средств*|вклад*'],
    },
  },
];

/**
 * A letter of an ending, on the folded text: Latin, Greek and Cyrillic. A small class where `\p{L}` is a large one
 * compiled at each of the lexicon's hundreds of stems; a letter outside it ends no name (the edge test after a name
 * still sees every letter), so a name is missed rather than misread.
 */
const LETTER = String.raw`[a-zA-Z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]`;
const SEPARATOR = String.raw`[\s,\-‐‑–"„“”«»]+`;
/**
 * A word as a pattern in both cases, letter by letter (`[fF][oO][nN][dD]`): matched without the `i` flag, whose
 * Unicode case folding of every `\p{L}` made the lexicon ten times slower to compile.
 */
function literal(word: string): string {
  let out = '';
  for (const c of word) {
    const lower = c.toLowerCase();
    const upper = c.toUpperCase();
    if (c === "'" || c === '’') out += "['’]";
    else if (lower !== upper && upper.length === 1 && lower.length === 1) out += `[${lower}${upper}]`;
    else out += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}

/** One word of a name: `stem*` any ending, `a|b` either, `~` any word; folded, as the text it is matched on is. */
function wordPattern(word: string): string {
  if (word === '~') return `${LETTER}+`;
  const forms = fold(word.toLowerCase())
    .split('|')
    .map((form) => (form.endsWith('*') ? `${literal(form.slice(0, -1))}${LETTER}*` : literal(form)));
  return forms.length === 1 ? (forms[0] ?? '') : `(?:${forms.join('|')})`;
}

/** A name's words in sequence, `(…)` optional: the pattern's body. */
export function namePattern(name: string): string {
  const parts = name.match(/\([^)]*\)|\S+/g) ?? [];
  let started = false;
  return parts
    .map((part) => {
      const optional = part.startsWith('(');
      const body = (optional ? part.slice(1, -1) : part).split(' ').filter(Boolean).map(wordPattern).join(SEPARATOR);
      // optional words before the first word that must be there carry the separator after them, the others before
      if (optional) return started ? `(?:${SEPARATOR}${body})?` : `(?:${body}${SEPARATOR})?`;
      const lead = started ? SEPARATOR : '';
      started = true;
      return lead + body;
    })
    .join('');
}

/** The letters a name's first word can start with (folded, both cases), or undefined when any can (`~`). */
function firstLetters(name: string): string | undefined {
  let letters = '';
  for (const part of name.match(/\([^)]*\)|\S+/g) ?? []) {
    const optional = part.startsWith('(');
    const word = (optional ? part.slice(1, -1) : part).split(' ')[0] ?? '~';
    if (word === '~') return undefined;
    for (const form of fold(word.toLowerCase()).split('|')) {
      const c = form.charAt(0);
      letters += escapeClass(c) + (c.toUpperCase().length === 1 ? escapeClass(c.toUpperCase()) : '');
    }
    if (!optional) return letters;
  }
  return letters;
}
const escapeClass = (c: string) => c.replace(/[\]\\^-]/g, '\\$&');

/**
 * An entry's patterns: one of its names and abbreviations (the names and `abbreviations` in both cases, the `exact`
 * ones in their own), and one of its `patterns`, in any case.
 */
function compile(entry: SourceEntry): SourcePattern[] {
  const { id, kind, generic } = entry;
  const plus = entry.plus ? String.raw`(?:\s?\+|\s+${literal('plus')})?` : '';
  const abbreviations = (entry.abbreviations ?? []).map((a) => literal(fold(a)));
  const exact = (entry.exact ?? []).map((a) => fold(a).replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const own = [...abbreviations, ...exact];
  // an abbreviation in brackets after the name is part of it: "Eiropas Reģionālās attīstības fonda (ERAF)"
  const bracket = own.length > 0 ? String.raw`(?:\s*[(\[]\s*(?:${own.join('|')})\s*[)\]])?` : '';
  const all = Object.values(entry.names ?? {}).flat();
  // the names of most words first: alternatives are tried in order, and a longer name must win over its start
  const words = (name: string) => name.split(' ').length;
  const names = [...all].sort((a, b) => words(b) - words(a)).map((name) => namePattern(name) + plus + bracket);
  // the letters a name can start with, tested before the word's edge and the names one by one: three times faster
  const first = [
    ...all.map(firstLetters),
    ...(entry.abbreviations ?? []).map((a) => firstLetters(a)),
    ...(entry.exact ?? []).map((a) => escapeClass(fold(a).charAt(0))),
  ];
  const filter = first.every((c) => c !== undefined) ? `(?=[${[...new Set(first.join(''))].join('')}])` : '';
  const edge = (body: string, start = '') => `${start}(?<![\\p{L}\\p{N}])(?:${body})(?![\\p{L}\\p{N}])`;
  const out: SourcePattern[] = [];
  const of = (pattern: RegExp) => ({ id, kind, pattern, ...(generic ? { generic } : {}) });
  const listed = [...names, ...own.map((a) => a + plus)];
  if (listed.length > 0) out.push(of(new RegExp(edge(listed.join('|'), filter), 'gu')));
  if (entry.exactPatterns) out.push(of(new RegExp(edge(entry.exactPatterns.join('|')), 'gu')));
  if (entry.patterns) out.push(of(new RegExp(edge(entry.patterns.join('|')), 'giu')));
  return out;
}

export const SOURCE_PATTERNS: SourcePattern[] = SOURCES.flatMap(compile);

/**
 * A source the lexicon does not know: one to three capitalised or fund-like
 * words before "finansējums", "funding", "grant" or "contribution".
 */
export const UNKNOWN_SOURCE = new RegExp(
  `(?<![\\p{L}\\p{N}])((?:[\\p{L}][\\p{L}.'’-]*\\s+){1,` +
    `4})(${FUNDING})(?![\\p{L}\\p{N}])|` +
    `(?<![\\p{L}\\p{N}])((?:\\p{Lu}[\\p{L}-]*\\s+){1,4})(Fund|Facility|Programme|` +
    `fonds|fonda|Grants|Mechanism)(?![\\p{L}\\p{N}])|(?<![\\p{L}\\p{N}])((?:the ` +
    `)?Ministry of (?:the )?\\p{Lu}[\\p{L}-]*(?: (?:and ` +
    `)?\\p{Lu}[\\p{L}-]*)*|\\p{L}+ ministrij\\p{L}*)(?![\\p{L}\\p{N}])`,
  'gu',
);
/** Words that start a clause rather than name a source. */
export const LEADING_STOP_WORDS = new RegExp(
  String.raw`^(?:(?:bet|un|and|the|a|an|its|their|ir|is|are|was|kas|no|of|tām|tiem|tā|kuriem|kurām|` +
    String.raw`kuras|kura|kuru|which|whom|savukārt|tā|šis|šī|this|that|by|from|with|ar|arī|also|` +
    String.raw`while|und|die|der|das|des|et|le|la|les|du|de|des|e|il|lo|di|dal|y|el|los|ja|ning|` +
    String.raw`w|z|i|ir|iš)\s+)+`,
  'iu',
);

/** Words that name the budget the shares split. */
export const BUDGET_WORDS = W(
  'Gesamtkosten|Gesamtbudget|Projektkosten|coût total|budget total|montant ' +
    'total|costo totale|importo totale|presupuesto(?: total)?|coste total|importe ' +
    'total|projekto vert\\p{L}*|vertė|kogumaksumus\\p{L}*|eelarve\\p{L}*|o wartości|' +
    '(?:całkowit\\p{L}* )?wartoś\\p{L}* projektu|(?:całkowit\\p{L}* ' +
    ')?kosz(?:t|c)\\p{L}*(?: całkowit\\p{L}*)?|wartość projektu|wydat\\p{L}* ' +
    'kwalifikowan\\p{L}*|způsobil\\p{L}* výdaj\\p{L}*|celkov\\p{L}* ' +
    'náklad\\p{L}*|celkov\\p{L}* rozpočet\\p{L}*|cost\\p{L}* ' +
    'total\\p{L}*|valoare\\p{L}* total\\p{L}*|cheltuiel\\p{L}* ' +
    'eligibil\\p{L}*|общ\\p{L}* бюджет\\p{L}*|общ\\p{L}* стойност\\p{L}*|общ\\p{L}* ' +
    'стоимост\\p{L}*|tinkam\\p{L}* finansuoti išlaid\\p{L}*|ukupn\\p{L}* ' +
    'vrijednost\\p{L}*|skupn\\p{L}* vrednost\\p{L}*|in ' +
    'total|budžet\\p{L}*|kopēj\\p{L}* (?:attiecinām\\p{L}* ' +
    ')?izmaks\\p{L}*|attiecināmās izmaksas|kopējā (?:summa|vērtība)|kopā|līguma ' +
    'summa|izmaks\\p{L}*|(?:total|overall) (?:eligible )?(?:costs?|budget|amount|value)|eligible ' +
    'costs?|project costs?|budget|costs|' +
    // a total row's label before its cell or a colon ("| Total | 100 000 |", "Razem: 100 000 zł")
    String.raw`(?:total|summe|gesamt|insgesamt|razem|ogółem|celkem|spolu|kokku|iš viso|totale|yhteensä|összesen)` +
    String.raw`(?=\s*[|;:\t])`,
);
/** Words that name the whole project's total, larger than the partner budget. */
// not "kopējais budžets": the budget the shares split, as "kopējās izmaksas" is ("Projekta kopējais budžets ir …, no
// kurām ERAF …"); read as the project's it gave way to the sum of the shares
export const PROJECT_WORDS = W(
  'kopējais (?:apjoms|finansējums)|kopapjoms|whole project|entire ' +
    'project|project total|total project (?:budget|value)|network budget',
);

/** "The remaining sum": a source that takes what the others leave. */
export const REST_WORDS = W(
  '(?:the remaining|atlikušos|atlikušie|pārējos|pārējie|die restlichen|pozostałe|likusius)' +
    '(?=\\s*(?:€|EUR|\\$|£|\\d))|le reste|il resto|el resto|der ' +
    'Rest|Restbetrag|likusi\\p{L}* dal\\p{L}*|ülejäänud|pozostał\\p{L}* część|pārējo ' +
    'summu|pārējā summa|pārējo daļu|atlikušo (?:summu|daļu)|atlikusī ' +
    '(?:summa|daļa)|the remaining (?:sum|amount|part|balance|costs)|the rest|the ' +
    'remainder|the balance',
);

/**
 * One-sided hedges: almost, nearly, not quite ("gandrīz", "teju", "nepilni", "fast", "presque", "prawie"), the true
 * figure is at most the one written; and a little over ("runsaat", "drygt"), at least it. A bound, not a `~` either
 * side: 85% of 83 800 is 71 230, no "almost EUR 71 000".
 */
const NEARLY_WORDS =
  String.raw`gandrīz|teju|turpat|nepiln\p{L}*|almost|nearly|close to|just about|just short of|not quite|` +
  String.raw`knapp|fast|nahezu|beinahe|presque|près de|quasi|prawie|niemal\p{L}*|niespełna|blisko|téměř|skoro|` +
  String.raw`takmer|necel\p{L}*|beveik|peaaegu|ligi|lähes|liki|runsaat|casi|quase|perto de|aproape|почти|близо|` +
  String.raw`nästan|knappt|skoraj|gotovo|közel|majdnem|bijna`;
/**
 * Bounds before a figure, in the EU languages: more than, at least, up to, at most ("vairāk kā 84 000",
 * "ne mazāk kā", "more than EUR 84 000", "bis zu", "jusqu'à", "ponad", "enintään"), and the one-sided hedges above.
 * The figure is no exact one: it is written approximate, with a `# check:` saying it is a bound.
 */
const BOUND_WORDS =
  String.raw`vairāk (?:nekā|kā|par)|ne vairāk (?:nekā|kā)|ne mazāk (?:nekā|kā)|mazāk (?:nekā|kā)|vismaz|` +
  String.raw`pāri par|līdz pat|līdz|` +
  String.raw`more than|no more than|not more than|less than|no less than|not less than|at least|at most|up to|` +
  String.raw`in excess of|upwards of|over|under|` +
  String.raw`mehr als|weniger als|über|bis zu|mindestens|höchstens|` +
  String.raw`plus de|moins de|au moins|jusqu'à|jusqu’à|` +
  String.raw`più di|oltre|fino a|almeno|` +
  String.raw`ponad|przeszło|co najmniej|nie więcej niż|nie mniej niż|maksymalnie|` +
  String.raw`více než|nejméně|nejvýše|maximálně|minimálně|až|viac ako|minimálne|maximálne|najmenej|minimalnie|` +
  String.raw`daugiau nei|daugiau kaip|ne mažiau kaip|ne daugiau kaip|` +
  String.raw`üle|vähemalt|kuni|enam kui|enintään|yli|vähintään|` +
  String.raw`mais de|pelo menos|até|más de|al menos|hasta|peste|cel puțin|până la|mai mult de|` +
  String.raw`более|свыше|не менее|не более|над|` +
  String.raw`drygt|minst|upp till|högst|več kot|vsaj|največ|više od|najmanje|` +
  String.raw`több mint|legfeljebb|legalább|meer dan|minstens|ruim|${NEARLY_WORDS}`;
/** Words of an approximate figure either side in the EU languages: about, some ("aptuveni", "rund", "environ"). */
const APPROX_WORDS =
  String.raw`ap\.|apm\.|apmēram|aptuveni|` +
  String.raw`about|around|approximately|approx\.|roughly|some|circa|ca\.|cca\.?|an estimated|` +
  String.raw`rund|etwa|annähernd|environ|quelque|circa|intorno a|` +
  String.raw`około|ok\.|přibližně|zhruba|asi|okolo|približne|` +
  String.raw`apie|umbes|noin|cerca de|aproximadamente|` +
  String.raw`alrededor de|unos|aproximativ|около|примерно|порядка|приблизително|` +
  String.raw`cirka|omkring|ungefär|približno|okoli|oko|mintegy|körülbelül|` +
  String.raw`kb\.|ongeveer|zo'n`;

/** Hedges before a figure (approximate words and bounds): it is written approximate. */
export const HEDGE_BEFORE = new RegExp(
  String.raw`(?:~\s*|(?:^|[\s(])(?:${APPROX_WORDS}|${BOUND_WORDS})\s*[–—-]?\s*)$`,
  'iu',
);
/**
 * A cap before a figure ("nepārsniedzot EUR 5 000 000", "not exceeding", "kas nepārsniedz"): a grant agreement states
 * its share so, the figure stays exact, in doubt.
 */
const CAP_WORDS = String.raw`nepārsniedz\p{L}*|not exceeding|exceeding|nicht übersteigend|nieprzekraczając\p{L}*`;
/** A bound or a cap before a figure (see BOUND_WORDS, CAP_WORDS): the figure is in doubt. */
export const BOUND_BEFORE = new RegExp(String.raw`(?:^|[\s(])(?:${BOUND_WORDS}|${CAP_WORDS})\s*[–—-]?\s*$`, 'iu');

/**
 * Words of a change just before an amount ("palielinot ERAF finansējumu līdz 77 603,30 EUR",
 * "the grant was increased to EUR 90 000"): the amount is the figure as amended, and `līdz` or
 * `to` there is no hedge.
 */
export const AMENDED_BEFORE = new RegExp(
  String.raw`(?:palielin|samazin|grozīt|grozot|koriģ|increas|rais|reduc|decreas|amend|revis|adjust|` +
    String.raw`erhöh|reduz|augment|diminu|zwiększ|zmniejsz|navýš|sníž)\p{L}*(?:\s+[^\s\d.;]+){0,4}\s+(?:līdz|` +
    String.raw`uz|to|auf|à|a|do|na)\s*$`,
  'iu',
);

/** A tax or other base that makes a percentage not a share. */
export const NOT_A_SHARE = new RegExp(
  String.raw`(?:PVN|VAT|MwSt\.?|USt\.?|TVA|IVA|PVM|käibemaks\p{L}*|nodokl\p{L}*|tax|inflācij\p{L}*|` +
    String.raw`inflation|pieaugum\p{L}*|increase|growth|samazinājum\p{L}*|decrease|` +
    // an interest or tax rate; "ERAF likme 85%" is the fund's co-financing rate
    String.raw`(?:procentu|nodokļa|diskonta|inflācijas) likme|interest)\s*$`,
  'iu',
);
export const NOT_A_SHARE_AFTER = /^\s*(?:PVN|VAT|MwSt|TVA|IVA|PVM|nodokl\p{L}*|tax)/iu;

/** Latvian letters to ASCII, for ids made from words. */
const ASCII: Record<string, string> = {
  ā: 'a',
  č: 'c',
  ē: 'e',
  ģ: 'g',
  ī: 'i',
  ķ: 'k',
  ļ: 'l',
  ņ: 'n',
  š: 's',
  ū: 'u',
  ž: 'z',
  ė: 'e',
  į: 'i',
  ų: 'u',
  õ: 'o',
  ä: 'a',
  ö: 'o',
  ü: 'u',
  ß: 'ss',
};

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

/**
 * Payers by the head noun of the words that name them, for a name the lexicon
 * does not list ("Valkas novada domes līdzfinansējums", "budżet gminy"): per
 * id, the stems of its head nouns in the EU languages, diacritics folded,
 * matched as the start of a word; `=` marks a word matched whole. `named`
 * heads (an agency, a ministry, a fund) keep the name's own words as its id.
 */
const PAYER_HEADS: [id: string, kind: SourceKind, stems: string[]][] = [
  [
    'named',
    'public',
    [
      'agentur',
      'agency',
      'agenc',
      'fond',
      'fund',
      'program',
      'biedrib',
      'associat',
      'asociac',
      'partner',
      'foundation',
      'nadac',
      'fundac',
      'stiftung',
      'bank',
      'grant',
      'mechanism',
      'mehanism',
      'instrument',
      'facilit',
      'dienest',
      'service',
      'universit',
      'instit',
      'compan',
      'uznemum',
      'sabiedrib',
      'podnik',
      'spolk',
      'spolecz',
      'urzad',
      'urad',
      'komisij',
      'commission',
      'zarzad',
      'povodi',
    ],
  ],
  [
    'municipal',
    'public',
    [
      'pasvaldib',
      '=dome',
      '=domes',
      '=domei',
      '=domi',
      'council',
      'municipal',
      'gmin',
      'miast',
      '=obec',
      '=obce',
      '=obci',
      '=mesto',
      '=mesta',
      'primari',
      'obcin',
      'opcin',
      'savivaldyb',
      'omavalitsus',
      'vallavalitsus',
      'linnavalitsus',
      'gemeinde',
      '=stadt',
      'kommun',
      'commune',
      'comune',
      'ayuntamiento',
      'municipio',
      'общин',
      'муниципал',
    ],
  ],
  [
    'state',
    'automatic-public',
    [
      '=valsts',
      // a ministry pays from the state's budget
      'minist',
      'miniszter',
      'министерств',
      '=state',
      'panstw',
      'statni',
      '=statu',
      '=stat',
      '=state',
      'valstyb',
      '=riigi',
      'riigieelarv',
      'drzav',
      'държав',
      'государств',
      '=bund',
      'bundes',
    ],
  ],
  [
    'own-funds',
    'public',
    [
      '=pasu',
      '=own',
      'sanemej',
      'beneficiar',
      'vlastn',
      'wlasn',
      'propri',
      'eigen',
      'autofinanc',
      'nuosav',
      'omafinant',
      'собствен',
    ],
  ],
  ['private', 'private', ['privat', 'prywat', 'soukrom', 'частн']],
  ['national', 'public', ['nacional', 'national', 'krajow', 'narodn', 'nazional', 'национал']],
  [
    'region',
    'public',
    [
      '=region',
      '=regionu',
      '=regiona',
      'regione',
      'region',
      '=kraj',
      '=kraje',
      '=kraje',
      '=kraju',
      'krajsk',
      'wojewodz',
      'voivodesh',
      'regiao',
      'regio',
      'provinc',
      'county',
      'judet',
      'maakond',
      'apskrit',
      'voivod',
      'comarca',
      'diputacion',
    ],
  ],
  // a French département (and its council, "conseil départemental"): a payer of its own beside the region
  ['departement', 'public', ['departement']],
];
const FOLD_WORD = (word: string) => word.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ł/g, 'l');

/**
 * Whether words the lexicon does not list can name a payer at all: one of
 * them is a payer's head noun (of any class above: a council, an agency, a
 * fund, a programme, a partner), an abbreviation (`EKII`) or a proper name
 * (a capital that does not start the sentence, or a capitalised word alone:
 * `Norway funding`). A noun phrase
 * without one ("in the EU", "The maximum", "Na realizację projektu") is no
 * payer, however it is placed.
 */
export function namesPayer(words: string, sentenceStart = false): boolean {
  const list = words.split(/[^\p{L}\p{N}+]+/u).filter(Boolean);
  if (list.some((word) => /^\p{Lu}{2,}[\p{Lu}\p{N}+-]*$/u.test(word) && word.length <= 8)) return true;
  // a proper name: a capital inside a sentence (the first word of one is capitalised whatever it is)
  if (list.some((word, i) => /^\p{Lu}/u.test(word) && !(i === 0 && sentenceStart && list.length > 1))) return true;
  return list
    .map(FOLD_WORD)
    .some((word) =>
      PAYER_HEADS.some(([, , stems]) =>
        stems.some((stem) => (stem.startsWith('=') ? word === stem.slice(1) : word.startsWith(stem))),
      ),
    );
}

/** The payer a name's words stand for, by their head noun (the last one that names a payer), or undefined. */
export function payerOf(words: string): { id: string; kind: SourceKind } | undefined {
  const list = words
    .split(/[^\p{L}]+/u)
    .filter(Boolean)
    .map(FOLD_WORD);
  for (let i = list.length - 1; i >= 0; i--) {
    const word = list[i]!;
    for (const [id, kind, stems] of PAYER_HEADS) {
      if (stems.some((stem) => (stem.startsWith('=') ? word === stem.slice(1) : word.startsWith(stem))))
        return id === 'named' ? undefined : { id, kind };
    }
  }
  return undefined;
}

/**
 * A named body its words name by a head noun of the named class (an association, a foundation, a company: "the
 * association", "biedrība 'Zaļā upe'"), its id made from the words up to and with that noun, undefined when none
 * does. A programme, a fund or a partner is no body.
 */
export function namedPayerOf(words: string): { id: string; kind: SourceKind } | undefined {
  const list = words.split(/[^\p{L}]+/u).filter(Boolean);
  const at = list.findIndex((w) => headClass(w)?.id === 'named' && !NOT_A_BODY.test(FOLD_WORD(w)));
  if (at < 0 || at > 4) return undefined;
  const name = list
    .slice(0, at + 1)
    .filter((w) => !/^(?:the|a|an|der|die|das|la|le|les|il)$/iu.test(w))
    .join(' ');
  return { id: idFromWords(name), kind: 'public' };
}

/** The payer class of one word by its stem (`named`: an agency, a university, a fund), or undefined. */
export function headClass(word: string): { id: string; kind: SourceKind } | undefined {
  const folded = FOLD_WORD(word);
  for (const [id, kind, stems] of PAYER_HEADS)
    if (stems.some((stem) => (stem.startsWith('=') ? folded === stem.slice(1) : folded.startsWith(stem))))
      return { id, kind };
  return undefined;
}

/**
 * The payer named by a short phrase standing right before a figure, with no funding noun ("Région 30 000 €",
 * "Land Brandenburg 20.000 Euro", "Liepājas Universitāte (4 000 EUR)"): its head noun is its last word, or its first
 * with only proper names after it (`land acquisition` is a cost, not the Land). A named body (an agency, a university)
 * needs a proper name among its words (`proper`: a capital that does not start the sentence); its id is made from
 * them.
 */
/** Funding nouns in the EU languages (folded stems): the money, not who pays it. */
const FUNDING_NOUN = new RegExp(
  String.raw`^(?:zdroj|resourc|lidzekl|(?:lidz)?finansejum|(?:co-?)?financ|funding|funds?$|contribu|lesos|lesu|srodk|` +
    String.raw`prostredk|mittel|fondur|toetus|wklad|prispev|vklad|aport|apport|subsid|dotac|means|money|budget|` +
    String.raw`budzet|rozpoc|biudzet|eelarv)`,
  'u',
);
const PLACE_COUNCIL = /\b(?:city|town|borough|district|parish|county|municipal|local)\b/u;
const NOT_A_BODY = /^(?:partner|program|fond|fund|grant|mechanism|mehanism|instrument|facilit)/u;

export function payerBeforeFigure(
  words: string,
  proper: boolean,
): { id: string; kind: SourceKind; named: boolean } | undefined {
  const list = words.split(/[^\p{L}]+/u).filter(Boolean);
  const word = (i: number) => list.at(i) ?? '';
  // a funding noun after the payer's words is no head of its own ("vlastní zdroje", "own resources", "lėšos")
  while (list.length > 1 && FUNDING_NOUN.test(FOLD_WORD(word(-1)))) list.pop();
  if (list.length === 0) return undefined;
  const last = headClass(word(-1));
  const first = list.length > 1 && list.slice(1).every((w) => /^\p{Lu}/u.test(w)) ? headClass(word(0)) : undefined;
  // in a proper name ("the Research Council of Norway") the head noun may stand anywhere: the last one counts
  const titled = list.length > 1 && list.every((w) => w.length < 4 || /^\p{Lu}/u.test(w));
  let inner = -1;
  if (!last && !first && titled)
    for (let i = list.length - 1; i >= 0 && inner < 0; i--) if (headClass(word(i))) inner = i;
  // …only a named body's or a council's: "Fonds für Regionale Entwicklung in Höhe von" names no region
  const innerHead = inner >= 0 ? headClass(word(inner)) : undefined;
  let head =
    last ??
    first ??
    (innerHead && (innerHead.id === 'named' || FOLD_WORD(word(inner)).startsWith('council')) ? innerHead : undefined);
  if (!head) return undefined;
  // a council in a proper name that names no place is a named body
  const headWord = FOLD_WORD(word(last ? -1 : first ? 0 : inner));
  if (head.id === 'municipal' && headWord.startsWith('council') && proper && !PLACE_COUNCIL.test(FOLD_WORD(words)))
    head = { id: 'named', kind: 'public' };
  if (head.id !== 'named') return { ...head, named: false };
  // a programme, a fund, a partner before a figure is a line of a table or a limit, not a payer
  if (NOT_A_BODY.test(headWord)) return undefined;
  if (!proper) return undefined;
  return { id: idFromWords(words), kind: namesEuFund(words) ? 'eu-fund' : 'public', named: true };
}

/**
 * Adjectives that make a funding noun the total ("kopējais pieejamais publiskais finansējums", "total public funding"),
 * not a source.
 */
export const TOTAL_BEFORE = new RegExp(
  String.raw`(?:kopēj|total|overall|whole|entire|pieejam|available|celkov|całkowit|gesamt|bendr|` +
    String.raw`kogu|общ|totale|totaux|global)\p{L}*\s+(?:\p{L}+\s+){0,2}$`,
  'iu',
);

/**
 * "At least" right before a figure, in the EU languages ("vo výške minimálne 20 000 EUR", "t. j. minimálne 5 %",
 * "vismaz 15%", "mindestens"): a floor of this budget's own figure, which may be higher; not a programme's limit
 * (`minimálna výška`, an adjective on a noun of amount) nor a ceiling.
 */
export const AT_LEAST_BEFORE = new RegExp(
  String.raw`(?:^|[^\p{L}])(?:minimálne|minimálně|minimalnie|vismaz|ne mazāk (?:nekā|kā)|at least|no less than|` +
    String.raw`not less than|mindestens|au moins|almeno|co najmniej|nie mniej niż|nejméně|aspoň|najmenej|` +
    String.raw`vähemalt|vähintään|ne mažiau kaip|pelo menos|al menos|cel puțin|legalább|minstens|minst|vsaj|najmanje)` +
    String.raw`\s*$`,
  'iu',
);

/**
 * A minimum rate as a rule ("omafinantseeringu minimaalne määr projektidele 20 protsenti", "the minimum rate of
 * co-financing is 15%", "minimālā līdzfinansējuma likme 15%"): what a programme asks of projects, no share of this
 * budget. A noun of rate follows the adjective.
 */
export const MINIMUM_RATE_BEFORE = new RegExp(
  String.raw`(?:minimāl|minimum|minimal|minimaal|minimaln|minimáln|mindest|minimi|minim)\p{L}*\s+` +
    String.raw`(?:[\p{L}-]+\s+)?(?:määr|rate|likm|sazb|mír|stop|taux|tass|Satz|Quote)\p{L}*` +
    String.raw`(?:\s+[\p{L}–—:-]+){0,4}\s*$`,
  'iu',
);

/** Words before an amount that make it a limit (a minimum or maximum per project), not a figure of this budget. */
export const LIMIT_BEFORE = new RegExp(
  String.raw`(?:minimāl|maksimāl|minimum|maximum|minimal|maksymaln|minimaln|minimáln|maximáln|` +
    String.raw`mindest|höchst|minimal|maximal|minimi|maximi|minimaal|maksimaal|mažiaus|daugiaus|` +
    String.raw`didžiaus)\p{L}*(?:\s+[\p{L}–—:-]+){0,4}\s*$|` +
    // what one applicant may receive ("biedrība varēs saņemt līdz 191 000 eiro", "each school can receive up to
    // EUR 50 000"): a ceiling per project, not a figure of this budget
    String.raw`(?<!\p{L})(?:var|varēs|varētu|varēsiet|can|could|may|will be able to|können|kann|peut|pourra|` +
    String.raw`może|mogą)` +
    String.raw`(?:\s+\p{L}+){0,2}\s+(?:saņemt|pretendēt uz|pieprasīt|receive|get|obtain|claim|apply for|request|` +
    String.raw`erhalten|beantragen|recevoir|obtenir|otrzymać|uzyskać)(?:\s+\p{L}+){0,3}\s+` +
    String.raw`(?:līdz|up to|bis zu|jusqu'à|jusqu’à|do)\s*$`,
  'iu',
);

/** "cits publiskais finansējums", "other public funding": another payer of the same class, not the class itself. */
export const OTHER_BEFORE = new RegExp(
  String.raw`(?<!\p{L})(?:cit[sāiu]|citas|other|andere\p{L}*|autres?|altr[oiae]|otr[oa]s?|inn[eya]|` +
    String.raw`jin[éýá]|ki\p{L}*|muu|muud|kit[ai]|drug[ie])\s+$`,
  'iu',
);
