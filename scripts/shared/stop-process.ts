import { setTimeout as sleep } from "node:timers/promises";

/** Whether a process with this PID still exists. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Stops a process by PID: SIGTERM, up to `graceMs` for it to exit, then SIGKILL. With a grace of
 * 0 it is killed at once. Bounded: returns after at most `graceMs` plus one poll.
 */
export async function stopProcess(pid: number, graceMs: number): Promise<void> {
  if (!isAlive(pid)) return;
  if (graceMs > 0) {
    process.kill(pid, "SIGTERM");
    const until = Date.now() + graceMs;
    while (isAlive(pid) && Date.now() < until) await sleep(100);
  }
  if (isAlive(pid)) process.kill(pid, "SIGKILL");
}
