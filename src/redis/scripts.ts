// Lua scripts run atomically by Redis on the one hash that holds a shared budget's state.
// Time comes from Redis (`TIME`), so every process of the fleet reads the same clock; answers
// carry durations, which each process adds to its own clock.
//
// Hash fields: tokens, down (0|1), downSince, holdUntil, probeOwner, probeUntil (ms).

const NOW = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
`;

const STATE = `
local function state(now)
  local f = redis.call('HMGET', KEYS[1], 'tokens', 'down', 'downSince', 'holdUntil', 'probeOwner', 'probeUntil')
  local down = f[2] == '1'
  local downFor = 0
  local holdLeft = 0
  local owner = ''
  if down then
    downFor = now - (tonumber(f[3]) or now)
    holdLeft = math.max(0, (tonumber(f[4]) or now) - now)
    if f[5] and (tonumber(f[6]) or 0) > now then owner = f[5] end
  end
  return { tostring(f[1] or ''), down and 1 or 0, downFor, holdLeft, owner }
end
`;

/**
 * SYNC: KEYS[1] the hash; ARGV capacity, refund, want, ttlMs. Puts `refund` tokens back (up to
 * capacity), leases up to `want` whole tokens, and returns
 * `[granted, tokens, down, downForMs, holdRemainingMs, probeOwner]`.
 */
export const SYNC_SCRIPT = `${NOW}${STATE}
local capacity = tonumber(ARGV[1])
local tokens = tonumber(redis.call('HGET', KEYS[1], 'tokens')) or capacity
tokens = math.min(capacity, tokens + tonumber(ARGV[2]))
local grant = math.max(0, math.min(tonumber(ARGV[3]), math.floor(tokens)))
tokens = tokens - grant
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens))
redis.call('PEXPIRE', KEYS[1], ARGV[4])
local s = state(now)
return { grant, s[1], s[2], s[3], s[4], s[5] }
`;

/**
 * BREAKER: KEYS[1] the hash; ARGV op, owner, holdMs, ttlMs, probeTtlMs. Ops:
 * - trip: mark the endpoint down (if it is not yet) and hold everyone for holdMs;
 * - claim: take the fleet's single probe when the hold has passed and no live probe is out
 *   (returns 1 in the first slot when this owner got it);
 * - fail: the owner's probe failed: hold again for holdMs;
 * - release: the owner's probe was cancelled: free it without a verdict;
 * - up: the endpoint answered: clear the outage.
 * Returns `[claimed, tokens, down, downForMs, holdRemainingMs, probeOwner]`.
 */
export const BREAKER_SCRIPT = `${NOW}${STATE}
local op = ARGV[1]
local owner = ARGV[2]
local hold = tonumber(ARGV[3])
local claimed = 0
local down = redis.call('HGET', KEYS[1], 'down') == '1'
if op == 'trip' then
  if not down then
    redis.call('HSET', KEYS[1], 'down', '1', 'downSince', now, 'holdUntil', now + hold, 'probeOwner', '', 'probeUntil', 0)
  end
elseif op == 'claim' then
  if down then
    local f = redis.call('HMGET', KEYS[1], 'holdUntil', 'probeOwner', 'probeUntil')
    local free = (f[2] == false or f[2] == '' or (tonumber(f[3]) or 0) <= now)
    if now >= (tonumber(f[1]) or 0) and free then
      redis.call('HSET', KEYS[1], 'probeOwner', owner, 'probeUntil', now + tonumber(ARGV[5]))
      claimed = 1
    end
  end
elseif op == 'fail' then
  if down and redis.call('HGET', KEYS[1], 'probeOwner') == owner then
    redis.call('HSET', KEYS[1], 'holdUntil', now + hold, 'probeOwner', '', 'probeUntil', 0)
  end
elseif op == 'release' then
  if redis.call('HGET', KEYS[1], 'probeOwner') == owner then
    redis.call('HSET', KEYS[1], 'probeOwner', '', 'probeUntil', 0)
  end
elseif op == 'up' then
  redis.call('HSET', KEYS[1], 'down', '0', 'probeOwner', '', 'probeUntil', 0)
end
redis.call('PEXPIRE', KEYS[1], ARGV[4])
local s = state(now)
return { claimed, s[1], s[2], s[3], s[4], s[5] }
`;
