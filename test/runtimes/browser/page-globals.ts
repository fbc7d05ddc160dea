import type * as scenarios from "../scenarios.js";

/** What the test page's bundle puts on globalThis, for page.evaluate. */
export interface PageGlobals {
  scenarios: typeof scenarios;
  inflight?: ReturnType<typeof scenarios.startAbortableGet>;
}
