import { Decimal } from '../decimal.js';

/**
 * Programme rules as data. Every figure carries the document and section it was read from; what could not be read
 * from a published source is left out. Issue 16, fifth round (the pages corpus): the flat rates of every 2021-2027
 * Interreg programme are bound by Regulations (EU) 2021/1060 (Articles 54 and 55) and 2021/1059 (Articles 40 and 41),
 * read in copies of their text; of the programmes' own choices only Interreg Europe's travel flat rate was read (its
 * manual's fourth version). No source gave a programme's default flat rates, its flexibility limit, CPR Article 56's
 * 40% rate (not read), or URBACT IV's rate per partner category (a call summary gives only "from 50 to 95%" by the
 * partner's country, so it has no profile). The monitoring system is sourced as Jems for Central Baltic, Central
 * Europe, Estonia-Latvia and Latvia-Lithuania, and as BAMOS+ for the Baltic Sea Region (its manual, B.9), whose
 * rounding no source states. The Latvia-Lithuania 2014-2020 3rd-call slides (slideplayer.com./amp/17371105) give staff
 * costs at "15% of total eligible PP direct costs": another period's rule, so not in the 2021-2027 profile.
 */
export interface ProgrammeSource {
  document: string;
  section: string;
  url: string;
}

/** A partner category of a programme and the most its programme funds may pay. */
export interface PartnerCategory {
  id: string;
  /** Who belongs to it, in the source's words. */
  who: string;
  /** The highest co-financing rate of the programme's funds together, in percent. */
  maximum: Decimal;
  source: ProgrammeSource;
}

/**
 * The cost categories a programme's flat rates name (model.ts's CostCategory, written out here: model.ts imports this
 * file, and an import circle is refused even for types).
 */
export type FlatRateCategory = 'staff' | 'office' | 'travel' | 'external' | 'equipment' | 'infrastructure' | 'other';

/** A flat rate a programme allows: `category` at up to `maximum`% of `base` (`direct`: the other direct costs). */
export interface FlatRateRule {
  category: FlatRateCategory;
  base: 'direct' | FlatRateCategory;
  maximum: Decimal;
  source: ProgrammeSource;
}

/** The flat rates a programme allows, as far as they were read. */
export interface FlatRateRules {
  rules: FlatRateRule[];
  /**
   * Categories whose every flat rate the rules list, each with the source that says so: a flat rate of one of them on
   * another base is not allowed. For another category only the maxima bind, and a base the rules do not name is left
   * alone (a programme may establish other flat rates: Regulation (EU) 2021/1060, Article 53(3)).
   */
  only: { category: FlatRateCategory; source: ProgrammeSource }[];
}

/** The monitoring system the programme computes budgets in, and the rounding it applies. */
export interface MonitoringSystem {
  name: string;
  /** The rounding rule and unit the system applies (docs/jems-rules.md for Jems). */
  method: 'fund-down';
  unit: Decimal;
  source: ProgrammeSource;
}

export interface ProgrammeProfile {
  id: string;
  name: string;
  period: string;
  categories: PartnerCategory[];
  /** The flat rates allowed; undefined where none could be read from a source. */
  flatRates?: FlatRateRules | undefined;
  /** The monitoring system, where a source names it and cofin knows its rounding (Jems). */
  system?: MonitoringSystem | undefined;
  /** Rules of the programme cofin already applies, with where they are written. */
  notes: { rule: string; source: ProgrammeSource }[];
}

const BSR_B7: ProgrammeSource = {
  document: 'Interreg Baltic Sea Region 2021-2027, Programme Manual (online)',
  section: 'B.7 Programme budget and co-financing',
  url:
    'https://interreg-baltic.eu/toolkit/online-programme-manual/' +
    'b-general-information-about-ibsr/b-7-programme-budget-and-co-financing/',
};

const CE_I23: ProgrammeSource = {
  document: 'Interreg CENTRAL EUROPE 2021-2027, Programme Manual',
  section: 'I.2.3 Programme budget and co-financing rate',
  url:
    'https://www.interreg-central.eu/Content.Node/projects/example-project/' +
    'I.2.3-Programme-Budget-and-Co-Financing-Rate.html',
};

