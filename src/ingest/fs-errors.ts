import { InputError } from './errors.js';

const REASONS: Readonly<Record<string, { code: 'not-found' | 'unreadable'; reason: string }>> = {
  ENOENT: { code: 'not-found', reason: 'no such file or directory' },
  ENOTDIR: { code: 'not-found', reason: 'no such file or directory (a parent is not a directory)' },
  EACCES: { code: 'unreadable', reason: 'permission denied' },
  EPERM: { code: 'unreadable', reason: 'operation not permitted' },
  ELOOP: { code: 'unreadable', reason: 'too many levels of symbolic links' },
  EISDIR: { code: 'unreadable', reason: 'is a directory' },
  EMFILE: { code: 'unreadable', reason: 'too many open files' },
  EIO: { code: 'unreadable', reason: 'input/output error' },
};

/** Turns a failed file-system call into the InputError the user sees for `source`. */
export function fsError(error: unknown, source: string): InputError {
  if (error instanceof InputError) return error;
  const errno = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = errno ? REASONS[errno] : undefined;
  if (known) return new InputError(known.code, source, known.reason, { cause: error });
  const detail = error instanceof Error ? error.message : String(error);
  return new InputError('unreadable', source, `cannot read: ${detail}`, { cause: error });
}
