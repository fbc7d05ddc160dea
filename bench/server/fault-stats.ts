/** Request counts of a fault proxy; live, read them any time. */
export interface FaultStats {
  /** Requests received. */
  total: number;
  /** Requests forwarded untouched. */
  passed: number;
  byMethod: Record<string, number>;
  /** Keyed by path without query. */
  byPath: Record<string, number>;
  /** Keyed by fault label (`reset`, `truncate`, `slow-down`, `outage`, `capacity`, ...). */
  byFault: Record<string, number>;
  /** Sets every count back to zero. */
  reset(): void;
}

function bump(counts: Record<string, number>, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

/** Creates empty stats plus the recorder the proxy uses. */
export function createFaultStats(): {
  stats: FaultStats;
  recordRequest(method: string, path: string): void;
  recordOutcome(label: string | undefined): void;
} {
  const stats: FaultStats = {
    total: 0,
    passed: 0,
    byMethod: {},
    byPath: {},
    byFault: {},
    reset() {
      stats.total = 0;
      stats.passed = 0;
      stats.byMethod = {};
      stats.byPath = {};
      stats.byFault = {};
    },
  };
  return {
    stats,
    recordRequest(method, path) {
      stats.total += 1;
      bump(stats.byMethod, method);
      bump(stats.byPath, path);
    },
    recordOutcome(label) {
      if (label === undefined) stats.passed += 1;
      else bump(stats.byFault, label);
    },
  };
}
