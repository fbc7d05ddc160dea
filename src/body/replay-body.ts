/**
 * A request body made ready to be sent once per attempt. Every adapter prepares its bodies into
 * one: `prepareReplayBody` (fetch bodies), the AWS SDK plugin (SDK bodies and Node streams), the
 * R2 adapter (binding values).
 */
export interface ReplayBody<B> {
  /** Whether every attempt gets the whole body (false: only the first can be sent). */
  readonly replayable: boolean;
  /** Size in bytes when known (the file's size for FormData uploads). */
  readonly sizeBytes: number | undefined;
  /** The body to send on `attempt` (1-based). */
  forAttempt(attempt: number): B;
}

/**
 * Default largest streamed request body buffered so it can be sent again, in bytes: 8 MiB, above
 * the AWS SDK's 5 MiB default multipart part. A longer stream is sent once, whole, and not
 * retried. The R2 adapter keeps 1 MiB (see its `DEFAULT_MAX_REPLAY_BYTES`).
 */
export const DEFAULT_MAX_REPLAY_BYTES = 8 * 1024 * 1024;

/** A body every attempt sends as it is. */
export function reusableBody<B>(body: B, sizeBytes: number | undefined): ReplayBody<B> {
  return { replayable: true, sizeBytes, forAttempt: () => body };
}

/** A body only one attempt can send (a stream too long to buffer); a second send throws. */
export function oneShotBody<B>(body: B, sizeBytes: number | undefined): ReplayBody<B> {
  let sent = false;
  return {
    replayable: false,
    sizeBytes,
    forAttempt() {
      if (sent) throw new TypeError("bucketguard: a streamed request body cannot be sent twice");
      sent = true;
      return body;
    },
  };
}