// The URBACT III programme manual's own section (Fact Sheet 1, section 6 "Programme funding")
// was not readable; these figures are the Austrian national contact point's summary of it.
const URBACT_III: ProgrammeSource = {
  document: 'ÖROK (Austrian Conference on Spatial Planning), "URBACT III | Programmbudget"',
  section: 'Kofinanzierung für Netzwerke (co-financing of networks)',
  url: 'https://www.oerok.gv.at/eu-kooperationen/etz-transnational-netzwerke/urbact-2014-2020/finanzieller-rahmen.html',
};

const IE_FAQ: ProgrammeSource = {
  document: 'Interreg Europe, FAQs (help pages; undated, the rates of the 2014-2020 programme)',
  section: 'Programme funding: What is the co-financing rate for project partners?',
  url: 'https://www.interregeurope.eu/help/faqs/7/',
};

// Estonian national contact (JAEK) announcing the programme's second call, 4 Sept 2023 - 4 Jan 2024.
const ESTLAT: ProgrammeSource = {
  document: 'JAEK, "Eesti-Läti koostööprojektid" (Interreg Estonia-Latvia 2021-2027, second call)',
  section: '"Programmi kaasrahastus on kuni 80% abikõlbulikest kuludest" (co-financing up to 80% of eligible costs)',
  url: 'https://www.jaek.ee/eesti-lati-koostooprojektid/',
};

// Interreg Europe 2021-2027's "Facts and figures" page, read as a copy (smape.net) of the
// programme's page: the searched corpus did not hold interregeurope.eu's own.
const IE_2021: ProgrammeSource = {
  document: 'Interreg Europe 2021-2027, "Facts and figures" (read in a copy at smape.net/facts-and-figures.html)',
  section:
    '"Co-financing rates for project partners": "up to 80% ... Private non-profit ' +
    'organisations can receive 70% ... Partners from Norway receive 50%"',
  url: 'https://www.interregeurope.eu/facts-and-figures',
};

const CENTRAL_BALTIC: ProgrammeSource = {
  document: 'Interreg (interreg.eu), "Sail To Success: Cross-Border Project Funding with the Central Baltic Programme"',
  section: '"Funding coverage extends up to 80%, with partners contributing a minimum of 20%"',
  url: 'https://interreg.eu/news/sail-to-success-cross-border-project-funding-with-the-central-baltic-programme',
};

const LATLIT: ProgrammeSource = {
  document: 'Interreg VI-A Latvia-Lithuania 2021-2027, first call for proposals (latlit.eu, 11 November 2022)',
  section:
    '"ERDF co-financing and total project budget": "The European Regional Development Fund ' +
    '(ERDF) will provide 80% co-financing to the projects"',
  url: 'https://2014-2020.latlit.eu/about-first-call-for-proposals/',
};

// The regulations every 2021-2027 Interreg programme is under; each was read in a copy of its text (the EUR-Lex page
// of the act is its address).
const CPR_55: ProgrammeSource = {
  document: 'Regulation (EU) 2021/1060 (Common Provisions Regulation), read in the Dutch text at inview.nl',
  section:
    'Article 55(1) (translated): direct staff costs "as a flat rate of up to 20% of the direct costs other than ' +
    'the direct staff costs"',
  url: 'https://eur-lex.europa.eu/eli/reg/2021/1060/oj',
};

const CPR_54: ProgrammeSource = {
  document: 'Regulation (EU) 2021/1060 (Common Provisions Regulation), read in the German text at gesetze.legal',
  section:
    'Article 54 (translated): indirect costs at "up to 7% of eligible direct costs", "up to 15% of eligible ' +
    'direct staff costs", or "up to 25% of eligible direct costs" where the rate is calculated under Article 53(3)(a)',
  url: 'https://eur-lex.europa.eu/eli/reg/2021/1060/oj',
};

const INTERREG_40: ProgrammeSource = {
  document: 'Regulation (EU) 2021/1059 (Interreg Regulation), read at fantasticsearch.net',
  section:
    'Article 40(2): office and administrative costs as a fixed percentage "in accordance with point (b) of the first ' +
    'subparagraph of Article 54 of Regulation (EU) 2021/1060" (up to 15% of direct staff costs)',
  url: 'https://eur-lex.europa.eu/eli/reg/2021/1059/oj',
};

