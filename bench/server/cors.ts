import { request } from "node:http";
import type { FaultRequest } from "./faults.js";

/**
 * The CORS headers the upstream's rules give a request with an Origin header, read from a HEAD of
 * its bucket (s3rver matches rules on Access-Control-Request-Method when present). Injected
 * answers carry them, as a real server's error answers do; none without Origin or a matching rule.
 */
export function lookUpCorsHeaders(
  upstream: URL,
  req: FaultRequest,
): Promise<Record<string, string | string[]>> {
  const origin = req.headers.origin;
  const bucket = req.path.split("/")[1];
  if (typeof origin !== "string" || !bucket) return Promise.resolve({});
  return new Promise((resolve) => {
    const head = request(
      {
        host: upstream.hostname,
        port: upstream.port,
        method: "HEAD",
        path: `/${encodeURIComponent(bucket)}`,
        headers: { origin, "access-control-request-method": req.method },
      },
      (res) => {
        res.resume();
        const found: Record<string, string | string[]> = {};
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined && (name.startsWith("access-control-") || name === "vary"))
            found[name] = value;
        }
        resolve(found);
      },
    );
    head.on("error", () => resolve({}));
    head.end();
  });
}
