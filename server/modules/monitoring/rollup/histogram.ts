/**
 * Review delays (hours from first submission to the latest review) are kept
 * as a histogram, so a median over any set of unit-days is the sum of their
 * buckets. Bucket i holds delays in [EDGES[i-1], EDGES[i]) hours; bucket 0
 * starts at 0 and the last one (168 h and more) is open.
 *
 * The median is approximate: the bucket holding the middle review is found
 * from the summed counts, and the value is interpolated linearly inside it
 * (the open last bucket answers its lower edge, 168 h). The error is at most
 * the width of that bucket: under an hour for fast reviews, a day or two for
 * reviews that took several days.
 */
export const DELAY_EDGES_HOURS = [1, 2, 4, 8, 16, 24, 48, 72, 120, 168] as const;
export const DELAY_BUCKETS = DELAY_EDGES_HOURS.length + 1;

export type DelayBucketColumn = `rd_${number}`;
export const DELAY_COLUMNS = Array.from({ length: DELAY_BUCKETS }, (_, i) => `rd_${i}` as const);

/** The bucket index of a delay in hours. */
export function delayBucket(hours: number): number {
  const i = DELAY_EDGES_HOURS.findIndex((edge) => hours < edge);
  return i === -1 ? DELAY_BUCKETS - 1 : i;
}

/** Approximate median in hours, rounded to 0.1; null when there is no review. */
export function histogramMedian(counts: readonly number[]): number | null {
  const n = counts.reduce((a, b) => a + b, 0);
  if (n === 0) return null;
  const middle = n / 2;
  let before = 0;
  for (let i = 0; i < counts.length; i++) {
    const c = counts[i];
    if (c > 0 && before + c >= middle) {
      const lo = i === 0 ? 0 : DELAY_EDGES_HOURS[i - 1];
      if (i === counts.length - 1) return lo;
      const hi = DELAY_EDGES_HOURS[i];
      return Math.round((lo + ((middle - before) / c) * (hi - lo)) * 10) / 10;
    }
    before += c;
  }
  return null;
}
