import {
  type Admission,
  type BudgetGate,
  type BudgetOutcome,
  createRetryBudget,
  type RetryBudget,
  type RetryBudgetOptions,
  resolveBudgetOptions,
  type StorageError,
} from "../index.js";
import { callObserver } from "../telemetry/call-observer.js";
import { type RedisLike, runScript } from "./redis-like.js";
import { BREAKER_SCRIPT, SYNC_SCRIPT } from "./scripts.js";
import { gateOf, readAnswer, type SharedView } from "./shared-view.js";
import { validateRedisBudgetOptions } from "./validate-redis-budget-options.js";

/** Options of {@link createRedisBudget}: the budget's own, plus where and how it is shared. */
export interface RedisBudgetOptions extends RetryBudgetOptions {
  /** The application's ioredis client (or any client with the same `eval`). */
  redis: RedisLike;
  /**
   * The Redis key of the shared state (a hash): every process that passes the same key shares
   * one budget and one breaker. One key per endpoint or bucket.
   */
  key: string;
  /**
   * Tokens leased to this process at a time, spent by its retries without a round trip; the
   * lease is topped up in the background once half spent. Until Redis answers a top-up, a
   * retry the lease cannot pay for is charged to the process's own budget; once Redis says the
   * fleet's pool is dry, it is refused.
   * @default 4 × the dearest retry's cost (56 with the default costs)
   */
  leaseTokens?: number;
  /**
   * How often the process settles with Redis in the background (refunds, lease, breaker
   * state), in milliseconds. Another process's outage verdict reaches this one within it.
   * @default 250
   */
  syncIntervalMs?: number;
  /**
   * Longest wait for an answer from Redis, in milliseconds; past it (or on any Redis error)
   * the budget works alone, as a local one, until Redis answers again. No call ever waits for
   * Redis: every round trip is in the background.
   * @default 100
   */
  redisTimeoutMs?: number;
  /**
   * Time after the last write at which Redis drops the shared state, in milliseconds, so
   * abandoned keys vanish.
   * @default 600000 (10 minutes)
   */
  keyTtlMs?: number;
  /**
   * Told when the budget falls back to working alone, and when it rejoins the fleet; a hook
   * that throws changes nothing.
   * @default undefined
   */
  onEvent?: (event: RedisBudgetEvent) => void;
}

/** What {@link RedisBudgetOptions.onEvent} is told: once per change of mode. */
export type RedisBudgetEvent =
  | {
      /** Redis failed or was too slow: the budget now works alone, as a local one. */
      readonly type: "fallback";
      /** The shared state's Redis key (`RedisBudgetOptions.key`). */
      readonly key: string;
      /** What Redis failed with, or an Error saying it did not answer within `redisTimeoutMs`. */
      readonly error: unknown;
    }
  | {
      /** Redis answered again: the budget is shared with the fleet once more. */
      readonly type: "rejoined";
      /** The shared state's Redis key (`RedisBudgetOptions.key`). */
      readonly key: string;
    };

/** A {@link RetryBudget} shared through Redis. */
export interface RedisBudget extends RetryBudget {
  /** `shared` while Redis answers; `local` before the first answer and while it does not. */
  readonly mode: "shared" | "local";
  /** Settles with Redis now (the background loop does it anyway); never rejects. */
  sync(): Promise<void>;
  /** Stops the background loop and hands back the unspent lease; never rejects. */
  close(): Promise<void>;
}

/** Runs `callback` after pending I/O has been read (setImmediate where there is one). */
function afterIo(callback: () => void): void {
  const immediate = (globalThis as { setImmediate?: (cb: () => void) => unknown }).setImmediate;
  if (immediate) immediate(callback);
  else setTimeout(callback, 0);
}

/** While the endpoint is down, held calls and the probe claim look again this often. */
const DOWN_POLL_MS = 50;
// How long a probe grant waits for a call of this process, and how recent a wait must be to claim.
const UNUSED_GRANT_MS = 4 * DOWN_POLL_MS;

/**
 * A retry budget and circuit breaker shared by every process that uses the same Redis and
 * `key`. Successful calls cost no round trip: refunds are counted locally and settled in the
 * background; retries spend tokens leased to the process in batches. The breaker's state is
 * in Redis: once one process sees the endpoint down, the others hold within `syncIntervalMs`,
 * and the fleet sends one probe at a time (claimed atomically). Redis failing never fails a
 * call: the budget falls back to a local one at once and rejoins when Redis answers.
 * Throws a TypeError or RangeError naming a wrong option.
 */
