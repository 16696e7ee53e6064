import { Decimal } from '../decimal.js';

/**
 * Programme rules as data. Every figure carries the document and section it
 * was read from; what could not be read from a published source is left out
 * (flat-rate options, flexibility limits and the monitoring system's rounding
 * of these programmes were not found, so none is given; URBACT IV's rates per
 * partner category were not found either: a call summary gives only "from 50
 * to 95%" by the partner's country, so it has no profile). Searched again (issue 16, fourth round: the
 * pages and docs corpora, for these programmes' 2021-2027 manuals): still no readable flat-rate option,
 * flexibility limit or URBACT IV rate per category. The one flat rate found is of another period: the
 * Interreg V-A Latvia-Lithuania 2014-2020 3rd-call seminar slides ("Project budget requirements", a copy at
 * https://slideplayer.com./amp/17371105) give staff costs at "15% of total eligible PP direct costs"; it is
 * not this 2021-2027 profile's rule, so it is not in it.
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

export interface ProgrammeProfile {
  id: string;
  name: string;
  period: string;
  categories: PartnerCategory[];
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
    notes: [],
  },
  {
    id: 'interreg-central-baltic',
    name: 'Interreg Central Baltic',
    period: '2021-2027',
    categories: [category('all', 'every partner (Finland with Åland, Estonia, Latvia, Sweden)', '80', CENTRAL_BALTIC)],
    notes: [],
  },
  {
    id: 'interreg-latvia-lithuania',
    name: 'Interreg Latvia-Lithuania',
    period: '2021-2027',
    categories: [
      category('all', 'every partner (public institutions, public equivalent bodies and NGOs)', '80', LATLIT),
    ],
    notes: [],
  },
  {
    id: 'interreg-central-europe',
    name: 'Interreg CENTRAL EUROPE',
    period: '2021-2027',
    categories: [category('all', 'every partner (ERDF; the rate may be lower where State aid applies)', '80', CE_I23)],
    notes: [],
  },
];

/** A profile by id, or undefined. */
export function programme(id: string): ProgrammeProfile | undefined {
  return PROGRAMMES.find((p) => p.id === id);
}
