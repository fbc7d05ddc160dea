import type { JitterMode } from "./types.js";

/** Inputs of {@link computeDelayMs}. */
export interface DelayInput {
  /** How the step is randomised between 0 (or base) and its ceiling. */
  jitter: JitterMode;
  /** First backoff step, in milliseconds. */
  baseDelayMs: number;
  /** Largest delay, in milliseconds. */
  maxDelayMs: number;
  /** 1 for the first retry of this class, 2 for the second, ... */
  retryNumber: number;
  /** The previous delay of this class, in milliseconds (decorrelated jitter only; defaults to base). */
  previousDelayMs?: number | undefined;
  /** Uniform in [0, 1). */
  random: () => number;
}

/**
 * Backoff delay in milliseconds, with the AWS Architecture Blog's definitions
 * ("Exponential Backoff And Jitter"), where `ceil = min(max, base * 2^(n-1))`:
 * - `none`: ceil;
 * - `full`: uniform in [0, ceil);
 * - `equal`: ceil / 2 + uniform in [0, ceil / 2);
 * - `decorrelated`: min(max, uniform in [base, previous * 3)), previous starting at base.
 * Pure: randomness comes from `random`. Always a whole number of milliseconds.
 */
export function computeDelayMs(input: DelayInput): number {
  const { baseDelayMs: base, maxDelayMs: max, random } = input;
  const exponent = Math.max(0, input.retryNumber - 1);
  const ceil = Math.min(max, base * 2 ** Math.min(exponent, 52));
  switch (input.jitter) {
    case "none":
      return Math.round(ceil);
    case "full":
      return Math.floor(random() * ceil);
    case "equal":
      return Math.floor(ceil / 2 + random() * (ceil / 2));
    case "decorrelated": {
      const previous = Math.max(base, input.previousDelayMs ?? base);
      return Math.floor(Math.min(max, base + random() * (previous * 3 - base)));
    }
  }
}