const INTERREG_41: ProgrammeSource = {
  document: 'Regulation (EU) 2021/1059 (Interreg Regulation), read in the German text at gesetze.legal',
  section:
    'Article 41(5) (translated): travel and accommodation costs "at a flat rate of up to 15% of the direct ' +
    'staff costs"',
  url: 'https://eur-lex.europa.eu/eli/reg/2021/1059/oj',
};

const flat = (
  category: FlatRateCategory,
  base: 'direct' | FlatRateCategory,
  maximum: string,
  source: ProgrammeSource,
): FlatRateRule => ({
  category,
  base,
  maximum: new Decimal(maximum),
  source,
});

/** The regulations' maxima, binding on every 2021-2027 Interreg programme; they do not say which ones it offers. */
const INTERREG_2021: FlatRateRules = {
  rules: [
    flat('staff', 'direct', '20', CPR_55),
    flat('office', 'staff', '15', INTERREG_40),
    flat('office', 'direct', '25', CPR_54),
    flat('travel', 'staff', '15', INTERREG_41),
  ],
  // Article 54: a flat rate of indirect costs "may be based on one of the following" three
  only: [{ category: 'office', source: CPR_54 }],
};

// The news of Interreg Europe's programme manual, fourth version: travel is a flat rate, for all staff.
const IE_TRAVEL: ProgrammeSource = {
  document: 'Interreg Europe, "Version four of the Interreg Europe programme manual" (December 2024)',
  section:
    'Section 6.2.3 Travel and Accommodation: "the flat rate of 15% applies to all travel and accommodation costs"; ' +
    'its base, staff costs, is the only one Regulation (EU) 2021/1059 Article 41(5) allows',
  url: 'https://interregeurope.eu/news-events/news/version-four-of-interreg-europe-programme-manual',
};

const JEMS_CENTRAL_BALTIC: ProgrammeSource = {
  document: 'Interreg Central Baltic, "Frequently Asked Questions - Project Implementation & Reporting"',
  section: '"Check first that you are in the Central Baltic Jems"; partner reports are submitted in Jems',
  url: 'https://centralbaltic.eu/for-projects/faqs-implementation/',
};

const JEMS_LATLIT: ProgrammeSource = {
  document: 'Interreg VI-A Latvia-Lithuania 2021-2027, first call for proposals (latlit.eu, 28 November 2022)',
  section: '"submit their project applications electronically via the Joint Electronic Management System (JEMS)"',
  url: 'https://latlit.eu/?p=892',
};

const JEMS_CENTRAL_EUROPE: ProgrammeSource = {
  document: 'Danube Region Strategy PA10, "Interreg Central Europe first call is open" (2021)',
  section:
    'Application procedure: "only through the web-based Joint Electronic Monitoring System (Jems) available at ' +
    'https://jems.interreg-central.eu"',
  url: 'https://capacitycooperation.danube-region.eu/interreg-central-europe-first-call-is-open',
};

const jems = (source: ProgrammeSource): MonitoringSystem => ({
  name: 'Jems',
  method: 'fund-down',
  unit: new Decimal('0.01'),
  source,
});

const category = (id: string, who: string, maximum: string, source: ProgrammeSource): PartnerCategory => ({
  id,
  who,
  maximum: new Decimal(maximum),
  source,
});

