import { createServer, type IncomingMessage, request, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { formatAmzDate, parseAmzDate } from "./amz-date.js";
import { lookUpCorsHeaders } from "./cors.js";
import { type Dialect, type ErrorName, renderError } from "./dialects.js";
import { createFaultChooser } from "./fault-chooser.js";
import { createFaultStats, type FaultStats } from "./fault-stats.js";
import type { Fault, FaultPlan, FaultRequest } from "./faults.js";

/** Options of `startFaultProxy`. */
export interface FaultProxyOptions {
  /** The server requests are forwarded to, `http://127.0.0.1:<port>`. */
  upstream: string;
  /** Dialect of injected errors. Default `aws`. */
  dialect?: Dialect;
  /** Initial plan. Default none (pass everything through). */
  faults?: FaultPlan;
  /** Clock for outage windows, capacity and skew, in ms since the epoch. Default `Date.now`. */
  nowMs?: () => number;
}

/** A running fault-injecting proxy. */
export interface FaultProxy {
  endpoint: string;
  stats: FaultStats;
  /** Replaces the plan; outage windows count from this call. */
  setFaults(plan: FaultPlan): void;
  /** Client connections open now (a cancelled request's connection is closed by its client). */
  openConnections(): number;
  close(): Promise<void>;
}

const MAX_SKEW_MS = 15 * 60_000;

/** Starts an HTTP proxy on 127.0.0.1 (free port) that injects faults in front of `upstream`. */
export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const upstream = new URL(options.upstream);
  const dialect = options.dialect ?? "aws";
  const nowMs = options.nowMs ?? Date.now;
  const { stats, recordRequest, recordOutcome } = createFaultStats();
  let plan: FaultPlan = options.faults ?? {};
  let choose = createFaultChooser(plan, nowMs);
  let sequence = 0;

  const forward = (req: FaultRequest, body: Buffer): Promise<IncomingMessage> =>
    new Promise((resolve, reject) => {
      const headers: Record<string, string | string[] | undefined> = {
        ...req.headers,
        "content-length": String(body.length),
      };
      delete headers["transfer-encoding"];
      const url = req.query ? `${req.path}?${req.query}` : req.path;
      const out = request(
        { host: upstream.hostname, port: upstream.port, method: req.method, path: url, headers },
        resolve,
      );
      out.on("error", reject);
      out.end(body);
    });

  const sendError = async (
    res: ServerResponse,
    req: FaultRequest,
    name: ErrorName,
    extra: Fault,
  ) => {
    const rendered = renderError(dialect, name, { path: req.path, n: req.n });
    if (extra.type === "error" && extra.retryAfterS !== undefined) {
      rendered.headers["retry-after"] = String(extra.retryAfterS);
    }
    const cors = await lookUpCorsHeaders(upstream, req);
    res.writeHead(rendered.status, { ...rendered.headers, ...cors, date: serverDate() });
    res.end(rendered.body);
  };

  const serverDate = (offsetMs = plan.serverClockSkewMs ?? 0) =>
    new Date(nowMs() + offsetMs).toUTCString();

  const handle = async (incoming: IncomingMessage, res: ServerResponse, body: Buffer) => {
    const [path = "/", query = ""] = (incoming.url ?? "/").split("?", 2);
    const req: FaultRequest = {
      method: incoming.method ?? "GET",
      path: decodeURIComponent(path),
      query,
      headers: incoming.headers,
      n: ++sequence,
    };
    recordRequest(req.method, req.path);
    const skewedNow = nowMs() + (plan.serverClockSkewMs ?? 0);
    const signedAt = parseAmzDate(headerOf(req, "x-amz-date"));
    let choice = choose(req);
    if (!choice && plan.serverClockSkewMs && signedAt !== undefined) {
      if (Math.abs(signedAt - skewedNow) > MAX_SKEW_MS) {
        choice = {
          fault: { type: "clock-skew", skewMs: plan.serverClockSkewMs },
          label: "clock-skew",
        };
      }
    }
    if (!choice && (plan.enforceIfNoneMatch ?? true) && isCreateOnlyPut(req)) {
      const head = await forward(
        { ...req, method: "HEAD", query: "", headers: {} },
        Buffer.alloc(0),
      );
      head.resume();
      if (head.statusCode === 200)
        choice = { fault: { type: "error", error: "precondition" }, label: "if-none-match" };
    }
    recordOutcome(choice?.label);
    const fault = choice?.fault;
    if (!fault) return pipeThrough(await forward(req, body), res, serverDate());
    switch (fault.type) {
      case "reset":
        incoming.socket.destroy();
        return;
      case "error":
        return sendError(res, req, fault.error, fault);
      case "delay":
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
        return pipeThrough(await forward(req, body), res, serverDate());
      case "truncate":
        return truncate(await forward(req, body), res, fault.keepFraction ?? 0.5);
      case "lost-answer": {
        const upstreamAnswer = await forward(req, body);
        upstreamAnswer.resume();
        await new Promise((resolve) => upstreamAnswer.once("end", resolve));
        incoming.socket.destroy();
        return;
      }
      case "stall":
        if (fault.headers === false) return;
        return stall(await forward(req, body), res, fault.keepFraction ?? 0.5);
      case "complete-200-error": {
        const rendered = renderError(dialect, "internal", { path: req.path, n: req.n });
        res.writeHead(200, { ...rendered.headers, date: serverDate() });
        res.end(rendered.body);
        return;
      }
      case "clock-skew": {
        const skewMs = fault.skewMs ?? 20 * 60_000;
        const serverNow = nowMs() + skewMs;
        const rendered = renderError(dialect, "clock-skew", {
          path: req.path,
          n: req.n,
          fields: {
            RequestTime: formatAmzDate(signedAt ?? nowMs()),
            ServerTime: new Date(serverNow).toISOString().replace(/\.\d{3}Z$/, "Z"),
            MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS),
          },
        });
        res.writeHead(rendered.status, {
          ...rendered.headers,
          date: new Date(serverNow).toUTCString(),
        });
        res.end(rendered.body);
        return;
      }
    }
  };

  const server = createServer((incoming, res) => {
    const chunks: Buffer[] = [];
    incoming.on("data", (chunk: Buffer) => chunks.push(chunk));
    incoming.on("end", () => {
      handle(incoming, res, Buffer.concat(chunks)).catch(() => {
        if (!res.headersSent) res.writeHead(502).end();
        else res.destroy();
      });
    });
  });
  let connections = 0;
  server.on("connection", (socket) => {
    connections += 1;
    socket.once("close", () => {
      connections -= 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    endpoint: `http://127.0.0.1:${port}`,
    stats,
    setFaults(next) {
      plan = next;
      choose = createFaultChooser(next, nowMs);
    },
    openConnections: () => connections,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function headerOf(req: FaultRequest, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

function isCreateOnlyPut(req: FaultRequest): boolean {
  return (
    req.method === "PUT" && headerOf(req, "if-none-match") === "*" && !/partNumber=/.test(req.query)
  );
}

function pipeThrough(upstream: IncomingMessage, res: ServerResponse, date: string): void {
  res.writeHead(upstream.statusCode ?? 502, { ...upstream.headers, date });
  upstream.pipe(res);
}

async function sendPart(upstream: IncomingMessage, res: ServerResponse, keepFraction: number) {
  const chunks: Buffer[] = [];
  for await (const chunk of upstream) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  res.writeHead(upstream.statusCode ?? 502, {
    ...upstream.headers,
    "content-length": String(body.length),
  });
  return new Promise<void>((resolve) => {
    res.write(body.subarray(0, Math.floor(body.length * keepFraction)), () => resolve());
  });
}

async function truncate(upstream: IncomingMessage, res: ServerResponse, keepFraction: number) {
  await sendPart(upstream, res, keepFraction);
  res.destroy();
}

// The rest never comes; the socket is closed by the client, or by close().
async function stall(upstream: IncomingMessage, res: ServerResponse, keepFraction: number) {
  await sendPart(upstream, res, keepFraction);
}
