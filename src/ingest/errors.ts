/**
 * Every way an input can fail before cleaning starts. The CLI prints `message` as one diagnostic
 * line per failed input and keeps going, so the message must stand on its own.
 */
export type InputErrorCode =
  | 'empty'
  | 'binary'
  | 'too-large'
  | 'not-found'
  | 'unreadable'
  | 'http-status'
  | 'timeout'
  | 'too-many-redirects'
  | 'private-address'
  | 'bad-url'
  | 'decode'
  | 'unsupported-scheme'
  | 'network'
  /** A feed or WARC that cannot be read as one: not well-formed, truncated, or the wrong shape. */
  | 'malformed';

export class InputError extends Error {
  override readonly name = 'InputError';
  readonly code: InputErrorCode;
  /** The input as the user named it (path, URL or "-"). */
  readonly source: string;
  /** What went wrong, without the source: the message is `<source>: <reason>`. */
  readonly reason: string;

  constructor(code: InputErrorCode, source: string, reason: string, options?: { cause?: unknown }) {
    super(`${oneLine(source)}: ${oneLine(reason)}`, options);
    this.code = code;
    this.source = source;
    this.reason = reason;
  }
}

export function isInputError(value: unknown): value is InputError {
  return value instanceof InputError;
}

/**
 * File names and server-supplied text may contain newlines or terminal escapes; escaping them
 * keeps one failure on one line and stops a hostile name from rewriting the user's terminal.
 */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code === 0x0a ? '\\n' : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** Human wording of a byte count, for "too large" messages. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (Number.isInteger(value)) return `${value} ${units[unit] ?? 'TiB'}`;
  const rounded = value.toFixed(1);
  // "4.0 KiB (limit 4 KiB)" would read as no excess at all; exact bytes show the difference.
  if (rounded.endsWith('.0')) return `${bytes} bytes`;
  return `${rounded} ${units[unit] ?? 'TiB'}`;
}
