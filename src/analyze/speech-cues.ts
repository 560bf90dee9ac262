/**
 * The words of attribution, as data. Speech verbs by how they attribute; what may stand between
 * a speaker and the verb, and between the verb and what was said; and the nouns that tell a
 * speaker's kind (a person, an organisation, an unnamed source). speaker-phrases.ts reads noun
 * phrases with these, quotes.ts and reported-speech.ts find cues, speakers.ts resolves them.
 * Every table is a kind of word, never one article's words; extend a table, not the code.
 */

export type Gender = 'm' | 'f';

/** A lookup table without a prototype, so that a word such as "constructor" finds nothing. */
function table<T>(entries: Record<string, T>): Record<string, T> {
  return Object.assign(Object.create(null) as Record<string, T>, entries);
}

/** How a verb attributes words to its subject. */
export type VerbUse =
  /** Beside a quote or before a reported clause: "said", "warned that". */
  | 'report'
  /** Reports a clause only when "that" follows; otherwise it names a deed ("found the body", "ruled the country"). */
  | 'report-that'
  /** Beside a quote only; with a bare object it is not speech ("continued the work", "posted a loss"). */
  | 'quote'
  /** Puts a name on something, for partial quotes: "called the plan "a disgrace"". */
  | 'naming';

interface VerbClass {
  use: VerbUse;
  reason: string;
  /** Each entry: base, third person, past, -ing. */
  verbs: string[];
}

export const VERB_CLASSES: VerbClass[] = [
  {
    use: 'report',
    reason: 'verbs of saying that news uses both beside quotes and before reported clauses',
    verbs: [
      'say says said saying', 'tell tells told telling', 'add adds added adding', 'state states stated stating',
      'write writes wrote writing', 'insist insists insisted insisting', 'warn warns warned warning', 'claim claims claimed claiming',
      'argue argues argued arguing', 'note notes noted noting', 'explain explains explained explaining',
      'declare declares declared declaring', 'announce announces announced announcing', 'admit admits admitted admitting',
      'acknowledge acknowledges acknowledged acknowledging', 'concede concedes conceded conceding', 'stress stresses stressed stressing',
      'emphasise emphasises emphasised emphasising', 'emphasize emphasizes emphasized emphasizing', 'predict predicts predicted predicting',
      'suggest suggests suggested suggesting', 'caution cautions cautioned cautioning', 'complain complains complained complaining',
      'reiterate reiterates reiterated reiterating', 'reply replies replied replying', 'allege alleges alleged alleging',
      'assert asserts asserted asserting', 'contend contends contended contending', 'boast boasts boasted boasting',
      'confirm confirms confirmed confirming', 'deny denies denied denying', 'vow vows vowed vowing', 'tweet tweets tweeted tweeting',
    ],
  },
  {
    use: 'report-that',
    reason: 'verbs that report speech before "that" but name a deed with a plain object',
    verbs: [
      'find finds found finding', 'rule rules ruled ruling', 'report reports reported reporting', 'estimate estimates estimated estimating',
      'signal signals signalled signalling', 'signal signals signaled signaling', 'conclude concludes concluded concluding',
      'repeat repeats repeated repeating', 'recall recalls recalled recalling', 'observe observes observed observing',
      'counter counters countered countering', 'remark remarks remarked remarking', 'maintain maintains maintained maintaining',
      'promise promises promised promising', 'pledge pledges pledged pledging', 'indicate indicates indicated indicating',
      'testify testifies testified testifying', 'hint hints hinted hinting',
    ],
  },
  {
    use: 'quote',
    reason: 'verbs that attribute a quote beside them, but whose plain object is not speech',
    verbs: [
      'quip quips quipped quipping', 'continue continues continued continuing', 'ask asks asked asking', 'post posts posted posting',
      'shout shouts shouted shouting', 'whisper whispers whispered whispering', 'joke jokes joked joking', 'respond responds responded responding',
      'plead pleads pleaded pleading', 'urge urges urged urging', 'exclaim exclaims exclaimed exclaiming', 'sigh sighs sighed sighing',
      'scoff scoffs scoffed scoffing', 'retort retorts retorted retorting', 'chant chants chanted chanting', 'laugh laughs laughed laughing',
    ],
  },
  {
    use: 'naming',
    reason: 'verbs that put a quoted name on something: the quote is the subject\'s words',
    verbs: [
      'call calls called calling', 'describe describes described describing', 'dub dubs dubbed dubbing', 'term terms termed terming',
      'brand brands branded branding', 'label labels labelled labelling', 'label labels labeled labeling', 'hail hails hailed hailing',
      'denounce denounces denounced denouncing', 'accuse accuses accused accusing', 'dismiss dismisses dismissed dismissing',
      'condemn condemns condemned condemning', 'praise praises praised praising', 'criticise criticises criticised criticising',
      'criticize criticizes criticized criticizing', 'deride derides derided deriding', 'characterise characterises characterised characterising',
    ],
  },
];

