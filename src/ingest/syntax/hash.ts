// Feature hashing for the syntax models: 32-bit string hashes and integer mixing into fixed-size weight tables.
// Hashing keeps the models free of feature dictionaries; the finaliser matters because tables are indexed by low bits.

/** FNV-1a over the UTF-16 code units of s[start, end), finalised so that low bits depend on every character. */
export function hashRange(s: string, start: number, end: number, seed = 0x811c9dc5): number {
  let h = seed | 0;
  for (let i = start; i < end; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

export function hashString(s: string, seed = 0x811c9dc5): number {
  return hashRange(s, 0, s.length, seed);
}

/** Murmur3's 32-bit finaliser: spreads high bits of a combined value into the low bits used as table index. */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines a running hash with one more value; cheap, order-sensitive, finalised later by fmix. */
export function mix(h: number, v: number): number {
  return Math.imul(((h << 5) | (h >>> 27)) ^ v, 0x9e3779b1);
}

/** The starting value of feature template t, so that equal values under different templates land apart. */
export function templateSeed(t: number): number {
  return fmix(Math.imul(t + 1, 0x632be5ab));
}

/** A small seeded generator (mulberry32): training must shuffle and explore the same way on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffleInPlace<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}
