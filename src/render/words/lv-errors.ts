/**
 * Invalid-file and usage errors in Latvian: core and the readers say them in
 * English (their text carries quoted values and names), so they are phrased
 * again here by their shape. A message or hint no pattern knows stays in
 * English; the code and FILE:LINE:COL never change.
 */
type Rule = [RegExp, string];

const MESSAGES: Rule[] = [
  [/^not an amount: (".*")$/s, 'nav summa: $1'],
  [/^empty amount$/, 'tukša summa'],
  [/^not a rate: (".*")$/s, 'nav likme: $1'],
  [/^unknown key "(.*)" in (?:the )?budget file$/s, 'nezināma atslēga "$1" budžeta failā'],
  [/^unknown key "(.*)" in (.*)$/s, 'nezināma atslēga "$1" ($2)'],
  [/^unknown key "(.*)"$/s, 'nezināma atslēga "$1"'],
  [/^duplicate key "(.*)"$/s, 'atkārtota atslēga "$1"'],
  [/^duplicate key$/, 'atkārtota atslēga'],
  [/^the file is empty$/, 'fails ir tukšs'],
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
  [/^partner "(.*)" has no budget$/s, 'partnerim "$1" nav budžeta'],
  [
    /^the column "(.*)" is not a well-known source id: did you mean "(.*)"\?$/s,
    'kolonna "$1" nav zināms finansējuma avota identifikators: vai domājāt "$2"?',
  ],
  [/^no such file$/, 'nav tāda faila'],
  [/^permission denied$/, 'nav atļaujas lasīt'],
  [/^is a folder, not a budget file$/, 'ir mape, nevis budžeta fails'],
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
  [/^"strict" must be true or false, not (.*)$/s, '"strict" jābūt true vai false, nevis $1'],
];

const HINTS: Rule[] = [
  [/^write an amount such as (.*)$/s, 'rakstiet summu, piemēram, $1'],
  [/^write a percentage from 0 to 100, such as (.*)$/s, 'rakstiet procentus no 0 līdz 100, piemēram, $1'],
  [/^the keys of the budget file are (.*)$/s, 'budžeta faila atslēgas: $1'],
  [/^the keys are (.*)$/s, 'atslēgas: $1'],
  [/^did you mean (.*)\?$/s, 'vai domājāt $1?'],
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
  [/^fill the partner cell$/, 'aizpildiet partnera šūnu'],
  [/^fill the budget cell$/, 'aizpildiet budžeta šūnu'],
  [/^run "(.*)" for usage$/s, 'lietošana: "$1"'],
  [/^the formats are (.*)$/s, 'formāti: $1'],
  [
    /^write strict: (true|false) \(a bare true or false; "(.*)" is read as text\)$/s,
    'rakstiet strict: $1 (bez pēdiņām; "$2" tiek lasīts kā teksts)',
  ],
  [/^write strict: true or strict: false$/, 'rakstiet strict: true vai strict: false'],
];

function phrase(text: string, rules: readonly Rule[]): string {
  for (const [pattern, words] of rules) if (pattern.test(text)) return text.replace(pattern, words);
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
