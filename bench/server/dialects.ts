/** Wire dialect the proxy's injected errors are written in. */
export type Dialect = "aws" | "r2" | "supabase-s3" | "ibm" | "yandex";

/** Every dialect, for CLI validation. */
export const DIALECTS: readonly Dialect[] = ["aws", "r2", "supabase-s3", "ibm", "yandex"];

/** Provider-neutral name of an injected error; each dialect spells it its own way. */
export type ErrorName =
  | "internal"
  | "slow-down"
  | "unavailable"
  | "too-many-requests"
  | "precondition"
  | "unauthorized"
  | "clock-skew";

/** A response the proxy writes itself. */
export interface RenderedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** What is known about the request an error answers. */
export interface ErrorRequest {
  /** Path without query, `/bucket/key`. */
  path: string;
  /** Sequence number, used to derive a stable request id. */
  n: number;
  /** Extra XML elements in order (RequestTime, ServerTime, ...). */
  fields?: Record<string, string>;
}

type Spec = readonly [status: number, code: string, message: string];

const AWS: Record<ErrorName, Spec> = {
  internal: [500, "InternalError", "We encountered an internal error. Please try again."],
  "slow-down": [503, "SlowDown", "Please reduce your request rate."],
  unavailable: [503, "ServiceUnavailable", "Reduce your request rate."],
  "too-many-requests": [429, "TooManyRequests", "Too many requests, please slow down."],
  precondition: [
    412,
    "PreconditionFailed",
    "At least one of the pre-conditions you specified did not hold",
  ],
  unauthorized: [
    403,
    "InvalidAccessKeyId",
    "The AWS Access Key Id you provided does not exist in our records.",
  ],
  "clock-skew": [
    403,
    "RequestTimeTooSkewed",
    "The difference between the request time and the current time is too large.",
  ],
};

const OVERRIDES: Record<Dialect, Partial<Record<ErrorName, Spec>>> = {
  aws: {},
  ibm: {},
  r2: {
    "slow-down": [
      429,
      "TooManyRequests",
      "Reduce your concurrent request rate for the same object.",
    ],
    unavailable: [
      503,
      "ServiceUnavailable",
      "Please look at https://www.cloudflarestatus.com for issues.",
    ],
    unauthorized: [401, "Unauthorized", "Unauthorized"],
  },
  "supabase-s3": {
    "slow-down": [429, "SlowDown", "Rate limit exceeded, retry in 1 seconds"],
    "too-many-requests": [429, "SlowDown", "Rate limit exceeded, retry in 1 seconds"],
    internal: [500, "InternalError", "Internal Server Error"],
  },
  yandex: {
    precondition: [
      412,
      "Precondition Failed",
      "At least one of the preconditions you specified did not hold.",
    ],
  },
};

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function requestIdFor(n: number): string {
  return (0x5eed0000 + n).toString(16).toUpperCase().padStart(16, "0");
}

/** Writes `name` as `dialect` would send it: status, headers and XML `<Error>` body. */
export function renderError(
  dialect: Dialect,
  name: ErrorName,
  req: ErrorRequest,
): RenderedResponse {
  const [status, code, message] = OVERRIDES[dialect][name] ?? AWS[name];
  const requestId = requestIdFor(req.n);
  const resource = req.path.replace(/^\//, "");
  const headers: Record<string, string> = { "content-type": "application/xml" };
  const elements: [string, string][] = [
    ["Code", code],
    ["Message", message],
  ];
  if (dialect === "supabase-s3") elements.unshift(["Resource", resource]);
  if (dialect === "yandex" || dialect === "ibm") elements.push(["Resource", req.path]);
  for (const [tag, value] of Object.entries(req.fields ?? {})) elements.push([tag, value]);
  if (dialect === "aws") {
    elements.push(["RequestId", requestId], ["HostId", `host-${requestId}`]);
    headers["x-amz-request-id"] = requestId;
    headers["x-amz-id-2"] = `host-${requestId}`;
  } else if (dialect === "ibm") {
    elements.push(["RequestId", requestId], ["httpStatusCode", String(status)]);
    headers["x-clv-request-id"] = requestId;
  } else if (dialect === "yandex") {
    elements.push(["RequestId", requestId]);
    headers["x-amz-request-id"] = requestId;
  } else if (dialect === "r2") {
    headers["cf-ray"] = `${requestId.slice(-12).toLowerCase()}-SJC`;
  }
  const inner = elements.map(([tag, value]) => `<${tag}>${escapeXml(value)}</${tag}>`).join("");
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${inner}</Error>`;
  return { status, headers, body };
}
