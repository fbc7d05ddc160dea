import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback HTTP server for the test page: `/` loads `/bundle.js` as a module. */
export interface PageServer {
  /** `http://127.0.0.1:<port>/`: the page's origin differs from the S3 endpoint's (CORS applies). */
  url: string;
  close(): Promise<void>;
}

const PAGE =
  '<!doctype html><meta charset="utf-8"><title>bucketguard</title><script type="module" src="/bundle.js"></script>';

export async function startPageServer(bundle: string): Promise<PageServer> {
  const server = createServer((req, res) => {
    if (req.url === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
    } else if (req.url === "/bundle.js") {
      res.writeHead(200, { "content-type": "text/javascript; charset=utf-8" }).end(bundle);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