export function createRedisBudget(options: RedisBudgetOptions): RedisBudget {
  validateRedisBudgetOptions(options);
  const {
    redis,
    key,
    leaseTokens: leaseOption,
    syncIntervalMs = 250,
    redisTimeoutMs = 100,
    keyTtlMs = 600_000,
    onEvent,
    ...budgetOptions
  } = options;
  const settings = resolveBudgetOptions(budgetOptions);
  const local = createRetryBudget(budgetOptions);
  const costs = settings.costs;
  const leaseTokens = leaseOption ?? 4 * Math.max(costs.transient, costs.throttling);
  const owner = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

  let mode: "shared" | "local" = "local";
  // A fallback was announced and no rejoin since: events are told once per change of mode.
  let fellBack = false;
  let view: SharedView | undefined;
  let lease = 0;
  let pendingRefund = 0;
  // Redis answered a top-up with less than was asked: the fleet's pool is spent.
  let poolDry = false;
  let probeGranted = false;
  let grantedAtMs = 0;
  // When a call of this process last waited at the shared gate (wall clock, as the syncs).
  let lastWaitAtMs = Number.NEGATIVE_INFINITY;
  let probeOut = false;
  let lastFailure: StorageError | undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let timerAtMs = Number.POSITIVE_INFINITY;
  let inFlight: Promise<void> | undefined;
  let closed = false;

  const emit = (event: RedisBudgetEvent): void => callObserver(() => onEvent?.(event));

  const fallBack = (error: unknown): void => {
    mode = "local";
    probeGranted = false;
    if (!fellBack) {
      fellBack = true;
      emit({ type: "fallback", key, error });
    }
  };

  const applyView = (next: SharedView): void => {
    const wasDown = view?.down === true;
    view = next;
    mode = "shared";
    // A grant from an earlier outage is void.
    if (!next.down) probeGranted = false;
    if (fellBack) {
      fellBack = false;
      emit({ type: "rejoined", key });
    }
    // Another process's probe brought the endpoint back: our own gate must not keep holding.
    if (wasDown && !next.down && local.gate.state !== "up") {
      local.record({ result: "success", nowMs: Date.now(), probe: false });
    }
  };

  /**
   * Runs a script. Past `redisTimeoutMs` the budget works alone at once, but an answer that
   * comes later is still applied (`late`): the script ran, and what it granted is ours.
   * Resolves to "answered", "late" (timed out) or "failed" (Redis refused: the script did not run).
   */
  const call = (
    script: string,
    args: (string | number)[],
    apply: (first: number, late: boolean) => void,
  ): Promise<"answered" | "late" | "failed"> =>
    new Promise((resolve) => {
      let late = false;
      let answered = false;
      const expire = () => {
        if (answered) return;
        late = true;
        fallBack(new Error(`Redis did not answer within ${redisTimeoutMs} ms`));
        resolve("late");
      };
      // A busy event loop runs timers before it reads sockets: an answer that came in time may
      // still be unread when the timer fires, so the verdict waits for one more turn of I/O.
      const deadline = setTimeout(() => afterIo(expire), redisTimeoutMs);
      runScript(redis, script, key, args).then(
        (answer) => {
          answered = true;
          clearTimeout(deadline);
          try {
            const { first, view: next } = readAnswer(answer, Date.now());
            applyView(next);
            apply(first, late);
            resolve("answered");
          } catch (error) {
            fallBack(error);
            resolve("failed");
          }
        },
        (error: unknown) => {
          answered = true;
          clearTimeout(deadline);
          if (!late) fallBack(error);
          resolve("failed");
        },
      );
    });

  const breaker = (op: "trip" | "fail" | "release" | "up"): void => {
    const holdMs = op === "trip" ? settings.outageHoldMs : settings.probeIntervalMs;
    void call(BREAKER_SCRIPT, [op, owner, holdMs, keyTtlMs, settings.openAfterMs], () => kick());
  };

  const claimProbe = async (): Promise<void> => {
    // A grant no call of this process took in time goes back to the fleet.
    if (probeGranted && Date.now() - grantedAtMs > UNUSED_GRANT_MS) {
      probeGranted = false;
      breaker("release");
      return;
    }
    // Only a process with a call at the gate (waiting, or refused by an open one) claims the
    // fleet's one probe.
    if (Date.now() - lastWaitAtMs > UNUSED_GRANT_MS) return;
    if (!view?.down || probeGranted || probeOut || view.probeOwner !== "") return;
    if (view.atMs + view.holdRemainingMs > Date.now()) return;
    const args = ["claim", owner, settings.probeIntervalMs, keyTtlMs, settings.openAfterMs];
    await call(BREAKER_SCRIPT, args, (claimed, late) => {
      if (claimed !== 1) return;
      // A claim answered too late is no use to this process: give the probe back to the fleet.
      if (late) breaker("release");
      else {
        probeGranted = true;
        grantedAtMs = Date.now();
      }
    });
  };

  const settle = async (): Promise<void> => {
    const refund = pendingRefund;
    pendingRefund = 0;
    const want = lease < leaseTokens / 2 ? Math.ceil(leaseTokens - lease) : 0;
    const outcome = await call(
      SYNC_SCRIPT,
      [settings.capacity, refund, want, keyTtlMs],
      (granted) => {
        lease += granted;
        if (want > 0) poolDry = granted < want;
      },
    );
    if (outcome === "failed") pendingRefund += refund;
    if (outcome === "answered") await claimProbe();
  };

  const sync = (): Promise<void> => {
    inFlight ??= settle().finally(() => {
      inFlight = undefined;
      if (!closed) schedule(view?.down ? Math.min(DOWN_POLL_MS, syncIntervalMs) : syncIntervalMs);
    });
    return inFlight;
  };

  function schedule(delayMs: number): void {
    const atMs = Date.now() + delayMs;
    if (timer !== undefined && timerAtMs <= atMs) return;
    if (timer !== undefined) clearTimeout(timer);
    timerAtMs = atMs;
    timer = setTimeout(() => {
      timer = undefined;
      timerAtMs = Number.POSITIVE_INFINITY;
      void sync();
    }, delayMs);
    // The application's Redis connection, not this loop, decides whether the process stays up.
    (timer as { unref?: () => void }).unref?.();
  }

  function kick(): void {
    if (!closed && inFlight === undefined) schedule(0);
  }

  schedule(0);

  return {
    get mode() {
      return mode;
    },
    get available() {
      return mode === "shared" ? (view?.tokens ?? 0) + lease : local.available;
    },
    get gate(): BudgetGate {
      if (mode === "shared" && view?.down) return gateOf(view, Date.now(), settings.openAfterMs);
      return local.gate;
    },
    admit(nowMs): Admission {
      if (mode !== "shared" || !view?.down) return local.admit(nowMs);
      if (probeGranted) {
        probeGranted = false;
        probeOut = true;
        return { verdict: "send", probe: true };
      }
      const gate = gateOf(view, nowMs, settings.openAfterMs);
      // A call refused at an open gate wants the endpoint probed as much as one that waits.
      lastWaitAtMs = Date.now();
      kick();
      if (gate.state === "open") {
        return { verdict: "reject", downForMs: nowMs - gate.downSinceMs, cause: lastFailure };
      }
      // Once the hold is over, poll at the sync pace until a probe is claimed, not every 1 ms.
      const untilHold = gate.state === "holding" ? gate.untilMs - nowMs : DOWN_POLL_MS;
      const waitMs = untilHold > 0 ? Math.min(DOWN_POLL_MS, untilHold) : DOWN_POLL_MS;
      return { verdict: "wait", waitMs };
    },
    reserveSendMs(nowMs, untilMs) {
      return local.reserveSendMs?.(nowMs, untilMs) ?? 0;
    },
    tryAcquire(retry) {
      if (mode !== "shared") return local.tryAcquire(retry);
      const cost = costs[retry];
      if (cost === 0) return true;
      if (lease >= cost) {
        lease -= cost;
        if (lease < leaseTokens / 2) kick();
        return true;
      }
      kick();
      // Refused only on Redis's word that the fleet's pool is dry; while a top-up is on its way
      // (or Redis is slow to answer) the process's own budget decides, so Redis never fails a call.
      return poolDry ? false : local.tryAcquire(retry);
    },
    record(outcome: BudgetOutcome) {
      const before = local.gate.state;
      const sharedProbe = outcome.probe && probeOut;
      if (sharedProbe) probeOut = false;
      local.record(outcome);
      if (mode !== "shared") return;
      switch (outcome.result) {
        case "success":
          pendingRefund += outcome.refund ? costs[outcome.refund] : settings.successRefill;
          if (view?.down) breaker("up");
          return;
        case "failure": {
          const { retry } = outcome.error;
          if (retry !== "transient" && retry !== "throttling") {
            if (view?.down) breaker("up");
            return;
          }
          lastFailure = outcome.error;
          if (sharedProbe) breaker("fail");
          else if (before === "up" && local.gate.state !== "up") breaker("trip");
          return;
        }
        case "cancelled":
          if (sharedProbe) breaker("release");
      }
    },
    sync,
    async close() {
      closed = true;
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
      await inFlight;
      if (mode !== "shared") return;
      const refund = lease + pendingRefund;
      lease = 0;
      pendingRefund = 0;
      await call(SYNC_SCRIPT, [settings.capacity, refund, 0, keyTtlMs], () => undefined);
      if (probeOut || probeGranted) {
        const args = ["release", owner, 0, keyTtlMs, settings.openAfterMs];
        await call(BREAKER_SCRIPT, args, () => undefined);
      }
    },
  };
}
