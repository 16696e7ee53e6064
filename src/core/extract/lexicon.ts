import type { SourceKind } from '../sources.js';

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

const any = (...names: string[]) => W(names.join('|'));
/** Case-sensitive: abbreviations such as `ES` or `EU` are also common lower-case words. */
const exactCase = (...names: string[]) =>
  new RegExp(`(?<![\\p{L}\\p{N}])(?:${names.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
/**
 * Nouns after the Union's name that make it a named fund of its own ("Eiropas Savienības fondu"): not the Union itself.
 */
const NOT_A_FUND_AFTER = String.raw`(?!\s+(?:fond|fund|struktūrfond|programm)\p{L}*)`;
/** "funding", "co-financing" in the languages cofin reads; the word after a source's name. */
const FUNDING =
  String.raw`(?:līdz)?finansējum\p{L}*|līdzekļ\p{L}*|dotācij\p{L}*|ieguldījum\p{L}*|` +
  String.raw`subsid(?:y|ies)|money|(?:co-)?financing|funding|funds|contribution|grant|` +
  String.raw`(?:Ko)?[Ff]inanzierung|Mittel|(?:co)?financement|(?:co)?finanziamento|` +
  String.raw`(?:co)?financiación|lėšos|finantseering\p{L}*|toetus|(?:do)?finansowanie`;

export const SOURCE_PATTERNS: SourcePattern[] = [
  // the Union, the Commission, or "public funding", without a fund's name: outranked by a named fund in the same clause
  { id: 'eu', kind: 'eu-fund', generic: true, pattern: exactCase(`(?:ES|EU|UE|ЕС|ЕU|EK|EC)${NOT_A_FUND_AFTER}`) },
  {
    id: 'eu',
    kind: 'eu-fund',
    generic: true,
    pattern: any(
      ...[
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
    ),
  },
  // the bodies that pay out EU funds' money (managing, paying and intermediate bodies): the fund the document names
  // is what they pay (see extract.ts, namedUnion); they name no fund of their own
  {
    id: 'agency',
    kind: 'eu-fund',
    generic: true,
    pattern: any(
      String.raw`Lauku atbalsta dienest\p{L}*`,
      'Rural Support Service',
      String.raw`Centrāl\p{L}* finanšu un līgum\p{L}* aģentūr\p{L}*`,
      'Central Finance and Contracting Agency',
      'CFLA',
      String.raw`Latvijas Investīciju un attīstības aģentūr\p{L}*`,
      String.raw`(?:Latvian )?Investment and Development Agency(?: of Latvia)?`,
      'LIAA',
      String.raw`Nacionalin\p{L}* mokėjimo agentūr\p{L}*`,
      String.raw`Centrin\p{L}* projektų valdymo agentūr\p{L}*`,
      String.raw`Agencj\p{L}* Restrukturyzacji i Modernizacji Rolnictwa`,
      'ARiMR',
      String.raw`Státní\p{L}* zemědělsk\p{L}* intervenční\p{L}* fond\p{L}*`,
      String.raw`Agence de services et de paiement`,
      String.raw`paying agency`,
      String.raw`maksājumu aģentūr\p{L}*`,
      String.raw`Zahlstelle`,
    ),
  },
  // the programme's grant named without its payer ("kwota dofinansowania", "finanțare nerambursabilă", "nenávratný
  // finančný príspevok"): the one EU fund the document names pays it (extract.ts, namedUnion), no payer without one
  {
    id: 'grant',
    kind: 'eu-fund',
    generic: true,
    pattern: any(
      String.raw`(?:kwot\p{L}* )?dofinansowani\p{L}*`,
      String.raw`finanțar\p{L}* nerambursabil\p{L}*`,
      String.raw`nenávratn\p{L}* finančn\p{L}* príspev\p{L}*`,
    ),
  },
  {
    id: 'public',
    kind: 'public',
    generic: true,
    pattern: any(
      String.raw`publisk\p{L}* (?:līdz)?finansējum\p{L}*`,
      'public (?:funding|co-financing|contribution|funds)',
      String.raw`viešųjų lėš\p{L}*`,
      String.raw`finansowani\p{L}* publiczn\p{L}*`,
    ),
  },
  {
    id: 'erdf',
    kind: 'eu-fund',
    pattern: any(
      'ERAF',
      'ERDF',
      'EFRE',
      'FEDER',
      'FESR',
      'EFRR',
      'ERF',
      'EFRD',
      'EFRO',
      'EAKF',
      'ERUF',
      'ERPF',
      // with or without the Union's adjective: no other fund has the name
      String.raw`(?:Eiropas )?Reģionālās attīstības fond\p{L}*`,
      '(?:European )?Regional Development Fund',
      String.raw`(?:Europäischen? )?Fonds? für regionale Entwicklung`,
      String.raw`Fonds européen de développement régional`,
      String.raw`Fondo europeo di sviluppo regionale`,
      String.raw`Fondo Europeo de Desarrollo Regional`,
      String.raw`Europos regioninės plėtros fond\p{L}*`,
      String.raw`Euroopa Regionaalarengu Fond\p{L}*`,
      String.raw`Europejski\p{L}* Fundusz\p{L}* Rozwoju Regionalnego`,
      // the same fund in the other EU languages, every case of its head noun
      String.raw`Evropsk\p{L}* fond\p{L}* pro regionální rozvoj`,
      String.raw`Európsk\p{L}* fond\p{L}* regionálneho rozvoja`,
      String.raw`Fond\p{L}* European\p{L}* de Dezvoltare Regional\p{L}*`,
      'FEDR',
      String.raw`Evropsk\p{L}* sklad\p{L}* za regionalni razvoj`,
      String.raw`Europsk\p{L}* fond\p{L}* za regionalni razvoj`,
      String.raw`Európai Regionális Fejlesztési Alap\p{L}*`,
      'ERFA',
      String.raw`Европейск\p{L}* фонд\p{L}* за регионално развитие`,
      'ЕФРР',
      String.raw`Европейск\p{L}* фонд\p{L}* регионального развития`,
      'ЕФРР',
      String.raw`Europees Fonds voor Regionale Ontwikkeling`,
      'EFRO',
      String.raw`Fundo Europeu de Desenvolvimento Regional`,
      String.raw`Euroopan aluekehitysrahast\p{L}*`,
      'EAKR',
      String.raw`Europeiska regionala utvecklingsfonden`,
    ),
  },
  {
    id: 'esf',
    kind: 'eu-fund',
    pattern: any(
      String.raw`ESF\+?`,
      String.raw`FSE\+?`,
      String.raw`EFS\+?`,
      String.raw`Eiropas Sociāl\p{L}* fond\p{L}*(?: Plus|\+)?`,
      String.raw`European Social Fund(?: Plus|\+)?`,
      String.raw`Europäischen? Sozialfonds?\+?`,
      // the fund's name in the other EU languages, every case of its head noun (a trailing "+" or "Plus" too)
      ...[
        'Fonds social européen',
        'Fondo sociale europeo',
        'Fondo Social Europeo',
        'Fundo Social Europeu',
        String.raw`Europejski\p{L}* Fundusz\p{L}* Społeczn\p{L}*`,
        String.raw`Evropsk\p{L}* sociální\p{L}* fond\p{L}*`,
        String.raw`Európsk\p{L}* sociáln\p{L}* fond\p{L}*`,
        String.raw`Europos socialin\p{L}* fond\p{L}*`,
        String.raw`Euroopa Sotsiaalfond\p{L}*`,
        String.raw`Fond\p{L}* Social\p{L}* European\p{L}*`,
        String.raw`Európai Szociális Alap\p{L}*`,
        String.raw`Euroopan sosiaalirahast\p{L}*`,
        String.raw`Europeiska socialfonden`,
        'Europees Sociaal Fonds',
        String.raw`Europsk\p{L}* socijaln\p{L}* fond\p{L}*`,
        String.raw`Evropsk\p{L}* socialn\p{L}* sklad\p{L}*`,
        String.raw`Европейски\p{L}* социал\p{L}* фонд\p{L}*`,
      ].map((name) => String.raw`${name}(?: Plus|\s?\+)?`),
    ),
  },
  {
    id: 'cf',
    kind: 'eu-fund',
    pattern: any(
      'KF',
      String.raw`Kohēzijas fond\p{L}*`,
      'Cohesion Fund',
      'Kohäsionsfonds',
      'Fonds de cohésion',
      'Fondo de Cohesión',
      'Fondo di coesione',
      String.raw`Sanglaudos fond\p{L}*`,
      String.raw`Ühtekuuluvusfond\p{L}*`,
      String.raw`Fundusz\p{L}* Spójności`,
      String.raw`Fond\p{L}* soudržnosti`,
      String.raw`Kohézn\p{L}* fond\p{L}*`,
      String.raw`Fond\p{L}* de Coeziune`,
      String.raw`Kohezijsk\p{L}* sklad\p{L}*`,
      String.raw`Kohezijsk\p{L}* fond\p{L}*`,
      String.raw`Kohéziós Alap\p{L}*`,
      String.raw`Кохезионн\p{L}* фонд\p{L}*`,
      String.raw`Фонд\p{L}* за сближаване`,
      String.raw`Fundo de Coesão`,
      String.raw`koheesiorahast\p{L}*`,
      String.raw`Sammanhållningsfonden`,
    ),
  },
  {
    id: 'eafrd',
    kind: 'eu-fund',
    pattern: any(
      'ELFLA',
      'EAFRD',
      'ELER',
      'FEADER',
      'FEASR',
      'EFRROW',
      'EZFRV',
      'EPFRV',
      'EŽŪFKP',
      'MAEPF',
      'FEADR',
      'EMVA',
      'ELFPO',
      'EPFRR',
      'EKSRP',
      // "Eiropas Lauksaimniecības fonds" without "lauku attīstībai" is the same fund: the guarantee fund says
      // "garantiju fonds"
      String.raw`Eiropas Lauksaimniecības fond\p{L}*(?: lauku attīstībai)?`,
      'European Agricultural Fund for Rural Development',
      // the fund's name in the other EU languages, every case of its head noun
      String.raw`Europäische\p{L}* Landwirtschaftsfonds? für die Entwicklung des ländlichen Raum\p{L}*`,
      String.raw`Fonds européen agricole pour le développement rural`,
      String.raw`Fondo europeo agricolo per lo sviluppo rurale`,
      String.raw`Fondo Europeo Agrícola de Desarrollo Rural`,
      String.raw`Fundo Europeu Agrícola de Desenvolvimento Rural`,
      String.raw`Evropsk\p{L}* zemědělsk\p{L}* fond\p{L}* pro rozvoj venkova`,
      String.raw`Európsk\p{L}* poľnohospodársk\p{L}* fond\p{L}* pre rozvoj vidieka`,
      String.raw`Europejski\p{L}* Fundusz\p{L}* Roln\p{L}* na rzecz Rozwoju Obszarów Wiejskich`,
      String.raw`Europos žemės ūkio fond\p{L}* kaimo plėtrai`,
      String.raw`Maaelu Arengu Euroopa Põllumajandusfond\p{L}*`,
      String.raw`Fond\p{L}* European\p{L}* Agricol\p{L}* pentru Dezvoltare Rural\p{L}*`,
      String.raw`Európai Mezőgazdasági Vidékfejlesztési Alap\p{L}*`,
      String.raw`Euroopan maaseudun kehittämisen maatalousrahast\p{L}*`,
      String.raw`maaseuturahast\p{L}*`,
      String.raw`Europeiska jordbruksfonden för landsbygdsutveckling`,
      String.raw`Europees Landbouwfonds voor Plattelandsontwikkeling`,
      String.raw`Europsk\p{L}* poljoprivredn\p{L}* fond\p{L}* za ruraln\p{L}* razvoj`,
      String.raw`Evropsk\p{L}* kmetijsk\p{L}* sklad\p{L}* za razvoj podeželja`,
      String.raw`Европейски\p{L}* земеделски\p{L}* фонд\p{L}* за развитие на селските райони`,
    ),
  },
  {
    id: 'jtf',
    kind: 'eu-fund',
    pattern: any('JTF', 'TPF', 'Just Transition Fund', String.raw`Taisnīgas pārkārtošanās fond\p{L}*`),
  },
  {
    id: 'rrf',
    kind: 'eu-fund',
    pattern: any(
      'RRF',
      'ANM',
      'Recovery and Resilience Facility',
      String.raw`Atveseļošanas (?:un noturības )?(?:mehānism\p{L}*|fond\p{L}*)`,
    ),
  },
  {
    id: 'emfaf',
    kind: 'eu-fund',
    pattern: any(
      'EMFAF',
      'EJZAF',
      'European Maritime,? Fisheries and Aquaculture Fund',
      String.raw`Eiropas Jūrlietu, zvejniecības un akvakultūras fond\p{L}*`,
    ),
  },
  {
    id: 'interreg',
    kind: 'eu-fund',
    pattern: W(String.raw`Interreg(?:[\s\p{L}–-]{0,60}?programm\p{L}*)?(?:\s(?:${FUNDING}))?`),
  },
  {
    id: 'state',
    kind: 'automatic-public',
    pattern: any(
      String.raw`valsts(?=\s*(?:[–—:-]\s*)?\d)`,
      String.raw`valsts finansējum\p{L}*`,
      String.raw`valsts (?:budžeta )?dotācij\p{L}*`,
      String.raw`valsts atbalst\p{L}*`,
      String.raw`valsts budžeta dotācij\p{L}*(?: pašvaldībām)?`,
      String.raw`valsts (?:budžeta )?līdzfinansējum\p{L}*`,
      String.raw`valsts budžet\p{L}*(?: finansējum\p{L}*)?`,
      String.raw`state budget(?: subsidy| funding| co-financing)?`,
      String.raw`state subsid\p{L}*`,
      'Landesmittel',
      String.raw`l['’]État`,
      'Stato',
      String.raw`valstybės biudžeto lėš\p{L}*`,
      String.raw`riigieelarve\p{L}*`,
      String.raw`budżet\p{L}* państwa`,
      String.raw`státní\p{L}* rozpo\p{L}+`,
      String.raw`štátn\p{L}* rozpo\p{L}+`,
      String.raw`buget\p{L}* de stat`,
      String.raw`държавн\p{L}* бюджет\p{L}*`,
      String.raw`državn\p{L}* proračun\p{L}*`,
      String.raw`központi költségvetés\p{L}*`,
      String.raw`государственн\p{L}* бюджет\p{L}*`,
      String.raw`Staatshaushalt\p{L}*`,
    ),
  },
  // a German federal state by its name ("Land Brandenburg", "des Landes Sachsen"): in its own case, as "land" is a cost
  {
    id: 'state',
    kind: 'automatic-public',
    pattern: exactCase(String.raw`Land(?:es)? \p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?`),
  },
  {
    id: 'national',
    kind: 'public',
    pattern: any(
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
      String.raw`nationale Kofinanzierung`,
    ),
  },
  {
    id: 'municipal',
    kind: 'public',
    pattern: any(
      String.raw`pašvaldīb\p{L}* (?:līdz)?finansējum\p{L}*`,
      String.raw`pašvaldīb\p{L}* budžet\p{L}*`,
      String.raw`pašvaldīb\p{L}*`,
      // a council named by its place: "Valkas novada dome", "pilsētas domes", in every case
      String.raw`(?:\p{Lu}\p{L}+ )?(?:novada|pilsētas|valstspilsētas|pagasta) dom(?:e|es|ei|i|` +
        String.raw`ē)(?: (?:līdz)?finansējum\p{L}*| budžet\p{L}*)?`,
      String.raw`municipalit\p{L}*`,
      String.raw`local (?:government|authorit\p{L}*)`,
      String.raw`obc[eií]`,
      String.raw`obec`,
      String.raw`měst[aoě]`,
      String.raw`primări\p{L}*`,
      String.raw`consiliul\p{L}* local\p{L}*`,
      String.raw`общин\p{L}*`,
      String.raw`občin\p{L}*`,
      String.raw`općin\p{L}*`,
      String.raw`miast\p{L}*`,
      String.raw`Gemeinden?`,
      String.raw`Stadt`,
      String.raw`Kommunen?`,
      String.raw`[Cc]omunal\p{L}*`,
      String.raw`municipal(?: co-financing| funding| contribution| budget)?`,
      'municipality',
      'local authority',
      // a place's council; "the Research Council" is a named body, not the municipality
      String.raw`(?:city|town|borough|district|parish|county|municipal|local) council`,
      String.raw`(?<=(?:the|a) )council`,
      'commune',
      'municipalité',
      'Comune',
      'Ayuntamiento',
      'municipio',
      String.raw`savivaldyb\p{L}*(?: lėš\p{L}*)?`,
      String.raw`omavalitsus\p{L}*`,
      String.raw`gmin\p{L}*`,
    ),
  },
  {
    id: 'private',
    kind: 'private',
    pattern: any(
      String.raw`privāt\p{L}* (?:līdz)?finansējum\p{L}*`,
      String.raw`privāt\p{L}* līdzekļ\p{L}*`,
      // a payer's adjective on the costs it bears ("privātās neattiecināmās izmaksas"): its share, not a total
      String.raw`privāt\p{L}* (?:(?:ne)?attiecinām\p{L}* )?izmaks\p{L}*`,
      String.raw`private (?:(?:non-?|in)?eligible )?(?:costs?|expenditure)`,
      'private (?:co-financing|funding|contribution|funds|investment)',
      'private',
      String.raw`privat\p{L}* Mittel`,
      String.raw`(?:fonds|financement) privés?`,
      String.raw`privat\p{L}* lėš\p{L}*`,
    ),
  },
  {
    id: 'own-funds',
    kind: 'public',
    pattern: any(
      String.raw`omafinantseering\p{L}*`,
      String.raw`Eigenmittel\p{L}*`,
      'fonds propres',
      'own (?:funds?|contribution|resources)',
      String.raw`pašu (?:līdzekļ\p{L}*|finansējum\p{L}*)`,
      String.raw`nuosav\p{L}* lėš\p{L}*`,
      String.raw`wkład\p{L}* własn\p{L}*`,
    ),
  },
];

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
export const PROJECT_WORDS = W(
  'kopējais (?:apjoms|finansējums|budžets)|kopapjoms|whole project|entire ' +
    'project|project total|total project (?:budget|value)|network budget',
);

