export { InputError, isInputError, type InputErrorCode } from './errors.js';
export { decodeBytes, type DecodeOptions, type Decoded } from './decode.js';
export { sniffFormat, type SniffHints } from './sniff.js';
export {
  fetchUrl,
  FEED_ACCEPT,
  DEFAULT_FETCH_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  type FetchOptions,
  type FetchResult,
} from './fetch.js';
export { isPublicAddress, type ResolveHost } from './address.js';
export { readInputs, DEFAULT_FILE_MAX_BYTES, type IngestItem, type IngestOptions } from './inputs.js';
export { walkDirectory, COLLECTION_EXTENSIONS, PAGE_EXTENSIONS, type WalkItem } from './walk.js';
export {
  countWords,
  emptyFeedState,
  feedItemPages,
  FULL_TEXT_WORDS,
  fullText,
  itemDocument,
  MAX_FEED_CHARS,
  MAX_FEED_ITEMS,
  MAX_SEEN_IDS,
  parseFeed,
  parseFeedDate,
  pollFeed,
  readFeed,
  sniffFeed,
  type FeedItem,
  type FeedKind,
  type FeedPageOptions,
  type FeedState,
  type ParsedFeed,
  type ParseFeedOptions,
  type PollResult,
  type ReadFeedOptions,
} from './feeds.js';
export { isWarcPath, readWarcBytes, readWarcFile, readWarcStream, sniffWarc, type WarcKind } from './warc.js';
