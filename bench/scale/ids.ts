import type { Rng } from "../../server/demo/random.js";

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, "0"));

/**
 * UUIDv7 ids for generated rows: the time part counts up from `startMs` (one
 * millisecond per 64 ids, so rows land at the end of the indexes in the order
 * they are made) and the random part comes from the seeded generator. Much
 * cheaper than a system random source per id, which matters at tens of
 * millions of rows.
 */
export class IdSource {
  private n = 0;

  constructor(
    private readonly rng: Rng,
    private readonly startMs: number,
  ) {}

  next(): string {
    const ms = this.startMs + Math.floor(this.n / 64);
    this.n += 1;
    const hi = Math.floor(ms / 0x1_0000_0000);
    const lo = ms >>> 0;
    const a = this.rng.nextU32();
    const b = this.rng.nextU32();
    const c = this.rng.nextU32();
    const time = HEX[(hi >>> 8) & 0xff] + HEX[hi & 0xff] + HEX[lo >>> 24] + HEX[(lo >>> 16) & 0xff] + HEX[(lo >>> 8) & 0xff] + HEX[lo & 0xff];
    const version = `7${HEX[(a >>> 24) & 0x0f].slice(1)}${HEX[(a >>> 16) & 0xff]}`;
    const variant = HEX[0x80 | ((a >>> 8) & 0x3f)] + HEX[a & 0xff];
    const tail = HEX[b >>> 24] + HEX[(b >>> 16) & 0xff] + HEX[(b >>> 8) & 0xff] + HEX[b & 0xff] + HEX[c >>> 24] + HEX[(c >>> 16) & 0xff];
    return `${time.slice(0, 8)}-${time.slice(8)}-${version}-${variant}-${tail}`;
  }
}