/** "The remaining sum": a source that takes what the others leave. */
export const REST_WORDS = W(
  'the remaining(?=\\s*(?:€|EUR|\\$|£|\\d))|le reste|il resto|el resto|der ' +
    'Rest|Restbetrag|likusi\\p{L}* dal\\p{L}*|ülejäänud|pozostał\\p{L}* część|pārējo ' +
    'summu|pārējā summa|pārējo daļu|atlikušo (?:summu|daļu)|atlikusī ' +
    '(?:summa|daļa)|the remaining (?:sum|amount|part|balance|costs)|the rest|the ' +
    'remainder|the balance',
);

/** Hedges before a figure: it is written approximate. */
export const HEDGE_BEFORE = new RegExp(
  String.raw`(?:~\s*|(?:^|[\s(])(?:ap\.|apm\.|apmēram|aptuveni|gandrīz|vairāk nekā|ne vairāk kā|` +
    String.raw`līdz|about|around|approximately|approx\.|circa|ca\.|almost|nearly|up to|more than|` +
    String.raw`over|no more than)\s*[–—-]?\s*)$`,
  'iu',
);

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
      'ministr',
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

/** The payer class of one word by its stem (`named`: an agency, a university, a fund), or undefined. */
function headClass(word: string): { id: string; kind: SourceKind } | undefined {
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

/** Words before an amount that make it a limit (a minimum or maximum per project), not a figure of this budget. */
export const LIMIT_BEFORE = new RegExp(
  String.raw`(?:minimāl|maksimāl|minimum|maximum|minimal|maksymaln|minimaln|minimáln|maximáln|` +
    String.raw`mindest|höchst|minimal|maximal|minimi|maximi|minimaal|maksimaal|mažiaus|daugiaus|` +
    String.raw`didžiaus)\p{L}*(?:\s+[\p{L}–—:-]+){0,4}\s*$`,
  'iu',
);

/** "cits publiskais finansējums", "other public funding": another payer of the same class, not the class itself. */
export const OTHER_BEFORE = new RegExp(
  String.raw`(?<!\p{L})(?:cit[sāiu]|citas|other|andere\p{L}*|autres?|altr[oiae]|otr[oa]s?|inn[eya]|` +
    String.raw`jin[éýá]|ki\p{L}*|muu|muud|kit[ai]|drug[ie])\s+$`,
  'iu',
);
