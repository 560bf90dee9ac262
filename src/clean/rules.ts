/**
 * Line rules: each names one *kind* of page residue, the reason recorded when it removes
 * a block, and why it exists. They look at one block's text alone; rules that need the
 * blocks around them live in `context-rules.ts`.
 *
 * Vocabulary here was written from the residue kinds listed in the Clean issue and from
 * the invented fixtures under test/fixtures/pages; after changing a pattern, re-run
 * `npm test` and `npm run quality` (the floor may only go up).
 */
import type { RemovalReason } from '../model.js';
import { wordCount } from './blocks.js';

export interface LineRule {
  name: string;
  reason: RemovalReason;
  why: string;
  /** Longest block (in words) the rule may remove: long prose is never residue of this kind. */
  maxWords: number;
  test: (text: string) => boolean;
}

const wholeCache = new Map<string, RegExp>();

/** A whole-line match, ignoring case and trailing punctuation, colons and arrows. Compiled once per pattern. */
function whole(alternatives: string): RegExp {
  let re = wholeCache.get(alternatives);
  if (!re) {
    re = new RegExp(`^(?:${alternatives})[\\s.:!?»›>→…|-]*$`, 'iu');
    wholeCache.set(alternatives, re);
  }
  return re;
}

function countCues(text: string, cues: RegExp[]): number {
  return cues.reduce((n, cue) => n + (cue.test(text) ? 1 : 0), 0);
}

const DONATION_CUES = [
  /\bdonat(e|ion|ing)\b/i,
  /\bcontribut(e|ion)\b/i,
  /\bsupport (us|our|independent|quality|free|local|this)\b/i,
  /\b(reader[- ]funded|reader[- ]supported|member[- ]supported|readers like you|our readers|funded by (its|our) readers)\b/i,
  /\b(journalism|newsroom|reporting)\b/i,
  /\b(become a (member|supporter|patron)|make a (gift|contribution|donation))\b/i,
  /\b(paywall|free (for everyone|to read)|keep (it|our journalism) free)\b/i,
  /(\$|£|€)\s?\d+/,
];

const COMMENT_POLICY_CUES = [
  /\bcomments?\b/i,
  /\bmoderat(e|ed|ion|ors?)\b/i,
  /\bcommunity (guidelines|standards|rules)\b/i,
  /\b(abusive|off-topic|offensive|personal attacks|hate speech|spam)\b/i,
  /\b(civil|respectful|constructive)\b/i,
  /\breserve the right\b/i,
];

/** "Support The Civic Review": the verb, then a capitalised name (case-sensitive on purpose). */
const SUPPORT_OUTLET = /^(Support|Donate to|Give to|SUPPORT|DONATE TO)\s+(the\s+|The\s+)?\p{Lu}[\p{L}.&'’-]*(\s+\p{Lu}[\p{L}.&'’-]*){0,4}[\s.!]*$/u;
/**
 * Pitches address the reader: they start with the verb ("Sign up for ...") or speak of "our"
 * newsletter or app. A news sentence that mentions signing up or an app does neither.
 */
const NEWSLETTER_PITCH =
  /^(sign up|subscribe|register|get|join)\b.{0,60}\b(newsletters?|briefs?|briefings?|bulletins?|alerts|digest|inbox|emails?)\b|\bour\b.{0,30}\b(newsletters?|briefings?|bulletins?)\b/i;
const APP_PITCH = /^(download|get|install|open|try)\b.{0,30}\bapp\b|\bour( free| new)? app\b/i;
/** Store badges: only as short lines of their own ("app-storeplay-store", "Get it on Google Play"). */
const STORE_BADGE = /app-?store|play-?store|google play|app store/i;
const STORE_BADGE_MAX_WORDS = 8;
/** Appeals speak to the reader ("you", "our") or open with the verb ("Support independent journalism"). */
const READER_ADDRESS = /\b(you|your|we|our|us)\b|^(support|become|donate|join|give|help|back|fund|contribute)\b/i;

