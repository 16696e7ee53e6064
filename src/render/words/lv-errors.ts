/**
 * Invalid-file and usage errors in Latvian: core and the readers say them in
 * English (their text carries quoted values and names), so they are phrased
 * again here by their shape. A message or hint no pattern knows stays in
 * English; the code and FILE:LINE:COL never change.
 */
type Rule = [RegExp, string | ((match: string, ...groups: string[]) => string)];

/** A source kind as a Latvian adjective (the kind itself as written stays in hints). */
const KIND_LV: Readonly<Record<string, string>> = {
  public: 'publisks',
  private: 'privāts',
  'automatic-public': 'automātiski publisks',
  'eu-fund': 'ES fonda',
};
/** How an EU fund's name under another id would be read, the tail of loader-base's fund messages. */
const readAsLv = (own: string | undefined, kind: string | undefined) =>
  own === undefined
    ? 'tā identifikators nav zināms: to lasītu kā publisku avotu'
    : `${own} ir ${KIND_LV[kind ?? ''] ?? kind} avots`;
const READ_AS = '(?:its id is not a well-known one: it would be read as a public source|(\\S+) is an? (\\S+) source)';

const MESSAGES: Rule[] = [
  [/^not an amount: (".*")$/s, 'nav summa: $1'],
  [/^empty amount$/, 'tukša summa'],
  [/^not a rate: (".*")$/s, 'nav likme: $1'],
  [/^unknown key "(.*)" in (?:the )?budget file$/s, 'nezināma atslēga "$1" budžeta failā'],
  [/^unknown key "(.*)" in source "(.*)"$/s, 'nezināma atslēga "$1" finansējuma avotā "$2"'],
  [/^unknown key "(.*)" in partner (\d+)$/s, 'nezināma atslēga "$1" $2. partnerī'],
  [/^unknown key "(.*)" in periods item (\d+)$/s, 'nezināma atslēga "$1" periods saraksta $2. ierakstā'],
  [/^unknown key "(.*)" in period (\S+)$/s, 'nezināma atslēga "$1" $2. periodā'],
  [/^unknown key "(.*)" in claim (\d+)$/s, 'nezināma atslēga "$1" $2. pieprasījumā'],
  [/^unknown key "(.*)" in the claim file$/s, 'nezināma atslēga "$1" pieprasījumu failā'],
  [/^unknown key "(.*)" in (.*)$/s, 'nezināma atslēga "$1" ($2)'],
  [/^unknown key "(.*)"$/s, 'nezināma atslēga "$1"'],
  [/^duplicate key "(.*)"$/s, 'atkārtota atslēga "$1"'],
  [/^duplicate key$/, 'atkārtota atslēga'],
  [/^the file is empty$/, 'fails ir tukšs'],
  [
    /^rates: (.*) is outside the claim file's folder and the current folder: cofin does not read it$/s,
    'rates: $1 atrodas ārpus pieprasījumu faila mapes un pašreizējās mapes: cofin to nelasa',
  ],
  [/^the file has no budget in it$/, 'failā nav budžeta'],
  [/^JSON syntax: (.*)$/s, 'JSON sintakses kļūda: $1'],
  [/^YAML syntax: (.*)$/s, 'YAML sintakses kļūda: $1'],
  [
    /^a second YAML document \(after "---" or "\.\.\."\): a file holds one budget$/,
    'otrs YAML dokuments (aiz "---" vai "..."): vienā failā ir viens budžets',
  ],
  [/^not an ISO 4217 currency code: (".*")$/s, 'nav ISO 4217 valūtas kods: $1'],
  [/^(\S+) is not an ISO 4217 currency code: (".*")$/s, '$1 nav ISO 4217 valūtas kods: $2'],
  [/^not a currency code: (".*")$/s, 'nav valūtas kods: $1'],
  [/^a row has no partner name$/, 'rindā nav partnera nosaukuma'],
  [
    /^(".*") has a decimal point, but in this table "," is the decimal mark$/s,
    '$1 ir decimālpunkts, bet šajā tabulā decimāldaļu atdala ar ","',
  ],
  [
    /^(".*") is written with a "," between thousands and a decimal point, but in this table "," is the decimal mark$/s,
    '$1 tūkstošus atdala ar "," un decimāldaļu ar punktu, bet šajā tabulā decimāldaļu atdala ar ","',
  ],
  [/^partner "(.*)" has no budget$/s, 'partnerim "$1" nav budžeta'],
  [
    /^the column "(.*)" is not a well-known source id: did you mean "(.*)"\?$/s,
    'kolonna "$1" nav zināms finansējuma avota identifikators: vai domājāt "$2"?',
  ],
  // stop 26's partner-table and fund messages (trial 8)
  [
    /^source "(.*)" is not a well-known id: did you mean "(.*)"\?$/s,
    'avots "$1" nav zināms identifikators: vai domājāt "$2"?',
  ],
  [/^(\S+) is in ([A-Z]{3}), not ([A-Z]{3}): (".*")$/s, '$1 ir valūtā $2, nevis $3: $4'],
  [
    /^partner "(.*)" is in ([A-Z]{3}): a partner table is in EUR$/s,
    'partneris "$1" ir valūtā $2: partneru tabula ir eiro (EUR)',
  ],
  [/^a dash "(.*)" is not an amount$/s, 'domuzīme "$1" nav summa'],
  [
    /^"(.*)" in the column "(.*)" is not an amount: the column was read as a funding source$/s,
    '"$1" kolonnā "$2" nav summa: kolonna nolasīta kā finansējuma avots',
  ],
  [/^the header has no "(.*)" column$/s, 'galvenē nav kolonnas "$1"'],
  [/^the sheet "(.*)" has no "partner" header$/s, 'lapā "$1" nav galvenes "partner"'],
  [/^no sheet has a "partner" header \(the sheets: (.*)\)$/s, 'nevienā lapā nav galvenes "partner" (lapas: $1)'],
  [
    /^"(.*)" in the (\S+) column looks like a fraction, not an amount$/s,
    '"$1" kolonnā $2 izskatās pēc daļskaitļa, nevis summas',
  ],
  [/^the column "(.*)" is a total, not a funding source$/s, 'kolonna "$1" ir kopsumma, nevis finansējuma avots'],
  [
    /^the column "(.*)" names an EU fund, but it is not a well-known source id: it would be read as a public source$/s,
    'kolonna "$1" nosauc ES fondu, bet nav zināms avota identifikators: to lasītu kā publisku avotu',
  ],
  [
    /^the row "(.*)" is a total row above other partners: a table's total is its last row$/s,
    'rinda "$1" ir kopsummas rinda virs citiem partneriem: tabulas kopsumma ir tās pēdējā rinda',
  ],
  [
    new RegExp(`^source "(.*)" is named "(.*)", the (.*)'s name, but ${READ_AS}$`, 's'),
    (_, id, name, fund, own, kind) =>
      `avots "${id}" nosaukts "${name}" (${fund} nosaukums), bet ${readAsLv(own, kind)}`,
  ],
  [
    new RegExp(`^source "(.*)" is named "(.*)", an EU fund's name, but ${READ_AS}$`, 's'),
    (_, id, name, own, kind) => `avots "${id}" nosaukts "${name}" (ES fonda nosaukums), bet ${readAsLv(own, kind)}`,
  ],
  [
    new RegExp(`^source "(.*)" names an EU fund, but ${READ_AS}$`, 's'),
    (_, id, own, kind) => `avots "${id}" nosauc ES fondu, bet ${readAsLv(own, kind)}`,
  ],
  [
    new RegExp(`^source "(.*)" names the (.*), but ${READ_AS}$`, 's'),
    (_, id, fund, own, kind) => `avots "${id}" nosauc fondu ${fund}, bet ${readAsLv(own, kind)}`,
  ],
  [/^no such file$/, 'nav tāda faila'],
  [/^permission denied$/, 'nav piekļuves atļaujas'],
  [/^is a folder, not a budget file$/, 'ir mape, nevis budžeta fails'],
  [
    /^no budget files \((.*)\) in this folder but the ones excluded$/s,
    'šajā mapē nav budžeta failu ($1), izņemot izslēgtos',
  ],
  [/^no budget files \((.*)\) in this folder$/s, 'šajā mapē nav budžeta failu ($1)'],
  [
    /^(.*) is an input of this command: cofin never writes to its inputs$/s,
    '$1 ir šīs komandas ievade: cofin nekad neraksta savās ievadēs',
  ],
  [/^is not a regular file$/, 'nav parasts fails'],
  [/^unknown output format: (".*")$/s, 'nezināms izvades formāts: $1'],
  [
    /^too many arguments for '(.*)'\. Expected (\d+) arguments? but got (\d+)\.$/s,
    "pārāk daudz argumentu komandai '$1': gaidīts $2, saņemti $3",
  ],
  [/^unknown option '(.*)'$/s, "nezināma opcija '$1'"],
  [/^unknown command '(.*)'$/s, "nezināma komanda '$1'"],
  [/^missing required argument '(.*)'$/s, "trūkst obligātā argumenta '$1'"],
  [
    /^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\. Did you mean (.*)\?$/s,
    "opcijas '$1' vērtība '$2' nav derīga; derīgās vērtības: $3. Vai domājāt $4?",
  ],
  [
    /^option '(.*)' argument '(.*)' is invalid\. Allowed choices are (.*)\.$/s,
    "opcijas '$1' vērtība '$2' nav derīga; derīgās vērtības: $3.",
  ],
  [/^"(.*)" is not a finding code$/s, '"$1" nav atraduma kods'],
  // the rarer codes: each code has words here (test/lv-errors.test.ts)
  [/^ambiguous amount: (".*") could be (\S+) or (\S+)$/s, 'neviennozīmīga summa: $1 var būt $2 vai $3'],
  [/^digits not grouped in threes: (".*")$/s, 'cipari nav grupēti pa trim: $1'],
  [/^the file is UTF-16, not UTF-8$/, 'fails ir UTF-16, nevis UTF-8 kodējumā'],
  [/^the file holds binary data \(a NUL byte\), not text$/, 'failā ir binārie dati (NUL baits), nevis teksts'],
  [/^the file is not valid UTF-8$/, 'fails nav derīgā UTF-8 kodējumā'],
  [/^the file is (\d+) bytes, more than the limit of (\d+)$/, 'fails ir $1 baitu, vairāk nekā robeža $2'],
  [/^(standard input|the input) is larger than (\d+) bytes$/, 'ievade ir lielāka par $2 baitiem'],
  [/^not a rounding unit: (".*")$/s, 'nav noapaļošanas vienība: $1'],
  [/^rounding unit must be a power of ten: (.*)$/s, 'noapaļošanas vienībai jābūt desmit pakāpei: $1'],
  [/^unknown rounding method (".*")$/s, 'nezināma noapaļošanas metode $1'],
  [/^not a share: (".*")$/s, 'nav daļa: $1'],
  [/^not a source id: (".*")$/s, 'nav finansējuma avota identifikators: $1'],
  [/^unknown source kind (".*")$/s, 'nezināms avota veids $1'],
  [/^no shares to split into$/, 'nav daļu, kurās sadalīt'],
  [/^source (".*") is named twice$/s, 'avots $1 norādīts divreiz'],
  [/^source (".*") needs a name$/s, 'avotam $1 vajadzīgs nosaukums'],
  [/^source (".*") has neither a rate nor an amount$/s, 'avotam $1 nav ne likmes, ne summas'],
  [/^partner (".*") has no funding$/s, 'partnerim $1 nav finansējuma'],
  [/^the file has no (".*")$/s, 'failā nav $1'],
  [/^rates add up to (\S+), (\S+) short of 100%$/, 'likmes kopā ir $1: līdz 100% trūkst $2'],
  [/^rates add up to (\S+), (\S+) over 100%$/, 'likmes kopā ir $1: par $2 vairāk nekā 100%'],
  [/^rates add up to (\S+), not 100%$/, 'likmes kopā ir $1, nevis 100%'],
  [
    /^(\S+): the rest comes to (\S+) with (\S+): the other shares, rounded, pass the budget$/s,
    '$1: atlikums ar metodi $3 ir $2: pārējās daļas pēc noapaļošanas pārsniedz budžetu',
  ],
  [/^budget (\S+) is not a whole number of units of (\S+)$/, 'budžets $1 nav vesels skaits vienību pa $2'],
  [
    /^(.*) must be written as text, not as a binary value \((.*)\)$/s,
    '$1 jāraksta kā teksts, nevis kā bināra vērtība ($2)',
  ],
  [/^(.*) must be written as text, not as a date \((.*)\)$/s, '$1 jāraksta kā teksts, nevis kā datums ($2)'],
  [
    /^(.*) must be written as text, not as a tagged value \((.*)\)$/s,
    '$1 jāraksta kā teksts, nevis kā vērtība ar birku ($2)',
  ],
  [/^"(.*)" is not a cost category$/s, '"$1" nav izmaksu kategorija'],
  [/^a complex key \((.*)\) is not a key cofin reads$/s, 'salikta atslēga ($1) nav atslēga, ko cofin lasa'],
  [/^(.*) must be a single value, not a list$/s, '$1: jābūt vienai vērtībai, nevis sarakstam'],
  [/^(.*) must be a single value, not a mapping$/s, '$1: jābūt vienai vērtībai, nevis kartējumam'],
  [/^(.*) must be a mapping$/s, '$1: jābūt kartējumam (atslēga: vērtība)'],
  [/^(.*) must be a list$/s, '$1: jābūt sarakstam'],
  [/^(.*) is empty \((~|null|Null|NULL)\)$/s, '$1: tukša vērtība ($2)'],
  [/^(.*) is empty$/s, '$1: tukša vērtība'],
  [/^(.*): no space left on the device$/s, '$1: ierīcē nav brīvas vietas'],
  [/^(.*): the name is too long for the file system$/s, '$1: nosaukums failu sistēmai ir par garu'],
  [/^(.*): permission denied$/s, '$1: nav piekļuves atļaujas'],
  [/^(.*) already exists$/s, '$1 jau pastāv'],
  [/^"strict" must be true or false, not (.*)$/s, '"strict" jābūt true vai false, nevis $1'],
  [
    /^the row "(.*)" is a total row above other partners: a table's total is its last row$/s,
    'rinda "$1" ir kopsummas rinda virs citiem partneriem: tabulas kopsumma ir tās pēdējā rinda',
  ],
  [
    /^source "(.*)" is (.*), an EU fund, but its kind is written (.*)$/s,
    'avots "$1" ir $2, ES fonds, bet tā veids ierakstīts $3',
  ],
];

