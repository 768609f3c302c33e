/**
 * Drawing and shuffling for quiz attempts, deterministic from a seed so an
 * attempt can be replayed and tested: the attempt stores its seed and the
 * order it drew.
 */

/** A seeded pseudo-random generator (mulberry32) returning numbers in [0, 1). */
export function prng(seed: string): () => number {
  let h = 1779033703 ^ seed.length;
  for (let i = 0; i < seed.length; i++) {
    h = Math.imul(h ^ seed.charCodeAt(i), 3432918353);
    h = (h << 13) | (h >>> 19);
  }
  let a = h >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

export interface Draw {
  bankId: string;
  /** How many questions to take from the bank; more than it holds takes them all. */
  count: number;
}

/**
 * The questions of a new attempt: `count` distinct questions from each bank
 * (in the bank's order when not shuffled), then the whole list shuffled when
 * asked. A question listed in two banks' draws appears once.
 */
export function drawQuestions(draws: readonly Draw[], banks: ReadonlyMap<string, readonly string[]>, seed: string, shuffleQuestions: boolean): string[] {
  const random = prng(seed);
  const chosen: string[] = [];
  const seen = new Set<string>();
  for (const d of draws) {
    const pool = (banks.get(d.bankId) ?? []).filter((id) => !seen.has(id));
    const picked = shuffle(pool, random).slice(0, Math.max(0, d.count));
    // Keep the bank's order among the picked ones unless the quiz shuffles.
    const ordered = shuffleQuestions ? picked : pool.filter((id) => picked.includes(id));
    for (const id of ordered) {
      seen.add(id);
      chosen.push(id);
    }
  }
  return shuffleQuestions ? shuffle(chosen, random) : chosen;
}