export const LINE_RULES: LineRule[] = [
  {
    name: 'ad-slot',
    reason: 'advertisement',
    why: 'Label printed where an ad loads: carries no article text.',
    maxWords: 8,
    test: (t) =>
      whole(
        'advertisement|advertisements|advertising|advert|ad|ads|sponsored|sponsored (content|links?|stories|post)|' +
          'paid (content|post|partnership)|promoted( content| stories)?|partner content|ad feedback|report (this )?ad|' +
          'remove ads|ad-free.{0,40}',
      ).test(t),
  },
  {
    name: 'continues-below',
    reason: 'advertisement',
    why: 'Ad-slot filler that interrupts the body ("Story continues below advertisement").',
    maxWords: 10,
    test: (t) =>
      whole(
        '(the )?(story|article|text|content|report) continues (below|after (the )?(advertisement|ad|this ad))( (the )?advertisement)?|' +
          'continue reading( (below|the (main )?(story|article)))?|scroll (down )?to continue( (with content|reading))?|' +
          '(article|story) continues after (the )?(advertisement|ad)',
      ).test(t),
  },
  {
    name: 'app-pitch',
    reason: 'promo',
    why: 'App-download pitches and store-badge text ("app-storeplay-store").',
    maxWords: 25,
    test: (t) =>
      APP_PITCH.test(t) || (STORE_BADGE.test(t) && wordCount(t) <= STORE_BADGE_MAX_WORDS) || whole('get started( now| for free)?|scan the qr code.{0,40}').test(t),
  },
  {
    name: 'newsletter-pitch',
    reason: 'promo',
    why: 'Newsletter and subscription pitches.',
    maxWords: 30,
    test: (t) =>
      NEWSLETTER_PITCH.test(t) ||
      /\bsign-?up\b.{0,80}\bprivacy (notice|policy)\b/i.test(t) ||
      whole(
        'subscribe( now| today| here)?|sign up( now| here| for free)?|sign in|log in|register|create (a )?(free )?account|' +
          'already (a subscriber|have an account).{0,40}|start (your )?free trial.{0,40}|' +
          'subscribe to .{1,40}|subscribe for .{1,40}|sign me up|unlock (this|unlimited).{0,40}|subscribers? only',
      ).test(t),
  },
  {
    name: 'donation-appeal',
    reason: 'promo',
    why: 'Reader-funding appeals: several funding cues in one short paragraph.',
    maxWords: 120,
    test: (t) =>
      READER_ADDRESS.test(t) &&
      (countCues(t, DONATION_CUES) >= 3 || (countCues(t, DONATION_CUES) >= 2 && /\b(donat|support|contribut)/i.test(t) && wordCount(t) <= 40)),
  },
  {
    name: 'paywall-meter',
    reason: 'promo',
    why: 'Metered-paywall prompts ("You\'ve read 3 of 5 free articles").',
    maxWords: 30,
    test: (t) =>
      /\byou('ve| have) read \d+ of (your )?\d+ (free )?(articles|stories)\b/i.test(t) ||
      /\b(free (articles|stories) (left|remaining)|for unlimited access|already a (subscriber|member)\b)/i.test(t) ||
      (/\bto (keep|continue) reading\b/i.test(t) && /\b(subscri\w*|sign in|log in|register|account|£|\$|€)/i.test(t)),
  },
  {
    name: 'contribution-pitch',
    reason: 'promo',
    why: 'Calls for reader submissions: guest columns, letters, tips.',
    maxWords: 40,
    test: (t) => /\b(submit|send( us)?) (a|your) (guest column|column|letter|op-?ed|story tip|news tip|tip)\b/i.test(t) || /\bwrite for us\b/i.test(t) || /^(got|have) a (story|news) tip\b/i.test(t),
  },
  {
    name: 'entry-time',
    reason: 'other',
    why: 'A bare clock time heading a live-blog entry ("10:42 GMT").',
    maxWords: 4,
    test: (t) => /^\d{1,2}[:.]\d{2}\s*([ap]\.?m\.?)?\s*([A-Z]{2,5}|local( time)?)?$/i.test(t),
  },
  {
    name: 'support-button',
    reason: 'promo',
    why: 'Donate and support buttons ("Support The Civic Review", "Donate now").',
    maxWords: 7,
    test: (t) => SUPPORT_OUTLET.test(t) || whole('(support|back|donate to|give to) (us|our (work|journalism|newsroom|reporting))|become a (member|supporter|subscriber|patron)|donate( now| today)?|give( now| today)|contribute( now| today)?|make a donation').test(t),
  },
  {
    name: 'cookie-notice',
    reason: 'widget',
    why: 'Cookie-consent banners.',
    maxWords: 60,
    test: (t) =>
      /\b(we use cookies|uses cookies|use of cookies|cookie (policy|settings|preferences|consent)|accept (all )?cookies)\b/i.test(t) ||
      (/\bcookies\b/i.test(t) && /\b(partners|consent|personali[sz]ed|your device|privacy|preferences)\b/i.test(t)) ||
      whole('we (value|respect|care about) your privacy|your privacy choices|manage (preferences|options|settings|consent)|privacy (settings|preferences)').test(t),
  },
  {
    name: 'social-follow',
    reason: 'promo',
    why: 'Invitations to follow the outlet on social networks.',
    maxWords: 25,
    test: (t) =>
      /^(follow|join|like) (us|.{1,40}) on (twitter|x|facebook|instagram|tiktok|threads|bluesky|linkedin|youtube|whatsapp|telegram|google news)\b/i.test(t) ||
      /\bjoin our (whatsapp|telegram) (channel|group)\b/i.test(t) ||
      /^follow @\w+/i.test(t),
  },
  {
    name: 'inline-promo-link',
    reason: 'promo',
    why: 'A link to another story left inside the body ("Related: ...", "Read more: ...").',
    maxWords: 30,
    test: (t) =>
      /^(related|read more|read also|also read|see also|recommended|watch|listen|read next|must read|don'?t miss|related coverage|related story|related article|more on this|explainer|watch now)\s*[:|]\s*\S/i.test(t),
  },
  {
    name: 'ai-widget',
    reason: 'widget',
    why: 'Text of AI summary and assistant widgets.',
    maxWords: 15,
    test: (t) =>
      /^(was this (summary|article|page|story|answer) (helpful|useful)\??|yes ?no|thumbs up|thumbs down|not helpful)$/i.test(t) ||
      /\b(try our ai|ai[- ]generated summary|summari[sz]e (this|the) (article|story|page)|ask (our |the )?ai|generated by ai|powered by ai)\b/i.test(t) ||
      whole('(new: )?(ai features?|ai summary|ai assistant)').test(t),
  },
  {
    name: 'share-tools',
    reason: 'widget',
    why: 'Share, save, print and reading-aid buttons.',
    maxWords: 8,
    test: (t) =>
      whole(
        'share|shares|share (this|the) (article|story|page)|share on [a-z ]{1,20}|share via [a-z ]{1,20}|copy link|link copied|copy url|print|print (this )?article|email|e-mail|save|saved|save (article|story|for later)|' +
          'bookmark|share (this )?(item|article|story|page|post)? ?(via|on|to) [a-z ]{1,20}|(see|view|show|load) (more|all)( related)? (articles|stories|news|headlines)|report an? (error|typo|correction)|suggest a correction|' +
          'hide (stories|articles|posts) from .{1,40}|(prices?|quotes?|data) (are )?delayed.{0,30}|\\d{1,3} (of|/) \\d{1,3}|view all \\d* ?(photos|images|pictures)|auto-?refresh( (on|off))?|load more (updates|posts|stories|articles)|' +
          'report this (article|story|comment)|send feedback|feedback|dislike|a[+−–-]|\\d{1,5}|whatsapp|facebook|twitter|x|linkedin|reddit|pinterest|telegram|messenger|gift( this)? article|' +
          'listen|listen to (this|the) (article|story)([\\s·•|-]*\\d+ min(ute)?s?)?|\\d{1,2}:\\d{2}(:\\d{2})?|play audio|audio|pause|text size|font size|a a|a\\+ a-|zoom|' +
          'read time.{0,20}|reading time.{0,20}|\\d+ min(ute)?s? (read|listen)|show (more|less)|see (more|all)|load more|loading|expand|collapse|close|' +
          'back to top|top of page|view gallery|view (\\d+ )?(images|photos)|open (image|gallery)|\\d+ (photos|images)|enlarge( (this )?image)?|toggle caption|hide caption|' +
          'follow|following|unfollow|notifications?|turn on notifications|add (topic|author)|like|react|reactions?',
      ).test(t),
  },
  {
    name: 'weather-widget',
    reason: 'widget',
    why: 'Weather boxes: a temperature or wind reading on a short line of its own.',
    maxWords: 14,
    test: (t) => /-?\d{1,3}\s?°\s?[CF]\b/.test(t) || /^weather\s*:/i.test(t) || (/\bwind \d{1,3}\s?(mph|km\/h|kph)\b/i.test(t) && /\brain \d{1,3}%/i.test(t)),
  },
  {
    name: 'market-data',
    reason: 'widget',
    why: 'Stock tickers, quotes and chart range pickers: figures and symbols, no sentence.',
    maxWords: 40,
    test: (t) =>
      /[▲▼]/.test(t) ||
      /^(\d+[DWMY]|YTD|MAX|ALL)(\s+(\d+[DWMY]|YTD|MAX|ALL)){2,}$/i.test(t) ||
      /^(?=[^\d]*\d)[−–+-]?[\d.,]+\s?(p|%|pts)?(\s+\([−–+-]?[\d.,]+%?\))?$/.test(t),
  },
  {
    name: 'citation-help',
    reason: 'widget',
    why: '"Cite this article" helpers.',
    maxWords: 60,
    test: (t) => /^(cite this (article|story|page)|how to cite( this)?)\b/i.test(t),
  },
  {
    name: 'read-at-source',
    reason: 'promo',
    why: 'Aggregator links to the original ("Read the full story at ...").',
    maxWords: 14,
    test: (t) => /^(read|continue reading|see|view) (the )?(full|original|complete|whole) (story|article|report)\b/i.test(t) || whole('(enjoyed|like|liked|love|loved) (this|this (article|story|piece))|found this useful').test(t),
  },
  {
    name: 'breadcrumb',
    reason: 'navigation',
    why: 'Section paths such as "News > World > Europe".',
    maxWords: 14,
    test: (t) => /^[\p{L}\d .&'’-]{1,30}(\s*[>›»]\s*[\p{L}\d .&'’-]{1,30}){1,6}$/u.test(t) || /^[\p{L}\d .&'’-]{1,30}(\s+[|/]\s+[\p{L}\d .&'’-]{1,30}){2,8}$/u.test(t),
  },
  {
    name: 'hashtag-line',
    reason: 'widget',
    why: 'Hashtag and topic-tag lines.',
    maxWords: 20,
    test: (t) => /^(#[\p{L}\p{N}_]+[\s,]*)+$/u.test(t) || /^(tags|topics|filed under|more on|related topics)\s*:\s*\S/i.test(t),
  },
  {
    name: 'menu-word',
    reason: 'navigation',
    why: 'Single menu entries of a site header or footer.',
    maxWords: 4,
    test: (t) =>
      whole(
        'home|homepage|news|world|world news|politics|business|economy|markets|money|sport|sports|opinion|opinions|culture|arts|lifestyle|life|style|tech|technology|science|health|' +
          'entertainment|travel|food|climate|environment|education|uk|us|u\\.s\\.|europe|asia|africa|americas|middle east|australia|local|national|international|' +
          'menu|main menu|search|sections|all sections|more|video|videos|podcasts?|newsletters?|weather|live|live tv|watch live|games|puzzles|crosswords?|obituaries|' +
          'skip to (main )?content|skip navigation|skip to navigation|jump to|go to|navigation|open menu|close menu|account|my account|profile|settings|' +
          'privacy( policy)?|cookie (policy|settings)|terms( of (use|service))?|contact( us)?|about( us)?|careers|advertise( with us)?|help|faq|sitemap|accessibility|' +
          'corrections|rss|archive|e-?paper|print edition|today\'?s paper|manage cookies|accept( all)?( cookies)?|reject( all)?|do not sell.{0,40}',
      ).test(t),
  },
  {
    name: 'comments-prompt',
    reason: 'comments',
    why: 'Comment-section headings and prompts.',
    maxWords: 14,
    test: (t) =>
      whole(
        'comments?|\\d+ comments?|comments \\(\\d+\\)|view (all )?comments|show comments|hide comments|read comments|' +
          'join the (conversation|discussion|debate)|leave a (comment|reply)|add a comment|post a comment|write a comment|comments are closed.{0,40}|' +
          '(log|sign) in to (comment|reply|join the conversation).{0,40}|be the first to comment|no comments yet.{0,60}|' +
          'conversation|discussion|start the conversation|reply|report|most recent|oldest|newest|top comments|sort by.{0,20}|load more comments',
      ).test(t),
  },
  {
    name: 'comment-policy',
    reason: 'comments',
    why: 'Comment-moderation policies: several moderation cues in one paragraph.',
    maxWords: 120,
    test: (t) => countCues(t, COMMENT_POLICY_CUES) >= 3,
  },
  {
    name: 'author-pointer',
    reason: 'bio',
    why: 'Links to an author page ("Read more about the author").',
    maxWords: 12,
    test: (t) =>
      whole(
        'read more about the author|about the author|more (articles |stories )?(from|by) (this|the) (author|writer)|' +
          'more from the author|view (author )?profile|author profile|contact the author|email the author|meet the author|' +
          'follow (him|her|them) on .{1,30}|follow [\\p{L} .]{2,40} on (twitter|x|instagram|bluesky|threads|linkedin)',
      ).test(t),
  },
  {
    name: 'opinion-disclaimer',
    reason: 'disclaimer',
    why: 'Statements that an opinion piece is the author\'s view.',
    maxWords: 60,
    test: (t) =>
      /\b(views|opinions)( and opinions)? expressed\b.{0,80}\b(author|writer|contributor)/i.test(t) ||
      /^(the |these |all |any )?(views|opinions)( expressed)?( (here|in this (article|piece|column|commentary)))? (are|is) (solely )?(those of )?(the author'?s?|the writer'?s?|their|his|her|my) own\b/i.test(t) ||
      /\bdo(es)? not (necessarily )?reflect the (views|position|opinion)s? of\b/i.test(t),
  },
  {
    name: 'editorial-note',
    reason: 'disclaimer',
    why: 'Corrections, update notes and syndication notes about the article rather than its story.',
    maxWords: 60,
    test: (t) =>
      /^(originally (published|appeared) (by|in|on|at)\b|this (article|story|piece|report) (was|has been|is) (amended|updated|corrected|edited|originally published|first published|republished|produced)|correction\s*:|clarification\s*:|editor['’]?s note\s*:|update\s*:\s*this)/i.test(t) ||
      /^(purchase licensing rights|our standards\s*:)/i.test(t),
  },
  {
    name: 'copyright-line',
    reason: 'other',
    why: 'Copyright footers: about the site, not the story.',
    maxWords: 40,
    test: (t) => /^(©|\(c\)|copyright\s*(©|\(c\)|\d{4}))/iu.test(t) || /\ball rights reserved\b/i.test(t),
  },
  {
    name: 'agency-credit',
    reason: 'credit',
    why: 'Reporting and editing credits at the foot of wire copy.',
    maxWords: 30,
    // The credited party is a name: "Reporting by Jane Roe; Editing by Sam Poe", not "Reporting by local journalists".
    test: (t) => /^\(?((additional )?reporting|writing|editing|edited|compiled|produced|research) by\s+\p{Lu}/iu.test(t) && /\bby\s+\p{Lu}/u.test(t) && !/[.!?]\s+\p{Lu}/u.test(t.slice(0, -1)),
  },
  {
    name: 'photo-credit',
    reason: 'credit',
    why: 'Photo and image credits ("Photo: Sam Poe", "Jane Roe/Agency", "(File photo)").',
    maxWords: 12,
    test: (t) => isCreditLine(t),
  },
];

const CREDIT_PREFIX = /^\(?\s*(photo|photos|photograph|photography|image|images|picture|pictures|video|graphic|illustration|credit|photo credit|image credit|image source|pictured|photo illustration)\s*(by)?\s*[:/|]\s*\S/i;
const CREDIT_WHOLE = /^\(?\s*(file( photo)?|stock image|handout|supplied|getty images|shutterstock|ap photo|reuters|afp|epa|alamy|pa( media)?|xinhua|anadolu|courtesy( photo)?)\s*\)?\.?$/i;
const AGENCY_WORD = /\b(getty images|afp|ap photo|reuters|epa(-efe)?|shutterstock|alamy|associated press|pa media|pa wire|xinhua|anadolu|sipa|bloomberg via getty|via getty|via reuters|via ap)\b/i;
/** "Marcus Hale for the Eastbrook Journal": a photographer credited to an outlet. */
const NAME_FOR_OUTLET = /^[\p{Lu}][\p{L}.'’-]+(\s+[\p{Lu}][\p{L}.'’-]+){1,3}\s+for\s+(the\s+)?[\p{Lu}][\p{L}&.' -]{2,40}$/u;
/** "Jane Roe/Agency": a person's name (two words at least, so "News / Noticias" is not one) over a source. */
const NAME_SLASH_SOURCE = /^\(?\s*[\p{Lu}][\p{L}.'’-]+(\s+[\p{Lu}][\p{L}.'’-]+){1,3}\s*\/\s*[\p{Lu}][\p{L}&.'’ -]{1,40}\)?$/u;

/** Exported for the caption rule, which looks for a credit right after a caption. */
export function isCreditLine(text: string): boolean {
  if (wordCount(text) > 12) return false;
  if (CREDIT_PREFIX.test(text) || CREDIT_WHOLE.test(text) || NAME_SLASH_SOURCE.test(text) || NAME_FOR_OUTLET.test(text)) return true;
  return AGENCY_WORD.test(text) && !/[.!?]["”’]?$/.test(text.replace(/\)$/, '')) && wordCount(text) <= 8;
}

/** The first line rule that removes this text, or null. */
export function matchLineRule(text: string): LineRule | null {
  const words = wordCount(text);
  for (const rule of LINE_RULES) {
    if (words <= rule.maxWords && rule.test(text)) return rule;
  }
  // Bilingual boilerplate ("Story continues below / La historia continúa abajo"): the first half decides.
  const halves = text.split(' / ');
  return halves.length === 2 && halves[0]!.length >= 3 ? matchLineRule(halves[0]!) : null;
}