export interface VerbForm {
  use: VerbUse;
  lemma: string;
  /** The -ing form: a participle hangs on the subject of its sentence ("…, adding: …"). */
  participle: boolean;
}

function verbTable(): Map<string, VerbForm> {
  const table = new Map<string, VerbForm>();
  for (const c of VERB_CLASSES) {
    for (const entry of c.verbs) {
      const [base, third, past, ing] = entry.split(' ') as [string, string, string, string];
      for (const form of [base, third, past]) if (!table.has(form)) table.set(form, { use: c.use, lemma: base, participle: false });
      if (!table.has(ing)) table.set(ing, { use: c.use, lemma: base, participle: true });
    }
  }
  return table;
}

/** Every form of every speech verb, lower case. */
export const VERB_FORMS = verbTable();

/** Multi-word cues read as one verb: "put it", "pointed out". */
export const PHRASAL_CUES: { first: string[]; pattern: RegExp; use: VerbUse; reason: string }[] = [
  { first: ['put'], pattern: /put\s+it\b/y, use: 'quote', reason: '"as one aide put it:" attributes what follows' },
  { first: ['point', 'points', 'pointed', 'pointing'], pattern: /point(?:s|ed|ing)?\s+out\b/y, use: 'report', reason: '"aides point out that …" reports a clause' },
  { first: ['went'], pattern: /went\s+further\b/y, use: 'quote', reason: '"X went further, declaring that …" is a speech act' },
];

/** Forms whose use reports a clause after them. */
export function reportsClause(form: VerbForm, thatFollows: boolean): boolean {
  return form.use === 'report' || (form.use === 'report-that' && thatFollows);
}

const WEEKDAY = '(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)';
const MONTH = '(?:January|February|March|April|May|June|July|August|September|October|November|December)';
const PART_OF_DAY = '(?:\\s+(?:morning|afternoon|evening|night))?';

/**
 * Words that may stand between a speaker and the verb: auxiliaries and adverbs ("has
 * repeatedly called", "also promised", "on Friday said"). Each alternative is one kind.
 */
export const FILLER = [
  '(?:has|have|had|will|would|could|may|might|must|should|did|does|do)', // tense and mood
  '(?:himself|herself|itself|themselves)', // emphasis: "the president himself wrote"
  '(?:also|later|then|again|once|already|still|even|only|further|separately|earlier|recently|long|often|since|previously|repeatedly|publicly|privately|openly|reportedly|subsequently|initially|quickly|flatly|simply|firmly|angrily|bluntly|too|now|yesterday|today)', // adverbs
  `(?:on\\s+${WEEKDAY}${PART_OF_DAY}|(?:last|this)\\s+(?:week|month|year|${WEEKDAY}))`, // when, before the verb
].join('|');

/**
 * What may stand between a speech verb and what was said: when, where, how, in what medium
 * ("said on Sunday", "wrote on Telegram", "said in a statement", "told reporters in Tehran").
 */
export const SETTING = [
  `(?:late\\s+|early\\s+)?on\\s+${WEEKDAY}${PART_OF_DAY}`,
  `(?:last|this|next)\\s+(?:week|weekend|month|year|night|${WEEKDAY}|${MONTH})`,
  `earlier\\s+(?:this|that|in\\s+the)\\s+(?:week|month|year|day)`,
  `(?:in|on)\\s+${MONTH}(?:\\s+\\d{1,2})?`,
  `on\\s+${MONTH}\\s+\\d{1,2}`,
  '(?:in|on)\\s+(?:a|an|the|its|his|her|their)\\s+(?:[\\p{L}-]+\\s+){0,2}?(?:statement|interview|letter|post|speech|report|filing|briefing|note|e-?mail|message|video|broadcast|ruling|judgment|editorial|essay|column|op-ed|podcast|address|appearance|press\\s+release)',
  '(?:on|via)\\s+(?:Telegram|X|Twitter|Facebook|Instagram|TikTok|Threads|Bluesky|LinkedIn|YouTube|Weibo|Truth\\s+Social|social\\s+media|(?:state\\s+|national\\s+|local\\s+)?(?:television|TV|radio)|breakfast\\s+(?:radio|television|TV))',
  "at\\s+(?:a|an|the|[\\p{Lu}][\\p{L}]*['’]s)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:conference|briefing|meeting|summit|rally|hearing|event|session|forum|debate|ceremony)",
  "in\\s+(?:parliament|court|Congress|the\\s+(?:Commons|Senate|House|chamber))|outside\\s+(?:the\\s+)?court",
  "in\\s+\\p{Lu}[\\p{L}'’-]+(?:\\s+\\p{Lu}[\\p{L}'’-]+)?", // in a place: "told reporters in Tehran"
  'through\\s+an?\\s+interpreter|on\\s+condition\\s+of\\s+anonymity|in\\s+response|in\\s+reply',
  '(?:also|later|then|again|privately|publicly|repeatedly|afterwards|yesterday|today|previously|bluntly|only|simply|earlier|further)',
].join('|');

