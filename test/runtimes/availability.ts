import { existsSync } from "node:fs";

/** Whether CI is running us (`CI` set to anything but "", "0" or "false"). */
export function isCI(): boolean {
  const value = process.env.CI;
  return value !== undefined && value !== "" && value !== "0" && value !== "false";
}

/**
 * Whether a runtime suite runs: always under CI (where a missing executable fails the suite,
 * saying why), elsewhere only when the executable exists, with one line saying it was left out.
 */
export function shouldRun(suite: string, executable: string, howToGet: string): boolean {
  if (isCI() || existsSync(executable)) return true;
  console.log(`${suite} suite left out: ${executable} not found (${howToGet})`);
  return false;
}
