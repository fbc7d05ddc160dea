/**
 * Attempts in total (the first included) when neither `maxAttempts` nor `policy.maxAttempts` is
 * given: 6, where the core's policy has 3. At 20% independent faults 3 attempts leave 0.8% of
 * operations failing, 6 leave 0.006%; the budget and the outage hold bound the extra traffic.
 */
export const DEFAULT_SDK_MAX_ATTEMPTS = 6;
