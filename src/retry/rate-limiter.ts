import { checkDuration, checkNumber, checkObject } from "./validate-options.js";

/** Options of {@link createRateLimiter}. */
export interface RateLimiterOptions {
  /**
   * Share of the rate the server served (see {@link createRateLimiter}) the send rate drops to
   * on throttling.
   * @default 0.95
   */
  decreaseFactor?: number;
  /**
   * Send rate gained per second of successes at full use, in requests/s.
   * @default 3
   */
  increasePerSecond?: number;
  /**
   * Share of the rate gained per second of successes at full use, when more.
   * @default 0
   */
  growthPerSecond?: number;
  /**
   * Lowest send rate, in requests/s.
   * @default 1
   */
  minRatePerSecond?: number;
  /**
   * Time without throttling, or without the limit holding anything back, after which the
   * limiter switches off, in milliseconds.
   * @default 10000
   */
  idleAfterMs?: number;
  /**
   * Share of throttling among the last second's answers that marks overload: below it SlowDowns
   * are scattered faults (retried, not paced), which a rate cut would not prevent. 0 cuts on
   * any throttling, as the AWS SDK's adaptive mode does.
   * @default 0.15
   */
  overloadShare?: number;
  /**
   * Shortest time between two rate cuts, in milliseconds.
   * @default 0
   */
  decreaseIntervalMs?: number;
}

/**
 * Throws a TypeError or RangeError naming the first wrong option; `prefix` is put before each
 * name (`rateLimiter.` when the options are a budget's).
 */
export function validateRateLimiterOptions(options: RateLimiterOptions, prefix = ""): void {
  checkObject(prefix ? prefix.slice(0, -1) : "options", options);
  checkNumber(`${prefix}decreaseFactor`, options.decreaseFactor, 0, 1);
  checkNumber(`${prefix}increasePerSecond`, options.increasePerSecond, 0);
  checkNumber(`${prefix}growthPerSecond`, options.growthPerSecond, 0);
  checkNumber(`${prefix}minRatePerSecond`, options.minRatePerSecond, Number.MIN_VALUE);
  checkDuration(`${prefix}idleAfterMs`, options.idleAfterMs);
  checkNumber(`${prefix}overloadShare`, options.overloadShare, 0, 1);
  checkDuration(`${prefix}decreaseIntervalMs`, options.decreaseIntervalMs);
}

/** A client-side send-rate limiter fed by throttling responses; free while it is off. */
export interface RateLimiter {
  /** Records a success (for the measured rate) or a throttling response (may lower the rate). */
  record(throttled: boolean, nowMs: number): void;
  /**
   * Reserves a send slot; returns how long to wait for it, in milliseconds (0 while off). A slot
   * at or after `untilMs` (the caller's deadline) is not reserved: the wait is returned, and the
   * caller that cannot wait that long leaves the slot to others.
   */
  reserveMs(nowMs: number, untilMs?: number): number;
  /** Allowed send rate in requests/s, or Infinity while off. */
  readonly ratePerSecond: number;
  /**
   * Whether the limiter is on and the server served something in the last second: throttling
   * then means overload the limiter is pacing, not an outage.
   */
  isPacing(nowMs: number): boolean;
}

const WINDOW_MS = 1000;
// Fewer answers than this in the window cannot tell overload from a few scattered SlowDowns,
// unless at least half of them, and this many, are throttles (a burst hitting a full server).
const MIN_ANSWERS = 50;
const MIN_MAJORITY_THROTTLES = 10;
const SLOT_MS = 100;
const SLOTS = WINDOW_MS / SLOT_MS;
// Completed slots with throttling needed before their median success rate is trusted.
const MIN_FULL_SLOTS = 3;

function slotIndex(slotStartMs: number): number {
  return (((slotStartMs / SLOT_MS) % SLOTS) + SLOTS) % SLOTS;
}

/**
 * An adaptive send-rate limiter. Off until throttling reaches `overloadShare` of the last
 * second's answers (default 15%); then the rate is set to `decreaseFactor` times what the
 * server served over that second (so repeated SlowDowns cannot collapse it as a
 * multiplicative-only decrease does), at most once per `decreaseIntervalMs`, and grows by
 * `increasePerSecond` (or `growthPerSecond` of itself, the larger) per second of successes until
 * the next cut. What the server served is the higher of two rates that leave out time in which
 * the client sent less than the server could serve (a pause of the process, calls asleep in
 * backoff), which would set the rate below the server's and keep it there for seconds: the
 * median success rate of the second's 100 ms slots in which it also throttled (it was full
 * then; at least 3 such slots with 50 answers), and the success rate over the slots in which
 * anything was answered. No cut comes before 100 ms of successes have been measured: the
 * successes of a first burst still in flight would make the rate a fraction of the server's.
 * Throttling after a second in which nothing succeeded (an outage, not overload) switches it
 * off: the outage hold handles that. It also switches off after `idleAfterMs` without
 * throttling, or without holding any send back (a limit that grew past what callers ask for, as
 * after a cut that scattered SlowDowns set off).
 */