/**
 * Who is told, for "told <listener> <clause>" without "that": "told reporters the talks would
 * continue", "told Reuters", "told state television". With "that", any short phrase will do.
 */
export const LISTENER = [
  '(?:reporters|journalists|lawmakers|legislators|MPs|senators|delegates|investors|analysts|shareholders|supporters|voters|students|parliament|Congress|me|us|him|her|them|you)',
  '(?:state|local|national|public)\\s+(?:television|TV|media|radio|broadcaster)',
  "(?:an?|the|his|her|their|its|my|our)\\s+(?:[\\p{L}'’-]+\\s+){0,3}?(?:audience|interviewer|radio|newspaper|broadcaster|channel|station|podcast|programme|program|magazine|conference|summit|meeting|gathering|crowd|team|committee|panel|reporter|journalist|court|jury|hearing|inquiry|chamber|house|senate|tribunal|parliament|assembly|council|board)",
  "(?:the\\s+)?\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,3}", // an outlet or a person by name
].join('|');

/** Pronouns a cue can have as its subject, with the gender each needs. */
export const PRONOUNS: Record<string, { gender: Gender | null; refersTo: 'person' | 'organisation' | 'nobody' }> = table({
  he: { gender: 'm', refersTo: 'person' },
  she: { gender: 'f', refersTo: 'person' },
  it: { gender: null, refersTo: 'organisation' },
  // "according to its evaluation": the organisation whose document it is.
  its: { gender: null, refersTo: 'organisation' },
  their: { gender: null, refersTo: 'nobody' },
  // "They said" is a group the article rarely names; "I" and "we" outside a quote are the writer.
  they: { gender: null, refersTo: 'nobody' },
  we: { gender: null, refersTo: 'nobody' },
  i: { gender: null, refersTo: 'nobody' },
});

/** Pronouns in running text that show a person's gender ("Koval … her ministry"). */
export const GENDERED_PRONOUNS: Record<string, Gender> = table({ he: 'm', him: 'm', his: 'm', himself: 'm', she: 'f', her: 'f', hers: 'f', herself: 'f' });

/** Titles that show gender. */
export const GENDERED_TITLES: Record<string, Gender> = table({
  mr: 'm', 'mr.': 'm', sir: 'm', lord: 'm', king: 'm', prince: 'm', duke: 'm', baron: 'm', count: 'm', father: 'm', brother: 'm', sheikh: 'm',
  mrs: 'f', 'mrs.': 'f', ms: 'f', 'ms.': 'f', miss: 'f', dame: 'f', lady: 'f', queen: 'f', princess: 'f', duchess: 'f', baroness: 'f', sister: 'f',
});

/** Nouns for people, with the gender a few of them carry; an unnamed "a bakery owner" is one of these. */
export const PERSON_NOUNS: Record<string, Gender | null> = table(Object.fromEntries([
  ...'man boy father son brother husband uncle grandfather king businessman spokesman chairman fisherman policeman congressman councilman sportsman'
    .split(' ').map((w) => [w, 'm']),
  ...'woman girl mother daughter sister wife aunt grandmother queen businesswoman spokeswoman chairwoman policewoman congresswoman councilwoman sportswoman widow'
    .split(' ').map((w) => [w, 'f']),
  ...`person owner survivor resident witness farmer worker teacher schoolteacher student doctor nurse driver aide official minister
    diplomat officer soldier source pensioner voter shopkeeper engineer volunteer coordinator activist lawyer barrister solicitor judge
    analyst economist scientist researcher professor historian expert adviser advisor advocate campaigner protester organiser organizer
    director executive manager chief head leader president chair secretary spokesperson representative envoy ambassador negotiator
    mediator commissioner senator lawmaker legislator governor mayor councillor councilor commander general colonel captain coach
    player striker goalkeeper rider cyclist athlete captain veteran founder partner investor trader banker broker consultant
    journalist reporter editor writer author columnist candidate politician deputy mp prosecutor detective inspector sergeant
    constable firefighter pilot passenger migrant refugee parent child citizen local neighbour neighbor customer patient victim
    relative friend colleague member employee staffer insider operator planner architect designer artist singer actor novelist
    commuter tourist visitor landlord tenant baker butcher builder labourer laborer miner crewman crew fan supporter critic chef
    surgeon paramedic rescuer medic priest imam rabbi pastor bishop monk nun mother-of-two father-of-three grandmother`
    .split(/\s+/).filter((w) => w.length > 0).map((w) => [w, null]),
]));

