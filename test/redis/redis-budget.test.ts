import { Redis } from "ioredis";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import {
  type RedisServer,
  redisServerMissing,
  startRedisServer,
} from "../../bench/shared/redis-server.js";
import { createRetryBudget, type RetryBudget, withRetry } from "../../src/index.js";
import {
  createRedisBudget,
  type RedisBudget,
  type RedisBudgetEvent,
} from "../../src/redis/index.js";
import type { RedisLike } from "../../src/redis/redis-like.js";
import { failure } from "../retry/helpers.js";

const missing = redisServerMissing();
if (missing && process.env.CI) throw new Error(`Redis suite cannot run in CI: ${missing}`);
if (missing) console.log(`bucketguard: Redis suite left out: ${missing}`);

const unavailable = () => failure("transient");
const notFound = () => failure("never");

/** Counts the scripts each budget runs (and its probe claims), to show what costs a round trip. */
function counting(redis: Redis): RedisLike & { calls: number; claims: number } {
  const counter = {
    calls: 0,
    claims: 0,
    eval(script: string, numKeys: number, ...args: (string | number)[]) {
      counter.calls++;
      if (args[numKeys] === "claim") counter.claims++;
      return redis.eval(script, numKeys, ...args);
    },
  };
  return counter;
}

describe.runIf(!missing)("createRedisBudget against a real redis-server", () => {
  let server: RedisServer;
  const clients: Redis[] = [];
  const budgets: RedisBudget[] = [];
  let keySeq = 0;

  const client = () => {
    const redis = new Redis(server.url, { lazyConnect: false });
    redis.on("error", () => undefined);
    clients.push(redis);
    return redis;
  };
  const budget = (options: Partial<Parameters<typeof createRedisBudget>[0]> & { key: string }) => {
    const b = createRedisBudget({
      redis: client(),
      syncIntervalMs: 20,
      outageHoldMs: 100,
      probeIntervalMs: 150,
      openAfterMs: 800,
      rateLimiter: false,
      ...options,
    });
    budgets.push(b);
    return b;
  };
  const shared = async (...bs: RedisBudget[]) => {
    await vi.waitFor(() => {
      for (const b of bs) expect(b.mode).toBe("shared");
    });
  };
  const trip = (b: RedisBudget, n = 5) => {
    for (let i = 0; i < n; i++) {
      b.record({ result: "failure", nowMs: Date.now(), probe: false, error: unavailable() });
    }
  };

  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterEach(async () => {
    await Promise.all(budgets.splice(0).map((b) => b.close()));
    for (const c of clients.splice(0)) c.disconnect();
  });
  afterAll(async () => {
    await server?.stop();
  });

  it("leases tokens from one pool shared by every process with the key", async () => {
    const key = `bg:test:${++keySeq}`;
    const a = budget({ key, capacity: 100, leaseTokens: 40 });
    const b = budget({ key, capacity: 100, leaseTokens: 40 });
    await shared(a, b);
    await vi.waitFor(async () => {
      const tokens = Number(await clients[0]!.hget(key, "tokens"));
      expect(tokens).toBe(20);
    });
    // Each holds a 40-token lease: two transient retries (14 each) without a round trip.
    expect(a.tryAcquire("transient")).toBe(true);
    expect(a.tryAcquire("transient")).toBe(true);
    expect(await clients[0]!.pttl(key)).toBeGreaterThan(0);
  });

  it("costs no round trip on a successful call", async () => {
    const key = `bg:test:${++keySeq}`;
    const redis = counting(client());
    const b = createRedisBudget({ redis, key, syncIntervalMs: 60_000 });
    budgets.push(b);
    await vi.waitFor(() => expect(b.mode).toBe("shared"));
    const before = redis.calls;
    for (let i = 0; i < 1000; i++) {
      expect(b.admit(Date.now())).toEqual({ verdict: "send", probe: false });
      b.record({ result: "success", nowMs: Date.now(), probe: false });
    }
    await new Promise((r) => setTimeout(r, 20));
    expect(redis.calls).toBe(before);
    expect(Number(await clients[0]!.hget(key, "tokens"))).toBe(500 - 56);
    // The refunds reach the shared pool at the next settlement (up to its capacity).
    await b.sync();
    expect(redis.calls).toBe(before + 1);
    expect(Number(await clients[0]!.hget(key, "tokens"))).toBe(500);
  });

  it("stops every process once one sees the endpoint down, and lets one probe out per fleet", async () => {
    const key = `bg:test:${++keySeq}`;
    const a = budget({ key });
    const b = budget({ key });
    const c = budget({ key });
    await shared(a, b, c);
    trip(a);
    expect(a.gate.state).not.toBe("up");
    // The others learn it within a sync interval and hold, sending nothing.
    await vi.waitFor(() => {
      expect(b.admit(Date.now()).verdict).toBe("wait");
      expect(c.admit(Date.now()).verdict).toBe("wait");
    });
    // After the hold, exactly one process gets the probe.
    const probes: string[] = [];
    await vi.waitFor(
      () => {
        for (const [name, x] of [
          ["a", a],
          ["b", b],
          ["c", c],
        ] as const) {
          const verdict = x.admit(Date.now());
          if (verdict.verdict === "send") {
            expect(verdict.probe).toBe(true);
            probes.push(name);
          }
        }
        expect(probes.length).toBeGreaterThan(0);
      },
      { timeout: 2000, interval: 5 },
    );
    expect(probes).toHaveLength(1);
    const prober = { a, b, c }[probes[0] as "a" | "b" | "c"];
    // Its success brings the whole fleet back at once.
    prober.record({ result: "success", nowMs: Date.now(), probe: true });
    await vi.waitFor(() => {
      for (const x of [a, b, c])
        expect(x.admit(Date.now())).toEqual({ verdict: "send", probe: false });
    });
  });

  it("gives the probe to a process with a call waiting, not to idle ones", async () => {
    const key = `bg:test:${++keySeq}`;
    const tripper = budget({ key });
    const idleClients = [0, 1, 2, 3].map(() => counting(client()));
    const idle = idleClients.map((redis) => budget({ key, redis }));
    const busy = budget({ key });
    await shared(tripper, busy, ...idle);
    trip(tripper);
    await vi.waitFor(() => expect(busy.admit(Date.now()).verdict).toBe("wait"));
    const verdicts: string[] = [];
    await vi.waitFor(
      () => {
        const verdict = busy.admit(Date.now());
        verdicts.push(verdict.verdict === "send" ? `send probe=${verdict.probe}` : verdict.verdict);
        expect(verdict.verdict).not.toBe("wait");
      },
      { timeout: 3000, interval: 5 },
    );
    // The waiting process probes within the hold and a few syncs, long before openAfterMs
    // (800 ms) would reject it; the idle ones never claimed the probe.
    expect(verdicts.at(-1)).toBe("send probe=true");
    for (const redis of idleClients) expect(redis.claims).toBe(0);
  });

  it("fails new calls at once, with the last failure as cause, once the fleet's endpoint has been down openAfterMs", async () => {
    const key = `bg:test:${++keySeq}`;
    const a = budget({ key, openAfterMs: 300 });
    const b = budget({ key, openAfterMs: 300 });
    await shared(a, b);
    trip(a);
    // Probes keep failing: whoever gets one reports the failure.
    await vi.waitFor(
      () => {
        for (const x of [a, b]) {
          const verdict = x.admit(Date.now());
          if (verdict.verdict === "send") {
            x.record({ result: "failure", nowMs: Date.now(), probe: true, error: unavailable() });
          }
        }
        const verdict = b.admit(Date.now());
        expect(verdict.verdict).toBe("reject");
      },
      { timeout: 3000, interval: 10 },
    );
    expect(b.gate.state === "open" || b.gate.state === "probing").toBe(true);
  });

  it("keeps probing once open, and recovers when a probe succeeds", async () => {
    const key = `bg:test:${++keySeq}`;
    const a = budget({ key, openAfterMs: 300 });
    const b = budget({ key, openAfterMs: 300 });
    await shared(a, b);
    trip(a);
    await vi.waitFor(() => {
      for (const x of [a, b]) expect(x.gate.state).not.toBe("up");
    });
    const startedAt = Date.now();
    let probesWhileOpen = 0;
    let recovered = false;
    // One call every 10 ms from each process: probes fail for 1.2 s (the gate opens at 0.3 s),
    // then the endpoint is back and the next probe says so.
    await vi.waitFor(
      () => {
        for (const x of [a, b]) {
          const verdict = x.admit(Date.now());
          if (verdict.verdict !== "send") continue;
          if (!verdict.probe) {
            recovered = true;
            continue;
          }
          const open = Date.now() - startedAt > 400;
          if (open) probesWhileOpen++;
          const up = Date.now() - startedAt > 1_200;
          x.record(
            up
              ? { result: "success", nowMs: Date.now(), probe: true }
              : { result: "failure", nowMs: Date.now(), probe: true, error: unavailable() },
          );
        }
        expect(recovered).toBe(true);
      },
      { timeout: 4_000, interval: 10 },
    );
    // probeIntervalMs is 150 ms: several probes while open, not one.
    expect(probesWhileOpen).toBeGreaterThanOrEqual(3);
  });

  it("treats any answer that is not an outage (a 404) as the endpoint being up", async () => {
    const key = `bg:test:${++keySeq}`;
    const a = budget({ key });
    const b = budget({ key });
    await shared(a, b);
    trip(a);
    await vi.waitFor(() => expect(b.gate.state).not.toBe("up"));
    b.record({ result: "failure", nowMs: Date.now(), probe: false, error: notFound() });
    await vi.waitFor(() => expect(a.admit(Date.now())).toEqual({ verdict: "send", probe: false }));
  });

  it("sends a fraction of what separate budgets send while a fleet's endpoint stays down", async () => {
    // Four processes' budgets, eight workers each, looping calls against a dead endpoint for
    // 2.4 s; requests are counted after the first 0.8 s, once every breaker has opened.
    const dead = async (budgets: RetryBudget[]) => {
      let late = 0;
      const startedAt = Date.now();
      const endAt = startedAt + 2400;
      const workers = budgets.flatMap((b) =>
        Array.from({ length: 8 }, async () => {
          while (Date.now() < endAt) {
            await withRetry(
              async () => {
                if (Date.now() - startedAt >= 800) late++;
                throw unavailable();
              },
              {
                budget: b,
                maxAttempts: 3,
                policy: { classes: { transient: { baseDelayMs: 5, maxDelayMs: 20 } } },
              },
            ).catch(() => undefined);
            await new Promise((r) => setTimeout(r, 10));
          }
        }),
      );
      await Promise.all(workers);
      return late;
    };
    const options = {
      outageHoldMs: 100,
      probeIntervalMs: 150,
      openAfterMs: 800,
      rateLimiter: false,
    } as const;
    const separate = await dead([1, 2, 3, 4].map(() => createRetryBudget(options)));
    const key = `bg:test:${++keySeq}`;
    const fleet = [budget({ key }), budget({ key }), budget({ key }), budget({ key })];
    await shared(...fleet);
    const together = await dead(fleet);
    // Separate breakers each probe once per interval (about 4 x 1600 / 150); the fleet's one
    // breaker lets one probe out per interval for all four.
    expect(separate).toBeGreaterThan(20);
    expect(together * 2).toBeLessThan(separate);
  });

  it("never fails a call when Redis dies, falls back at once, and rejoins when it returns", async () => {
    const key = `bg:test:${++keySeq}`;
    const events: RedisBudgetEvent[] = [];
    const b = budget({ key, onEvent: (e) => events.push(e), redisTimeoutMs: 50 });
    await shared(b);
    let failures = 0;
    const run = async (n: number) => {
      for (let i = 0; i < n; i++) {
        await withRetry(
          async (ctx) => {
            if (ctx.attempt === 1 && i % 5 === 0) throw unavailable();
            return "ok";
          },
          { budget: b, policy: { classes: { transient: { baseDelayMs: 1, maxDelayMs: 2 } } } },
        ).catch(() => {
          failures++;
        });
      }
    };
    await run(20);
    // A sync slower than redisTimeoutMs on a loaded machine may fall back (and rejoin) before the
    // kill: the test reads what happens from the kill on.
    await server.kill();
    const atKill = events.length;
    await run(50);
    await vi.waitFor(() => expect(b.mode).toBe("local"));
    await run(50);
    expect(failures).toBe(0);
    expect(events.at(-1)?.type).toBe("fallback");
    expect(events.slice(atKill).filter((e) => e.type === "rejoined")).toHaveLength(0);
    await server.restart();
    await vi.waitFor(() => expect(b.mode).toBe("shared"), { timeout: 5000 });
    await run(20);
    expect(failures).toBe(0);
    expect(events.at(-1)?.type).toBe("rejoined");
  });

  it("works alone until Redis first answers", async () => {
    const events: RedisBudgetEvent[] = [];
    const dead: RedisLike = { eval: () => Promise.reject(new Error("connection refused")) };
    const b = createRedisBudget({ redis: dead, key: "bg:none", onEvent: (e) => events.push(e) });
    budgets.push(b);
    expect(b.mode).toBe("local");
    expect(b.tryAcquire("transient")).toBe(true);
    expect(b.admit(Date.now())).toEqual({ verdict: "send", probe: false });
    await b.sync();
    expect(b.mode).toBe("local");
    expect(events).toHaveLength(1);
  });
});

describe("createRedisBudget options", () => {
  const redis: RedisLike = { eval: () => Promise.resolve([0, "0", 0, 0, 0, ""]) };
  it.each([
    [{ redis, key: "" }, /key/],
    [{ redis: {}, key: "k" }, /redis/],
    [{ redis, key: "k", leaseTokens: 0 }, /leaseTokens/],
    [{ redis, key: "k", syncIntervalMs: Number.NaN }, /syncIntervalMs/],
    [{ redis, key: "k", redisTimeoutMs: -1 }, /redisTimeoutMs/],
    [{ redis, key: "k", capacity: -1 }, /capacity/],
  ])("rejects %o at construction", (options, message) => {
    expect(() => createRedisBudget(options as Parameters<typeof createRedisBudget>[0])).toThrow(
      message,
    );
  });
});
