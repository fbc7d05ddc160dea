import type {
  OperationRecorder,
  OperationStartEvent,
  RetryTelemetry,
} from "../../src/retry/telemetry.js";

/** A telemetry that writes every call it gets as one line, in order. */
export function createRecordingTelemetry(extra: Partial<OperationRecorder> = {}) {
  const log: string[] = [];
  const starts: OperationStartEvent[] = [];
  const telemetry: RetryTelemetry = {
    startOperation(start) {
      starts.push(start);
      log.push(`start ${start.operation ?? "-"} ${start.provider ?? "-"}`);
      return {
        success: (e) => log.push(`success ${e.attempt}${e.reconciled ? " reconciled" : ""}`),
        retry: (e) => log.push(`retry ${e.attempt} ${e.error.code} ${e.retry} ${e.delayMs}ms`),
        giveUp: (e) => log.push(`give_up ${e.attempt} ${e.error.code} ${e.reason}`),
        ...extra,
      };
    },
  };
  return { telemetry, log, starts };
}
