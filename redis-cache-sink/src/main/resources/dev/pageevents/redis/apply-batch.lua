-- Applies one hash-tag group's share of a batch from one Kafka partition, atomically, and
-- records the partition's offset in the group's offsets hash. Updates at or below the stored
-- offset were applied before and are skipped. Every value arrives as an argument.
--
-- KEYS[1] offsets hash, KEYS[2] all-time top pages zset, then per update its own keys.
-- ARGV[1] topic:partition, ARGV[2] last offset of the batch in this partition,
-- ARGV[3] bucket TTL in seconds, then the updates:
--   'p', offset, page, durationMs, timestampMs  with KEYS page hash, bucket counter, bucket zset
--   'u', offset, page, timestampMs              with KEYS user hash

local function expect(key, kind)
  local actual = redis.call('TYPE', key)['ok']
  if actual ~= 'none' and actual ~= kind then
    return redis.error_reply('WRONGTYPE ' .. key .. ' is a ' .. actual .. ', expected ' .. kind)
  end
  return nil
end

-- Check every key first: a script error after a write would leave the batch half-applied.
local checks = { expect(KEYS[1], 'hash') or expect(KEYS[2], 'zset') }
local k, a = 3, 5
while a <= #ARGV do
  if ARGV[a] == 'p' then
    checks[#checks + 1] = expect(KEYS[k], 'hash') or expect(KEYS[k + 1], 'string')
      or expect(KEYS[k + 2], 'zset')
    k, a = k + 3, a + 5
  else
    checks[#checks + 1] = expect(KEYS[k], 'hash')
    k, a = k + 1, a + 4
  end
end
for _, failed in pairs(checks) do
  if failed then return failed end
end

local applied = tonumber(redis.call('HGET', KEYS[1], ARGV[1]) or '-1')
if ARGV[4] ~= '' and applied < tonumber(ARGV[4]) then
  return redis.error_reply('LOSTWRITES ' .. applied .. ' ' .. ARGV[4] .. ' ' .. ARGV[1])
end
local ttl = tonumber(ARGV[3])
local done = 0
k, a = 3, 5
while a <= #ARGV do
  local offset = tonumber(ARGV[a + 1])
  if ARGV[a] == 'p' then
    if offset > applied then
      local page, ts = ARGV[a + 2], tonumber(ARGV[a + 4])
      redis.call('HINCRBY', KEYS[k], 'visits', 1)
      redis.call('HINCRBY', KEYS[k], 'durationMs', ARGV[a + 3])
      if ts > tonumber(redis.call('HGET', KEYS[k], 'lastSeenMs') or '-1') then
        redis.call('HSET', KEYS[k], 'lastSeenMs', ARGV[a + 4])
      end
      redis.call('ZINCRBY', KEYS[2], 1, page)
      redis.call('INCR', KEYS[k + 1])
      redis.call('EXPIRE', KEYS[k + 1], ttl)
      redis.call('ZINCRBY', KEYS[k + 2], 1, page)
      redis.call('EXPIRE', KEYS[k + 2], ttl)
      done = done + 1
    end
    k, a = k + 3, a + 5
  else
    if offset > applied then
      if tonumber(ARGV[a + 3]) >= tonumber(redis.call('HGET', KEYS[k], 'lastSeenMs') or '-1') then
        redis.call('HSET', KEYS[k], 'lastPage', ARGV[a + 2], 'lastSeenMs', ARGV[a + 3])
      end
      done = done + 1
    end
    k, a = k + 1, a + 4
  end
end
if tonumber(ARGV[2]) > applied then
  redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
end
return done