const HINTS: Rule[] = [
  [
    new RegExp(
      String.raw`^move the total row below the partners; ` +
        String.raw`a partner whose name begins with a total word: write its legal form \(Total SA\)$`,
    ),
    'pārvietojiet kopsummas rindu zem partneriem; partnerim, kura nosaukums sākas ar kopsummas vārdu, ierakstiet ' +
      'tā juridisko formu (Kopā SIA)',
  ],
  [
    /^drop kind: (\S+), or give a \S+ source an id of its own \(not (.*)\)$/s,
    'izdzēsiet kind: $1 vai dodiet šim avotam savu id (ne $2)',
  ],
  [/^write (\S+=\S+), or give a \S+ source an id of its own: (.*)$/s, 'rakstiet $1 vai dodiet šim avotam savu id: $2'],
  [/^write an amount such as (.*)$/s, 'rakstiet summu, piemēram, $1'],
  [
    /^merge keys \(<<: \*name\) are not read in funding: write each source out$/s,
    'apvienošanas atslēgas (<<: *name) sadaļā funding netiek lasītas: ierakstiet katru avotu',
  ],
  [
    /^every column but (.*) and (\S+) is a funding source: delete the column "(.*)", or keep notes outside the table$/s,
    'katra kolonna, izņemot $1 un $2, ir finansējuma avots: izdzēsiet kolonnu "$3" vai turiet piezīmes ārpus tabulas',
  ],
  [/^did you mean "(.*)"\? Rename the column (\S+)$/s, 'vai domājāt "$1"? Pārdēvējiet kolonnu par $2'],
  [
    /^cofin reads the headers in English: rename the columns (.*), e\.g\. (.*)$/s,
    'cofin lasa galvenes angliski: pārdēvējiet kolonnas $1, piemēram, $2',
  ],
  [/^write a percentage from 0 to 100, such as (.*)$/s, 'rakstiet procentus no 0 līdz 100, piemēram, $1'],
  [/^the keys of the budget file are (.*)$/s, 'budžeta faila atslēgas: $1'],
  [/^a flat rate is N% of direct, or of categories: (.*)$/s, 'vienotā likme ir N% no direct vai no kategorijām: $1'],
  [
    /^write a plain key: the keys of the budget file are (.*)$/s,
    'rakstiet vienkāršu atslēgu; budžeta faila atslēgas: $1',
  ],
  [/^write a plain key: the keys of (.*) are (.*)$/s, 'rakstiet vienkāršu atslēgu; $1 atslēgas: $2'],
  [
    /^write (.*) as plain text, without the tag, e\.g\. (.*)$/s,
    'rakstiet $1 kā vienkāršu tekstu bez birkas, piemēram, $2',
  ],
  [/^the keys are (.*)$/s, 'atslēgas: $1'],
  [/^did you mean (.*)\?$/s, 'vai domājāt $1?'],
  [
    /^inside \{ \} a comma separates entries: quote the value \((.*)\) or write the source as indented lines$/s,
    'figūriekavās { } komats atdala ierakstus: lieciet vērtību pēdiņās ($1) vai rakstiet avotu rindās ar atkāpi',
  ],
  [
    /^inside \{ \} a comma separates entries: quote the value \((.*)\) or write funding as indented lines$/s,
    'figūriekavās { } komats atdala ierakstus: lieciet vērtību pēdiņās ($1) vai rakstiet finansējumu rindās ar atkāpi',
  ],
  [
    /^inside \{ \} a comma separates entries: quote the value \((.*)\) or write it as indented lines$/s,
    'figūriekavās { } komats atdala ierakstus: lieciet vērtību pēdiņās ($1) vai rakstiet to rindās ar atkāpi',
  ],
  [
    /^inside \[ \] a comma separates items: quote the amount \((.*)\) or write the items as indented "- " lines$/s,
    'kvadrātiekavās [ ] komats atdala elementus: lieciet summu pēdiņās ($1) vai rakstiet elementus rindās ar "- "',
  ],
  [
    /^write (\S+) \(a "\." groups thousands here: 12\.758,50\)$/s,
    'rakstiet $1 (punkts šeit atdala tūkstošus: 12.758,50)',
  ],
  [/^write (.+) \(or without spaces: (\S+)\)$/s, 'rakstiet $1 (vai bez atstarpēm: $2)'],
  [/^each key may appear once in a mapping$/, 'katra atslēga kartējumā drīkst būt vienu reizi'],
  [/^check the commas, quotes and brackets around this point$/, 'pārbaudiet komatus, pēdiņas un iekavas ap šo vietu'],
  [/^check the indentation and quoting around this point$/, 'pārbaudiet atkāpes un pēdiņas ap šo vietu'],
  [
    /^put each budget in a file of its own, or remove the "---" line$/,
    'katru budžetu ierakstiet atsevišķā failā vai izdzēsiet rindu "---"',
  ],
  [/^start from "cofin init" for a commented example$/, 'sāciet ar "cofin init": tas izveido piemēru ar komentāriem'],
  [/^write an ISO 4217 code such as (.*)$/s, 'rakstiet ISO 4217 kodu, piemēram, $1'],
  [/^write an ISO 4217 code: (.*)$/s, 'rakstiet ISO 4217 kodu: $1'],
  [
    /^leave the cell empty \(an empty source cell is no source; in the total row, a figure not stated\) or write 0$/,
    'atstājiet šūnu tukšu (tukša avota šūna nav avots; kopsummas rindā tā ir nenorādīts skaitlis) vai rakstiet 0',
  ],
  [
    /^write (\S+%) for a rate, or (.*) if the amount is meant$/s,
    'rakstiet $1, ja tā ir likme, vai $2, ja domāta summa',
  ],
  [
    /^delete the column: cofin checks each partner's sources against its budget column$/,
    'izdzēsiet kolonnu: cofin katra partnera avotus salīdzina ar tā budžeta kolonnu',
  ],
  [
    /^head it budget if it holds each partner's budget, e\.g\. (.*)$/s,
    'nosauciet to budget, ja tajā ir katra partnera budžets, piemēram, $1',
  ],
  [
    /^give the partner's figures in euro, or the partner in a budget file with currency: ([A-Z]{3})$/,
    'norādiet partnera skaitļus eiro vai partneri budžeta failā ar currency: $1',
  ],
  [/^rename the column (\S+)$/, 'pārdēvējiet kolonnu par $1'],
  [
    new RegExp(
      String.raw`^rename the column (\S+); ` +
        String.raw`a source of its own needs a header that is not one slip away from a well-known id \((.*)\)$`,
      's',
    ),
    'pārdēvējiet kolonnu par $1; avotam ar savu identifikatoru vajadzīga galvene, kas no zināma identifikatora ' +
      'neatšķiras tikai ar vienu drukas kļūdu ($2)',
  ],
  [
    /^write (\S+=\S+); a source of its own states its kind: (\S+)$/s,
    'rakstiet $1; avots ar savu identifikatoru norāda savu veidu: $2',
  ],
  [
    /^write (\S+); a source of its own one slip from a well-known id states its kind \(kind: (.*)\)$/s,
    'rakstiet $1; avots ar savu identifikatoru, kas tikai ar vienu drukas kļūdu atšķiras no zināma, ' +
      'norāda savu veidu (kind: $2)',
  ],
  [
    /^a table cannot state a kind: give the source in a budget file with kind: eu-fund$/,
    'tabulā nevar norādīt avota veidu: norādiet avotu budžeta failā ar kind: eu-fund',
  ],
  [
    /^did you mean "(.*)"\? Or state its kind: kind: eu-fund \(kind: (\S+) if it is not the fund\)$/s,
    'vai domājāt "$1"? Vai norādiet veidu: kind: eu-fund (kind: $2, ja tas nav fonds)',
  ],
  [
    /^state its kind: kind: eu-fund \(kind: (\S+) if it is not the fund\)$/,
    'norādiet veidu: kind: eu-fund (kind: $1, ja tas nav fonds)',
  ],
  [
    /^write (\S+), or state its kind: (\S+) \((\S+) if it is not the fund\)$/,
    'rakstiet $1 vai norādiet veidu: $2 ($3, ja tas nav fonds)',
  ],
  [/^state its kind: (\S+) \((\S+) if it is not the fund\)$/, 'norādiet veidu: $1 ($2, ja tas nav fonds)'],
  [
    /^drop kind: (\S+), or give an? (\S+) source an id of its own \(not (\S+)\)$/,
    'izdzēsiet kind: $1 vai dodiet avotam ar veidu $2 savu identifikatoru (ne $3)',
  ],
  [
    /^move the total row below the partners, or rename the partner$/,
    'pārvietojiet kopsummas rindu zem partneriem vai pārdēvējiet partneri',
  ],
  [
    new RegExp(
      String.raw`^did you mean "(.*)"\? Or write (\S+): \{ name: \.\.\., (rate: \.\.\.|amount: rest) \}, ` +
        String.raw`or use a well-known id: (.*)$`,
      's',
    ),
    'vai domājāt "$1"? Vai rakstiet $2: { name: ..., $3 } vai izmantojiet zināmu identifikatoru: $4',
  ],
  [
    /^write (\S+): \{ name: \.\.\., (rate: \.\.\.|amount: rest) \}, or use a well-known id: (.*)$/s,
    'rakstiet $1: { name: ..., $2 } vai izmantojiet zināmu identifikatoru: $3',
  ],
  [/^fill the partner cell$/, 'aizpildiet partnera šūnu'],
  [/^fill the budget cell$/, 'aizpildiet budžeta šūnu'],
  [/^run "(.*)" for usage$/s, 'lietošana: "$1"'],
  [/^the formats are (.*)$/s, 'formāti: $1'],
  [
    /^write strict: (true|false) \(a bare true or false; "(.*)" is read as text\)$/s,
    'rakstiet strict: $1 (bez pēdiņām; "$2" tiek lasīts kā teksts)',
  ],
  [/^write strict: true or strict: false$/, 'rakstiet strict: true vai strict: false'],
  [
    /^for (\S+) write (\S+) or (.+?); for (\S+) write (\S+): one , or \. before exactly three digits could be either$/s,
    'ja domāts $1, rakstiet $2 vai $3; ja $4, rakstiet $5: viens , vai . tieši pirms trim cipariem var nozīmēt abus',
  ],
  [
    /^write 12758, 12 758 or 12758,00: one , or \. before exactly three digits could be either$/,
    'rakstiet 12758, 12 758 vai 12758,00: viens , vai . tieši pirms trim cipariem var nozīmēt abus',
  ],
  [/^group digits in threes: (.*)$/s, 'grupējiet ciparus pa trim: $1'],
  [/^check the path; - reads standard input$/, 'pārbaudiet ceļu; - nolasa standarta ievadi'],
  [/^cofin needs read access to the file$/, 'cofin vajadzīga atļauja lasīt šo failu'],
  [/^name a \.yaml, \.yml, \.json or \.csv file$/, 'norādiet .yaml, .yml, .json vai .csv failu'],
  [/^write rate: 85%, amount: 10 844, or amount: rest$/, 'rakstiet rate: 85%, amount: 10 844 vai amount: rest'],
  [
    /^shares cannot add up to it; use a finer unit such as (--unit \S+)$/,
    'daļas nevar veidot tieši šo summu; izmantojiet smalkāku vienību, piemēram, $1',
  ],
  [/^shares cannot add up to it; write (rounding: \{ unit: \S+ \})$/, 'daļas nevar veidot tieši šo summu; rakstiet $1'],
  [
    /^drop the marker, or write currency: (\S+) if the whole file is in \S+$/,
    'izdzēsiet valūtas apzīmējumu vai rakstiet currency: $1, ja viss fails ir šajā valūtā',
  ],
  [
    /^save it as UTF-8 \(in Excel: "CSV UTF-8"; in an editor: encoding UTF-8\)$/,
    'saglabājiet to UTF-8 kodējumā (Excel: "CSV UTF-8"; redaktorā: kodējums UTF-8)',
  ],
  [
    /^save it as UTF-8; Windows-1257 or Latin-1 text must be converted first$/,
    'saglabājiet to UTF-8 kodējumā; Windows-1257 vai Latin-1 teksts vispirms jāpārkodē',
  ],
  [
    /^give cofin a YAML, JSON or CSV budget file, or an \.xlsx workbook$/,
    'dodiet cofin YAML, JSON vai CSV budžeta failu vai .xlsx darbgrāmatu',
  ],
  [/^raise --max-file-size if the file is genuine$/, 'palieliniet --max-file-size, ja fails ir īsts'],
  [/^use 1 for whole euros or 0\.01 for cents$/, 'rakstiet 1 veseliem eiro vai 0.01 centiem'],
  [/^use one of (.*)$/s, 'izmantojiet vienu no: $1'],
  [/^write ID=RATE, such as (.*)$/s, 'rakstiet ID=LIKME, piemēram, $1'],
  [
    /^a source id is lowercase letters, digits and -, such as erdf or eea-grants$/,
    'avota identifikatorā ir mazie burti, cipari un -, piemēram, erdf vai eea-grants',
  ],
  [/^a kind is one of (.*)$/s, 'veids ir viens no: $1'],
  [/^name at least one share, such as (.*)$/s, 'norādiet vismaz vienu daļu, piemēram, $1'],
  [/^name each source once$/, 'katru avotu norādiet vienu reizi'],
  [
    /^make the rates add up to 100%, or let one source take the rest: (.*)$/s,
    'likmēm kopā jābūt 100%, vai arī lai vienam avotam paliek atlikums: $1',
  ],
  [
    /^make the rates add up to 100%, or let one share take the rest$/,
    'likmēm kopā jābūt 100%, vai arī lai vienai daļai paliek atlikums',
  ],
  [/^the other rates leave nothing for the rest$/, 'pārējās likmes atlikumam neko neatstāj'],
  [
    /^no source pays less than nothing; --method largest-remainder keeps every share at zero or above$/,
    'neviens avots nemaksā mazāk par neko; --method largest-remainder katru daļu patur nulle vai vairāk',
  ],
  [/^write one value on the line, e\.g\. (.*)$/s, 'rakstiet rindā vienu vērtību, piemēram, $1'],
  [/^write it as key: value lines$/, 'rakstiet to rindās atslēga: vērtība'],
  [/^give (.*) a value or remove the key$/s, 'dodiet $1 vērtību vai izdzēsiet atslēgu'],
  [/^write into a folder you may write to$/, 'rakstiet mapē, kurā jums ir rakstīšanas atļauja'],
  [
    /^loosen --exclude \(or exclude: in the config file\), or name the files themselves$/,
    'mīkstiniet --exclude (vai exclude: konfigurācijas failā) vai norādiet pašus failus',
  ],
  [
    /^name a folder that holds budget files, or the files themselves$/,
    'norādiet mapi ar budžeta failiem vai pašus failus',
  ],
  [/^choose another output file with -o$/, 'izvēlieties citu izvades failu ar -o'],
  [
    /^move the rate table into the claim file's folder \(or one below it\), or name it with --rates FILE$/,
    'pārvietojiet kursu tabulu pieprasījumu faila mapē (vai tās apakšmapē) vai norādiet to ar --rates FILE',
  ],
  [
    /^move the rate table into the claim file's folder \(or one below it\), or run cofin from a folder that holds it$/,
    'pārvietojiet kursu tabulu pieprasījumu faila mapē (vai tās apakšmapē) vai palaidiet cofin no mapes, kurā tā ir',
  ],
  [/^the rest is no rate: write amount: rest instead$/, 'atlikums nav likme: rakstiet amount: rest'],
  [/^free some space and try again$/, 'atbrīvojiet vietu un mēģiniet vēlreiz'],
  [/^choose a shorter name$/, 'izvēlieties īsāku nosaukumu'],
  [
    /^cofin never overwrites a file unless told: choose another name, or pass --force$/,
    'cofin nepārraksta failu bez norādes: izvēlieties citu nosaukumu vai pievienojiet --force',
  ],
];

function phrase(text: string, rules: readonly Rule[]): string {
  for (const [pattern, words] of rules)
    if (pattern.test(text))
      return typeof words === 'string' ? text.replace(pattern, words) : text.replace(pattern, words);
  return text;
}

/** A hint's lists in Latvian: "or" (EUR, LVL or USD) said "vai". */
const lists = (text: string) => text.replace(/ or /g, ' vai ');

/** A message (after any `FILE:LINE:COL: ` or `FILE: ` it leads with, kept as it is) in Latvian, where known. */
export function errorMessageLv(message: string): string {
  const lead = /^((?:[^:\n]*?):\d+:\d+: |(?:[^\s:]+\.(?:yaml|yml|json|csv|xlsx)|package\.json): )/.exec(message);
  const at = lead?.[1] ?? '';
  return at + phrase(message.slice(at.length), MESSAGES);
}

/** A hint in Latvian, where known. */
export function errorHintLv(hint: string): string {
  const said = phrase(hint, HINTS);
  return said === hint ? hint : lists(said);
}
