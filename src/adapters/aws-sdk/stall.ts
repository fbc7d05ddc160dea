import type { Clock } from "../../index.js";

/** The stall limit and the clock it is measured on. */
export interface StallLimit {
  /** Milliseconds without progress; `Infinity` for none. */
  ms: number;
  clock: Clock;
}