/** "Its spokesman", "An Indian foreign ministry spokesman": speaks for an organisation, so counts as it. */
export const SPOKES_NOUNS = new Set(['spokesman', 'spokeswoman', 'spokesperson', 'spokespeople', 'mouthpiece']);

/**
 * Organisation nouns: "the ministry said" means the organisation of that kind the article
 * named. Synonyms are other heads or name words the same kind of body goes by.
 */
export const ORG_NOUNS: Record<string, string[]> = table({
  ministry: ['ministry', 'department'],
  department: ['department', 'ministry'],
  company: ['company', 'firm', 'group', 'corporation', 'holdings', 'inc', 'ltd', 'plc', 'operator', 'maker', 'manufacturer', 'carrier', 'line', 'airline', 'lender', 'bank', 'insurer', 'retailer', 'developer', 'producer', 'supplier', 'broker', 'consultancy', 'conglomerate', 'startup', 'start-up', 'chain', 'shipping', 'securities', 'capital', 'systems', 'energy', 'motors', 'airways', 'industries', 'biologics', 'pharmaceuticals', 'logistics', 'lithography', 'chartering', 'partners', 'llc', 'gmbh', 'ag', 'sa', 'labs', 'technologies'],
  firm: ['firm', 'company', 'consultancy', 'broker', 'group', 'partners', 'securities', 'capital', 'research', 'intelligence', 'analytics', 'advisory', 'llp', 'associates'],
  group: ['group', 'company', 'charity', 'organisation', 'organization', 'association', 'federation', 'alliance', 'coalition', 'network', 'movement', 'campaign'],
  charity: ['charity', 'ngo', 'foundation', 'trust', 'relief', 'aid', 'rescue'],
  agency: ['agency', 'service', 'office', 'authority', 'bureau', 'directorate'],
  authority: ['authority', 'agency', 'regulator', 'commission'],
  regulator: ['regulator', 'authority', 'commission', 'agency', 'watchdog'],
  watchdog: ['watchdog', 'regulator', 'authority', 'commission'],
  court: ['court', 'tribunal'],
  tribunal: ['tribunal', 'court'],
  union: ['union', 'federation', 'confederation'],
  federation: ['federation', 'union', 'association'],
  association: ['association', 'federation', 'union', 'society'],
  council: ['council'],
  committee: ['committee', 'commission', 'panel'],
  commission: ['commission', 'committee'],
  party: ['party', 'alliance', 'movement'],
  club: ['club', 'united', 'city', 'sporting', 'fc', 'team'],
  team: ['team', 'club'],
  government: ['government', 'cabinet', 'administration', 'downing street', 'no 10', 'kremlin', 'élysée', 'elysee'],
  administration: ['administration', 'white house', 'government'],
  army: ['army', 'forces', 'military', 'force'],
  military: ['military', 'army', 'forces', 'force', 'defence ministry', 'defense ministry', 'pentagon'],
  police: ['police', 'constabulary'],
  bank: ['bank'],
  university: ['university', 'college', 'institute'],
  institute: ['institute', 'centre', 'center', 'university'],
  foundation: ['foundation', 'trust', 'institute'],
  consortium: ['consortium', 'group', 'alliance'],
  operator: ['operator', 'company', 'authority'],
  broker: ['broker', 'firm'],
  consultancy: ['consultancy', 'firm', 'research'],
  airline: ['airline', 'airways', 'airlines'],
  hospital: ['hospital', 'clinic'],
  office: ['office'],
  service: ['service'],
  board: ['board'],
  fund: ['fund'],
  bloc: ['union', 'bloc'],
  newspaper: ['times', 'post', 'herald', 'courier', 'ledger', 'journal', 'gazette', 'tribune', 'dispatch', 'chronicle', 'news'],
  outlet: ['times', 'post', 'herald', 'courier', 'ledger', 'journal', 'gazette', 'tribune', 'dispatch', 'chronicle', 'news', 'radio', 'television', 'tv'],
  'think tank': ['institute', 'foundation', 'centre', 'center', 'council'],
});

