import { describe, expect, it } from "vitest";
import { gateOf } from "../../src/redis/shared-view.js";

const down = (probeOwner: string) => ({
  down: true,
  downForMs: 0,
  atMs: 0,
  holdRemainingMs: 100,
  probeOwner,
});

describe("the fleet's gate read from Redis", () => {
  it("is open once the endpoint has been down openAfterMs, even while a probe is out", () => {
    const view = down("someone") as Parameters<typeof gateOf>[0];
    expect(gateOf(view, 500, 1000).state).toBe("probing");
    expect(gateOf(view, 1000, 1000).state).toBe("open");
  });
});
