/** One signal that aborts when any of the given ones does (the only one, when one is given). */
export function joinSignals(first: AbortSignal, ...rest: (AbortSignal | undefined)[]): AbortSignal;
export function joinSignals(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined;
export function joinSignals(...signals: (AbortSignal | undefined)[]): AbortSignal | undefined {
  const given = signals.filter((signal): signal is AbortSignal => signal !== undefined);
  return given.length > 1 ? AbortSignal.any(given) : given[0];
}