/** Nouns that make a name an organisation when printed beside it ("Nordhavn Shipping, the … container line"). */
export const ORG_KIND_NOUNS = new Set([
  ...Object.keys(ORG_NOUNS),
  'line', 'carrier', 'lender', 'insurer', 'retailer', 'maker', 'manufacturer', 'developer', 'producer', 'supplier', 'startup', 'start-up',
  'chain', 'conglomerate', 'ngo', 'network', 'alliance', 'coalition', 'movement', 'campaign', 'publisher', 'broadcaster', 'newspaper',
  'daily', 'tabloid', 'agency', 'tank', 'body', 'organisation', 'organization', 'institution', 'organiser', 'platform', 'exchange',
  'utility', 'giant', 'outfit', 'side', 'franchise',
]);

/** Heads of a phrase that mean nobody in particular: "the overwhelming majority", "team sources". */
export const UNNAMED_HEADS = new Set([
  'majority', 'minority', 'rest', 'public', 'crowd', 'source', 'sources', 'people', 'others', 'some', 'many', 'most', 'few', 'all',
  'police', 'staff', 'personnel', 'crew', 'audience', 'community', 'residents', 'locals', 'officials', 'authorities',
]);

/** Nouns for what someone said, so that "Koval's answer was short:" names Koval. */
export const SPEECH_NOUNS = 'answer|reply|response|message|statement|verdict|words|view|argument|position|retort|warning|comment|comments|explanation|advice|conclusion|assessment|reaction|riposte|summary|pitch|case';

/** Documents and figures an attribution may cite, so that "interior ministry figures" is the ministry. */
export const SOURCE_NOUNS = 'figures|data|estimates|estimate|statistics|numbers|counts|count|counters|records|tallies|tally|calculations|analysis|research|survey|report|study|projections|forecasts|forecast|evaluation|assessment|review|documents|text|filings?|tracking|monitoring';

/** Words that end a noun phrase because they are verbs, conjunctions or clause words, not nouns. */
export const NOT_IN_NOUN_PHRASE = new Set([
  'is', 'are', 'was', 'were', 'be', 'been', 'being', 'has', 'have', 'had', 'will', 'would', 'could', 'should', 'may', 'might', 'must', 'can',
  'did', 'do', 'does', 'not', 'that', 'which', 'who', 'whom', 'whose', 'and', 'or', 'but', 'if', 'because', 'when', 'while', 'as', 'than',
  'then', 'so', 'to', 'there', 'here', 'it', 'he', 'she', 'they', 'we', 'i', 'you', 'him', 'them', 'us', 'me', 'this', 'these', 'those',
  // Past and -ing forms are verbs; a base or -s form may be a noun ("the report", "his claims").
  ...[...VERB_FORMS.entries()].filter(([form, v]) => v.participle || /(?:ed|id|ld|ote|ound)$/.test(form)).map(([form]) => form),
  'says', 'tells',
]);

/** Capitalised words that begin a sentence or clause but never a name. */
export const NEVER_NAME_START = new Set([
  'the', 'a', 'an', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'as', 'but', 'and', 'or', 'if', 'when', 'while', 'after', 'before',
  'since', 'though', 'although', 'because', 'so', 'yet', 'however', 'meanwhile', 'still', 'also', 'then', 'this', 'that', 'these',
  'those', 'there', 'here', 'it', 'he', 'she', 'they', 'we', 'i', 'his', 'her', 'its', 'their', 'our', 'my', 'your', 'what', 'which',
  'who', 'whom', 'whose', 'where', 'why', 'how', 'asked', 'speaking', 'according', 'despite', 'during', 'until', 'unless', 'instead',
  'outside', 'inside', 'across', 'among', 'amid', 'over', 'under', 'between', 'without', 'within', 'both', 'each', 'every', 'all',
  'some', 'many', 'most', 'few', 'one', 'no', 'not', 'nobody', 'someone', 'everyone', 'anyone', 'earlier', 'later', 'now', 'today',
  'yesterday', 'last', 'next', 'even', 'only', 'just', 'such', 'other', 'another', 'more', 'less', 'much', 'several', 'like', 'unlike',
]);
