// Core entry: no Node built-ins, runs in Node, Workers and browsers.

// Request and response bodies
export type { FetchBody, RequestBody } from "./body/prepare-replay-body.js";
export { prepareReplayBody } from "./body/prepare-replay-body.js";
export { MAX_ERROR_BODY_BYTES, readErrorBody } from "./body/read-error-body.js";
export type { ReplayBody } from "./body/replay-body.js";
export { DEFAULT_MAX_REPLAY_BYTES, oneShotBody, reusableBody } from "./body/replay-body.js";
// The error model
export type { NormalizeContext, ResponseLike } from "./errors/context.js";
export type {
  AttemptRecord,
  GaveUpReason,
  KindDetails,
  MissingResource,
  Provider,
  RetryClass,
  StorageErrorKind,
} from "./errors/kinds.js";
export { PROVIDERS, RETRY_CLASSES, STORAGE_ERROR_KINDS } from "./errors/kinds.js";
export { normalize } from "./errors/normalize.js";
export { normalizeResponse } from "./errors/normalize-response.js";
export type {
  KindDetailsInit,
  StorageErrorBase,
  StorageErrorConstructor,
  StorageErrorInit,
  StorageErrorInitBase,
  StorageErrorJSON,
  StorageErrorOf,
  StorageErrorOfKinds,
} from "./errors/storage-error.js";
export { isStorageError, StorageError } from "./errors/storage-error.js";
export type {
  Admission,
  BudgetGate,
  BudgetGateState,
  BudgetOutcome,
  BudgetSettings,
  DecideInput,
  Decision,
  DelayInput,
  ManualClock,
  RateLimiter,
  RateLimiterOptions,
  RetryBudgetOptions,
} from "./retry/index.js";
export {
  computeDelayMs,
  createManualClock,
  createRateLimiter,
  createRetryBudget,
  DEFAULT_POLICY,
  decide,
  resolveBudgetOptions,
  resolvePolicy,
  systemClock,
  withRetry,
} from "./retry/index.js";
// Telemetry
export type {
  OperationRecorder,
  OperationStartEvent,
  RetryTelemetry,
  SuccessEvent,
} from "./retry/telemetry.js";
// Retrying
export type {
  AttemptContext,
  ClassPolicy,
  Clock,
  GiveUpEvent,
  Idempotency,
  JitterMode,
  OperationDescriptor,
  Reconciled,
  RetryBudget,
  RetryEvent,
  RetryOptions,
  RetryPolicy,
  RetryPolicyOverrides,
  RetrySettings,
} from "./retry/types.js";
export { DIAGNOSTICS_CHANNELS } from "./telemetry/diagnostics-channels.js";
