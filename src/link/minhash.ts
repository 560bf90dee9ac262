/**
 * MinHash signatures over word shingles, and their LSH band keys, for near-copy detection.
 * Pure and deterministic: the same text gives the same signature on every machine, so band keys
 * can live in the database and be looked up through an index (never a scan of the corpus).
 */

/** Lower-cased word tokens; punctuation, case and spacing differences between copies vanish. */
export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** FNV-1a, 32 bits: fast, well distributed for short strings. */
function hashString(value: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of every run of `size` words (the whole text when it is shorter). */
export function shingleHashes(tokens: readonly string[], size: number): Set<number> {
  const hashes = new Set<number>();
  if (tokens.length === 0) return hashes;
  const last = Math.max(0, tokens.length - size);
  for (let i = 0; i <= last; i++) hashes.add(hashString(tokens.slice(i, i + size).join(' ')));
  return hashes;
}

/** Fixed odd multipliers and offsets, one pair per permutation; drawn once from a seeded generator. */
const PERMUTATIONS = (() => {
  let state = 0x9e3779b9;
  const next = (): number => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return state >>> 0;
  };
  return Array.from({ length: 128 }, () => ({ a: next() | 1, b: next() }));
})();

export function minhash(hashes: Iterable<number>, permutations: number): Uint32Array {
  const signature = new Uint32Array(permutations).fill(0xffffffff);
  for (const h of hashes) {
    for (let p = 0; p < permutations; p++) {
      const { a, b } = PERMUTATIONS[p]!;
      const value = (Math.imul(h, a) + b) >>> 0;
      if (value < signature[p]!) signature[p] = value;
    }
  }
  return signature;
}

/** One key per band; two texts sharing any key are candidates. The prefix keeps separate indexes apart. */
export function bandKeys(signature: Uint32Array, rows: number, prefix: string): string[] {
  const keys: string[] = [];
  for (let start = 0; start + rows <= signature.length; start += rows) {
    let h = 0x811c9dc5;
    for (let r = start; r < start + rows; r++) {
      h ^= signature[r]!;
      h = Math.imul(h, 0x01000193);
    }
    keys.push(`${prefix}${start / rows}:${(h >>> 0).toString(36)}`);
  }
  return keys;
}

export function jaccard(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const h of small) if (large.has(h)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Share of `part`'s shingles found in `whole`: a snippet cut from an article scores near 1. */
export function containment(part: ReadonlySet<number>, whole: ReadonlySet<number>): number {
  if (part.size === 0) return 0;
  let shared = 0;
  for (const h of part) if (whole.has(h)) shared++;
  return shared / part.size;
}
