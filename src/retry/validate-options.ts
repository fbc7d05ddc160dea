// Checks of option values, in one voice: each names the option and the value it got.

function show(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (typeof value === "function") return "a function";
  if (value === null || typeof value !== "object") return String(value);
  return Array.isArray(value) ? "an array" : "an object";
}

function expectNumber(name: string, value: unknown): asserts value is number {
  if (typeof value !== "number") {
    throw new TypeError(`Expected \`${name}\` to be a number, got ${show(value)}.`);
  }
}

/** A whole count of at least `min` (default 1): attempts, thresholds. Undefined passes. */
export function checkCount(name: string, value: unknown, min = 1): void {
  if (value === undefined) return;
  expectNumber(name, value);
  if (!Number.isInteger(value) || value < min) {
    throw new RangeError(`Expected \`${name}\` to be an integer >= ${min}, got ${show(value)}.`);
  }
}

/** A finite duration in milliseconds, at least `min` (default 0). Undefined passes. */
export function checkDuration(name: string, value: unknown, min = 0): void {
  if (value === undefined) return;
  expectNumber(name, value);
  if (!Number.isFinite(value) || value < min) {
    throw new RangeError(
      `Expected \`${name}\` to be a finite duration >= ${min} ms, got ${show(value)}.`,
    );
  }
}

/** A finite number of at least `min` (and at most `max`, when given). Undefined passes. */
export function checkNumber(name: string, value: unknown, min: number, max = Infinity): void {
  if (value === undefined) return;
  expectNumber(name, value);
  if (!Number.isFinite(value) || value < min || value > max) {
    const range = max === Infinity ? `>= ${min}` : `between ${min} and ${max}`;
    throw new RangeError(
      `Expected \`${name}\` to be a finite number ${range}, got ${show(value)}.`,
    );
  }
}

/** A function, when given. */
export function checkFunction(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== "function") {
    throw new TypeError(`Expected \`${name}\` to be a function, got ${show(value)}.`);
  }
}

/** A boolean, when given. */
export function checkBoolean(name: string, value: unknown): void {
  if (value !== undefined && typeof value !== "boolean") {
    throw new TypeError(`Expected \`${name}\` to be a boolean, got ${show(value)}.`);
  }
}

/** One of `allowed`, when given. */
export function checkOneOf(name: string, value: unknown, allowed: readonly string[]): void {
  if (value !== undefined && !allowed.includes(value as string)) {
    const list = allowed.map((a) => `"${a}"`).join(", ");
    throw new TypeError(`Expected \`${name}\` to be one of ${list}, got ${show(value)}.`);
  }
}

/** A plain object (not null, not an array), when given. */
export function checkObject(name: string, value: unknown): void {
  if (
    value !== undefined &&
    (value === null || typeof value !== "object" || Array.isArray(value))
  ) {
    throw new TypeError(`Expected \`${name}\` to be an object, got ${show(value)}.`);
  }
}
