import type { Clock, StorageError } from "../../index.js";
import { stallError } from "../shared/stall-limit.js";

const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);

/**
 * A copy of `response` whose body fails with a `timeout` (and aborts the request through
 * `abort`) when a read waits `ms` for bytes. Time the reader spends not reading does not count.
 */
export function guardBody(
  response: Response,
  ms: number,
  clock: Clock,
  abort: (reason: StorageError) => void,
  operation: string,
): Response {
  const source = response.body;
  if (source === null || !Number.isFinite(ms) || NULL_BODY_STATUSES.has(response.status)) {
    return response;
  }
  const reader = source.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let stalled: StorageError | undefined;
      const cancel = clock.setTimer(() => {
        stalled = stallError("body", ms, operation);
        abort(stalled);
        reader.cancel(stalled).catch(() => undefined);
      }, ms);
      try {
        const { done, value } = await reader.read();
        if (stalled) controller.error(stalled);
        else if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        controller.error(stalled ?? error);
      } finally {
        cancel();
      }
    },
    cancel: (reason) => reader.cancel(reason),
  });
  const guarded = new Response(body, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
  // `url` and `redirected` are read-only getters a Response built by hand leaves empty.
  Object.defineProperties(guarded, {
    url: { value: response.url },
    redirected: { value: response.redirected },
  });
  return guarded;
}
