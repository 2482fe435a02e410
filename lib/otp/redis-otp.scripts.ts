import { createHash } from 'node:crypto';

/** @internal A Lua script and its SHA1, for EVALSHA with an EVAL fallback. */
export interface LuaScript {
  source: string;
  sha: string;
}

function lua(source: string): LuaScript {
  return { source, sha: createHash('sha1').update(source).digest('hex') };
}

/**
 * @internal KEYS: challenge, recipient's current challenge, send counter (of the limit key).
 * ARGV: id, recipientKey, channel, codeHash, nonce, createdAt, expiresAt, maxAttempts, now, cooldownMs, maxSends,
 * windowMs, graceMs, challenge key prefix. Same rules as `InMemoryOtpStore.begin`.
 */
export const BEGIN = lua(`
local now = tonumber(ARGV[9])
local fields = redis.call('HGETALL', KEYS[1])
if #fields > 0 then
  local rec = {}
  for i = 1, #fields, 2 do rec[fields[i]] = fields[i + 1] end
  if now <= tonumber(rec.ea) then
    return {'existing', rec.rk, rec.ch, rec.h, rec.n, rec.ca, rec.ea, rec.m}
  end
end
local cooldown, maxSends, window = tonumber(ARGV[10]), tonumber(ARGV[11]), tonumber(ARGV[12])
local counter = redis.call('HMGET', KEYS[3], 'ws', 'c', 'l')
local ws, count, last = tonumber(counter[1]), tonumber(counter[2]), tonumber(counter[3])
if last and now - last < cooldown then return {'cooldown', tostring(last + cooldown - now)} end
if not ws or now - ws >= window then ws = now; count = 0 end
if count >= maxSends then return {'limit', tostring(ws + window - now)} end
redis.call('HSET', KEYS[3], 'ws', string.format('%d', ws), 'c', count + 1, 'l', ARGV[9])
redis.call('PEXPIRE', KEYS[3], math.max(ws + window - now, cooldown, 1))
local previous = redis.call('GET', KEYS[2])
if previous and previous ~= ARGV[1] then redis.call('DEL', ARGV[14] .. previous) end
local ttl = math.max(tonumber(ARGV[7]) - now + tonumber(ARGV[13]), 1)
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'rk', ARGV[2], 'ch', ARGV[3], 'h', ARGV[4], 'n', ARGV[5], 'ca', ARGV[6],
  'ea', ARGV[7], 'm', ARGV[8], 'a', 0)
redis.call('PEXPIRE', KEYS[1], ttl)
redis.call('SET', KEYS[2], ARGV[1], 'PX', ttl)
return {'created'}
`);

/**
 * @internal KEYS: the challenge (mode 'id') or the recipient's current-challenge pointer (mode 'rk').
 * ARGV: mode, codeHash, now, challenge key prefix, recipient pointer prefix, challenge id or recipient key.
 * The compare runs over every byte whatever the input (constant time); the attempt is counted before it.
 */
export const CHECK = lua(`
local key, id = KEYS[1], ARGV[6]
if ARGV[1] == 'rk' then
  id = redis.call('GET', KEYS[1])
  if not id then return {'NO_OTP_FOUND'} end
  key = ARGV[4] .. id
end
local rec = redis.call('HMGET', key, 'h', 'ea', 'm', 'a', 'rk', 'ch')
if not rec[1] then return {'NO_OTP_FOUND'} end
if ARGV[1] == 'rk' and rec[5] ~= ARGV[6] then return {'NO_OTP_FOUND'} end
if tonumber(ARGV[3]) > tonumber(rec[2]) then return {'OTP_EXPIRED', '', id, rec[5], rec[6]} end
local max = tonumber(rec[3])
if tonumber(rec[4]) >= max then return {'TOO_MANY_ATTEMPTS', '', id, rec[5], rec[6]} end
local attempts = redis.call('HINCRBY', key, 'a', 1)
local stored, given = rec[1], ARGV[2]
local diff = (#stored == #given) and 0 or 1
for i = 1, #stored do
  diff = bit.bor(diff, bit.bxor(string.byte(stored, i), string.byte(given, i) or 0))
end
if diff == 0 then
  redis.call('DEL', key)
  local pointer = ARGV[5] .. rec[5]
  if redis.call('GET', pointer) == id then redis.call('DEL', pointer) end
  return {'SUCCESS', '', id, rec[5], rec[6]}
end
return {'INVALID_OTP', tostring(max - attempts), id, rec[5], rec[6]}
`);

/** @internal KEYS: the challenge. ARGV: challenge id, recipient pointer prefix. */
export const DISCARD = lua(`
local rk = redis.call('HGET', KEYS[1], 'rk')
redis.call('DEL', KEYS[1])
if rk and redis.call('GET', ARGV[2] .. rk) == ARGV[1] then redis.call('DEL', ARGV[2] .. rk) end
return 1
`);
