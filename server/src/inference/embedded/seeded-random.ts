import { randomInt } from 'node:crypto';

/**
 * xoshiro128** — small, fast and reproducible across platforms, so a `seed` gives the same completion on any
 * instance. Each sequence owns one, which keeps a seeded result independent of what else shares its batch.
 */
export class SeededRandom {
  private readonly state = new Uint32Array(4);

  constructor(seed: number) {
    let x = seed >>> 0;
    for (let i = 0; i < 4; i++) {
      // splitmix32 spreads a small seed over the whole state; an all-zero state would be stuck.
      x = (x + 0x9e3779b9) >>> 0;
      let z = x;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
      this.state[i] = (z ^ (z >>> 16)) >>> 0;
    }
  }

  /** Uniform in [0, 1). */
  next(): number {
    const s = this.state;
    const result = Math.imul(rotl(Math.imul(s[1], 5) >>> 0, 7), 9) >>> 0;
    const t = (s[1] << 9) >>> 0;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result / 4294967296;
  }
}

/** The RNG seed of one candidate: the request's seed (or a fresh random one) mixed with the candidate's number. */
export function sequenceSeed(requestSeed: number | null, candidate: number): number {
  if (requestSeed === null) {
    return randomInt(0, 2 ** 32 - 1);
  }
  // FNV-1a over the decimal text, so any integer the API accepts (negative, beyond 32 bits) maps stably.
  let hash = 0x811c9dc5;
  for (const char of `${requestSeed}:${candidate}`) {
    hash = Math.imul(hash ^ char.charCodeAt(0), 0x01000193) >>> 0;
  }
  return hash;
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}