export const PROGRAMMES: readonly ProgrammeProfile[] = [
  {
    id: 'urbact-iii',
    name: 'URBACT III',
    period: '2014-2020',
    categories: [
      category('less-developed', 'partners from less developed regions (ERDF)', '85', URBACT_III),
      category('transition', 'partners from transition regions (ERDF)', '85', URBACT_III),
      category('more-developed', 'partners from more developed regions (ERDF)', '70', URBACT_III),
      category(
        'norway-switzerland',
        'partners from Norway and Switzerland (national funds, no ERDF)',
        '50',
        URBACT_III,
      ),
    ],
    notes: [],
  },
  {
    id: 'interreg-baltic-sea-region',
    name: 'Interreg Baltic Sea Region',
    period: '2021-2027',
    categories: [
      category(
        'eu',
        'priorities 1-3: partners from Denmark, Finland, Germany, Sweden, Estonia, Latvia, Lithuania and Poland (ERDF)',
        '80',
        BSR_B7,
      ),
      category('norway', 'priorities 1-3: partners from Norway (Norwegian national funding)', '50', BSR_B7),
      category(
        'priority-4',
        'priority 4: partners from all programme countries (ERDF and Norwegian national funding)',
        '80',
        BSR_B7,
      ),
      category('outside', 'partners from outside the programme area receiving ERDF', '80', BSR_B7),
    ],
    // its monitoring system is BAMOS+ (manual, B.9), whose rounding no source states: no system here
    flatRates: INTERREG_2021,
    notes: [
      {
        rule:
          'expenditure paid in another currency is converted into euro at the ' +
          "Commission's monthly accounting rate of the month it is submitted for " +
          'verification (cofin claim: submitted, rates)',
        source: {
          document: 'Interreg Baltic Sea Region 2021-2027, Programme Manual (online)',
          section: 'G.5.3 Use of euro and exchange rate',
          url: 'https://interreg-baltic.eu/?p=11644',
        },
      },
    ],
  },
  {
    id: 'interreg-europe-2014-2020',
    name: 'Interreg Europe (2014-2020)',
    period: '2014-2020',
    categories: [
      category('public', 'public bodies and bodies governed by public law', '85', IE_FAQ),
      category('private-non-profit', 'private non-profit bodies', '75', IE_FAQ),
      category('norway', 'Norwegian organisations', '50', IE_FAQ),
    ],
    notes: [],
  },
  {
    id: 'interreg-estonia-latvia',
    name: 'Interreg Estonia-Latvia',
    period: '2021-2027',
    categories: [category('all', 'every partner', '80', ESTLAT)],
    flatRates: INTERREG_2021,
    system: jems({
      ...ESTLAT,
      section: '"Taotluste esitamine toimub elektrooniliselt JEMS keskkonna kaudu" (applications through Jems)',
    }),
    notes: [
      {
        rule: 'applications are submitted in Jems, whose rounding cofin claim applies (docs/jems-rules.md)',
        source: {
          ...ESTLAT,
          section: '"Taotluste esitamine toimub elektrooniliselt JEMS keskkonna kaudu" (applications through Jems)',
        },
      },
    ],
  },
  {
    id: 'interreg-europe',
    name: 'Interreg Europe',
    period: '2021-2027',
    categories: [
      category('public', 'public bodies (EU Member States)', '80', IE_2021),
      category('private-non-profit', 'private non-profit organisations', '70', IE_2021),
      category('norway', 'partners from Norway', '50', IE_2021),
    ],
    flatRates: {
      rules: [...INTERREG_2021.rules.filter((r) => r.category !== 'travel'), flat('travel', 'staff', '15', IE_TRAVEL)],
      only: [...INTERREG_2021.only, { category: 'travel', source: IE_TRAVEL }],
    },
    notes: [],
  },
  {
    id: 'interreg-central-baltic',
    name: 'Interreg Central Baltic',
    period: '2021-2027',
    categories: [category('all', 'every partner (Finland with Åland, Estonia, Latvia, Sweden)', '80', CENTRAL_BALTIC)],
    flatRates: INTERREG_2021,
    system: jems(JEMS_CENTRAL_BALTIC),
    notes: [],
  },
  {
    id: 'interreg-latvia-lithuania',
    name: 'Interreg Latvia-Lithuania',
    period: '2021-2027',
    categories: [
      category('all', 'every partner (public institutions, public equivalent bodies and NGOs)', '80', LATLIT),
    ],
    flatRates: INTERREG_2021,
    system: jems(JEMS_LATLIT),
    notes: [],
  },
  {
    id: 'interreg-central-europe',
    name: 'Interreg CENTRAL EUROPE',
    period: '2021-2027',
    categories: [category('all', 'every partner (ERDF; the rate may be lower where State aid applies)', '80', CE_I23)],
    flatRates: INTERREG_2021,
    system: jems(JEMS_CENTRAL_EUROPE),
    notes: [],
  },
];

/** A profile by id, or undefined. */
export function programme(id: string): ProgrammeProfile | undefined {
  return PROGRAMMES.find((p) => p.id === id);
}
