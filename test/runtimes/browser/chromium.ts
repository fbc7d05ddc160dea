import { type Browser, type BrowserServer, chromium } from "playwright-core";
import { stopProcess } from "../../../scripts/shared/stop-process.js";

/** Debian's `chromium` package (`.ci/system-packages.sh` installs it); never a downloaded browser. */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** A headless Chromium, stopped by `stop()` (by PID if it will not close). */
export interface RunningChromium {
  browser: Browser;
  version: string;
  stop(): Promise<void>;
}

export async function startChromium(): Promise<RunningChromium> {
  let server: BrowserServer;
  try {
    server = await chromium.launchServer({
      executablePath: CHROMIUM_PATH,
      headless: true,
      timeout: 30_000,
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new Error(
      `Chromium could not start from ${CHROMIUM_PATH} (install Debian's chromium package, as .ci/system-packages.sh does): ${reason}`,
    );
  }
  const pid = server.process().pid;
  const stop = async () => {
    await server.close().catch(() => undefined);
    if (pid !== undefined) await stopProcess(pid, 0);
  };
  try {
    const browser = await chromium.connect(server.wsEndpoint());
    return { browser, version: browser.version(), stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