export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  validateRateLimiterOptions(options);
  const decrease = options.decreaseFactor ?? 0.95;
  const increase = options.increasePerSecond ?? 3;
  const growth = options.growthPerSecond ?? 0;
  const minRate = options.minRatePerSecond ?? 1;
  const idleAfterMs = options.idleAfterMs ?? 10_000;
  const overloadShare = options.overloadShare ?? 0.15;
  const decreaseIntervalMs = options.decreaseIntervalMs ?? 0;
  const counts = new Array<number>(SLOTS).fill(0);
  const throttles = new Array<number>(SLOTS).fill(0);
  let lastDecreaseAtMs = -Infinity;
  let slotStart = -Infinity;
  // The first success of the current run of them: a success after a window with none starts one.
  let firstSuccessAtMs: number | undefined;
  let lastSuccessAtMs = -Infinity;
  let rate = Infinity;
  let lastThrottleAtMs = -Infinity;
  // Last cut or send the limit delayed: a limit above what callers ask for paces nothing.
  let lastBindingAtMs = -Infinity;
  let nextSendAtMs = 0;

  const advance = (nowMs: number): void => {
    const start = Math.floor(nowMs / SLOT_MS) * SLOT_MS;
    if (start <= slotStart) return;
    const steps = Math.min(SLOTS, (start - slotStart) / SLOT_MS);
    for (let i = 1; i <= steps; i++) {
      const index = slotIndex(start - (steps - i) * SLOT_MS);
      counts[index] = 0;
      throttles[index] = 0;
    }
    slotStart = start;
  };
  const sum = (values: readonly number[]): number => values.reduce((total, n) => total + n, 0);
  // Successes per second over `windowMs` (at least one slot), counted from the first success.
  const perSecond = (served: number, windowMs: number, nowMs: number): number =>
    (served * 1000) / Math.max(SLOT_MS, Math.min(windowMs, nowMs - (firstSuccessAtMs ?? nowMs)));
  // Over the window: the completed slots plus the current one so far.
  const measuredRate = (nowMs: number): number => {
    advance(nowMs);
    return perSecond(sum(counts), WINDOW_MS - SLOT_MS + (nowMs - slotStart), nowMs);
  };

  // What the server served over the window, the higher of two rates: the median success rate of
  // the completed slots that also had throttling, when they are enough (also blind to the burst a
  // token-bucket server lets through after a quiet spell), and the success rate over the slots in
  // which anything was answered (the current one included), from the first success on.
  const servedRate = (nowMs: number): number => {
    const current = slotIndex(slotStart);
    const fullRates: number[] = [];
    let fullAnswers = 0;
    let answeredMs = nowMs - slotStart;
    for (let i = 0; i < SLOTS; i++) {
      if (i === current) continue;
      const served = counts[i]!;
      const throttled = throttles[i]!;
      if (served + throttled > 0) answeredMs += SLOT_MS;
      if (throttled === 0) continue;
      fullAnswers += throttled + served;
      fullRates.push((served * 1000) / SLOT_MS);
    }
    const answeredRate = perSecond(sum(counts), answeredMs, nowMs);
    if (fullRates.length < MIN_FULL_SLOTS || fullAnswers < MIN_ANSWERS) return answeredRate;
    fullRates.sort((x, y) => x - y);
    const mid = fullRates.length >> 1;
    const median =
      fullRates.length % 2 === 1 ? fullRates[mid]! : (fullRates[mid - 1]! + fullRates[mid]!) / 2;
    return Math.max(median, answeredRate);
  };

  return {
    get ratePerSecond() {
      return rate;
    },
    isPacing(nowMs) {
      return rate !== Infinity && measuredRate(nowMs) > 0;
    },
    record(throttled, nowMs) {
      if (!throttled) {
        advance(nowMs);
        counts[slotIndex(slotStart)]! += 1;
        if (nowMs - lastSuccessAtMs > WINDOW_MS) firstSuccessAtMs = nowMs;
        lastSuccessAtMs = nowMs;
        if (rate !== Infinity) {
          rate += Math.max(increase, growth * rate) / Math.max(1, rate);
        }
        return;
      }
      const measured = measuredRate(nowMs);
      if (measured === 0) {
        // Nothing served for a second: an outage (the budget's hold deals with it), not
        // overload. Pacing from a rate measured on its way down would outlast the recovery.
        rate = Infinity;
        return;
      }
      throttles[slotIndex(slotStart)]! += 1;
      lastThrottleAtMs = nowMs;
      const throttledCount = sum(throttles);
      const answered = throttledCount + sum(counts);
      if (
        throttledCount < overloadShare * answered ||
        (overloadShare > 0 &&
          answered < MIN_ANSWERS &&
          (throttledCount < MIN_MAJORITY_THROTTLES || throttledCount * 2 < answered)) ||
        nowMs - lastDecreaseAtMs < decreaseIntervalMs ||
        nowMs - (firstSuccessAtMs ?? nowMs) < SLOT_MS
      ) {
        return;
      }
      lastDecreaseAtMs = nowMs;
      lastBindingAtMs = nowMs;
      rate = Math.max(minRate, decrease * servedRate(nowMs));
    },
    reserveMs(nowMs, untilMs) {
      if (rate === Infinity) return 0;
      if (nowMs - lastThrottleAtMs > idleAfterMs || nowMs - lastBindingAtMs > idleAfterMs) {
        rate = Infinity;
        return 0;
      }
      const slotAtMs = Math.max(nowMs, nextSendAtMs);
      if (untilMs !== undefined && slotAtMs >= untilMs) return slotAtMs - nowMs;
      nextSendAtMs = slotAtMs + 1000 / rate;
      if (slotAtMs > nowMs) lastBindingAtMs = nowMs;
      return slotAtMs - nowMs;
    },
  };
}
