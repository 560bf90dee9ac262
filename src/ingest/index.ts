export { InputError, isInputError, type InputErrorCode } from './errors.js';
export { decodeBytes, type DecodeOptions, type Decoded } from './decode.js';
export { sniffFormat, type SniffHints } from './sniff.js';
export {
  fetchUrl,
  DEFAULT_FETCH_MAX_BYTES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_TIMEOUT_MS,
  type FetchOptions,
  type FetchResult,
} from './fetch.js';
export { isPublicAddress, type ResolveHost } from './address.js';
export { readInputs, DEFAULT_FILE_MAX_BYTES, type IngestItem, type IngestOptions } from './inputs.js';
export { walkDirectory, PAGE_EXTENSIONS, type WalkItem } from './walk.js';
