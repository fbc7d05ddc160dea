/**
 * Calls an observer (a hook, telemetry, a logging callback) and swallows what it throws: it is
 * there to watch, and its failures must never change an operation's outcome.
 */
export function callObserver(observe: () => void): void {
  try {
    observe();
  } catch {
    // Ignored on purpose (see above).
  }
}
