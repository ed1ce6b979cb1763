import http from 'node:http';
import Redis from 'ioredis';
import { Principal } from '../auth/principal';
import { RateLimitSettings } from '../config';
import { defaultLogger, describeError, Logger } from '../ops/logger';

/** A token bucket: holds at most `capacity` points and regains `perSecond` points a second. */
export interface Bucket {
  capacity: number;
  perSecond: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Where the buckets live: this process's memory, or Redis (shared by every server process). `take` is atomic per key:
 * with at least 1 point in the bucket the request is allowed and `points` are taken — the bucket may go below zero,
 * so that a costly operation is paid in full and the next requests wait for it; otherwise it is refused, taking
 * nothing, with the seconds until 1 point is back. `points` 0 only asks.
 */
export interface BucketStore {
  take(key: string, points: number, bucket: Bucket): Promise<RateDecision>;
  close(): Promise<void>;
}

function retryAfter(tokens: number, bucket: Bucket): number {
  return Math.max(1, Math.ceil((1 - tokens) / bucket.perSecond));
}

/** Buckets in this process; a bucket full again is forgotten (MAX_KEYS bounds what an attacker's addresses cost). */
export function memoryBuckets(now: () => number = Date.now): BucketStore {
  const MAX_KEYS = 100_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const level = (state: { tokens: number; at: number }, bucket: Bucket, at: number) =>
    Math.min(bucket.capacity, state.tokens + ((at - state.at) / 1000) * bucket.perSecond);
  return {
    async take(key, points, bucket) {
      const at = now();
      const state = buckets.get(key) ?? { tokens: bucket.capacity, at };
      const tokens = level(state, bucket, at);
      if (tokens < 1) {
        buckets.set(key, { tokens, at });
        return { allowed: false, retryAfterSeconds: retryAfter(tokens, bucket) };
      }
      if (buckets.size >= MAX_KEYS && !buckets.has(key)) {
        for (const [other, kept] of buckets) if (level(kept, bucket, at) >= bucket.capacity) buckets.delete(other);
        if (buckets.size >= MAX_KEYS) buckets.clear();
      }
      buckets.set(key, { tokens: tokens - points, at });
      return { allowed: true };
    },
    async close() {
      buckets.clear();
    },
  };
}

/**
 * One bucket in Redis, refilled and taken from in one step (a Lua script runs atomically), on Redis's clock so that
 * every server process counts alike. Returns { allowed (1/0), tokens after }. The key expires once the bucket would be
 * full again: nothing is left behind.
 */
const TAKE_SCRIPT = `
local capacity = tonumber(ARGV[1])
local per_ms = tonumber(ARGV[2]) / 1000
local points = tonumber(ARGV[3])
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local state = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(state[1]) or capacity
local at = tonumber(state[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * per_ms)
local allowed = 0
if tokens >= 1 then
  allowed = 1
  tokens = tokens - points
end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil((capacity - tokens) / per_ms) + 1000)
return { allowed, tostring(tokens) }
`;

const KEY_PREFIX = 'hvp:rate:';

/**
 * Buckets in Redis (REDIS_URL), shared by the server processes. Should Redis not answer (down, or slower than
 * COMMAND_TIMEOUT_MS), requests are let through and a warning is logged (at most once a minute): the rate limit
 * protects the service, and Redis being away must not take the service down with it.
 */
export function redisBuckets(url: string, logger: Logger = defaultLogger()): BucketStore {
  const COMMAND_TIMEOUT_MS = 250;
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: COMMAND_TIMEOUT_MS,
    connectTimeout: 2000,
    lazyConnect: false,
  });
  redis.defineCommand('hvpTakeTokens', { numberOfKeys: 1, lua: TAKE_SCRIPT });
  let warnedAt = 0;
  const warn = (error: unknown) => {
    if (Date.now() - warnedAt < 60_000) return;
    warnedAt = Date.now();
    logger.warn({ err: describeError(error) }, 'rate limit: Redis does not answer; requests are let through');
  };
  redis.on('error', warn);
  return {
    async take(key, points, bucket) {
      try {
        const [allowed, tokens] = (await (
          redis as unknown as { hvpTakeTokens(key: string, ...args: (string | number)[]): Promise<[number, string]> }
        ).hvpTakeTokens(`${KEY_PREFIX}${key}`, bucket.capacity, bucket.perSecond, points)) as [number, string];
        return allowed === 1 ? { allowed: true } : { allowed: false, retryAfterSeconds: retryAfter(Number(tokens), bucket) };
      } catch (error) {
        warn(error);
        return { allowed: true };
      }
    },
    async close() {
      redis.disconnect();
    },
  };
}

/**
 * The rate limit of the API (RATE_LIMIT_*): a bucket per credential — an API key, or a token's subject — that every
 * request pays 1 point from, and every GraphQL operation its cost (src/graphql/query-limits.ts); and a bucket per client
 * address that every failed authentication pays 1 from, checked before credentials are looked at.
 */
export interface RateLimit {
  /** before authenticating: is the address still allowed to try? */
  admitAddress(address: string): Promise<RateDecision>;
  /** the address presented credentials that did not check out */
  failedAuthentication(address: string): Promise<void>;
  /** a request, or an operation's cost, of an authenticated caller */
  charge(principal: Principal, points: number): Promise<RateDecision>;
  /** the client's address of a request (X-Forwarded-For's last entry when RATE_LIMIT_TRUST_FORWARDED_FOR) */
  addressOf(request: http.IncomingMessage): string;
  close(): Promise<void>;
}

export function createRateLimit(settings: RateLimitSettings, store: BucketStore): RateLimit {
  const credential: Bucket = { capacity: settings.burst, perSecond: settings.pointsPerMinute / 60 };
  const failures: Bucket = { capacity: settings.failedAuthPerMinute, perSecond: settings.failedAuthPerMinute / 60 };
  return {
    admitAddress: (address) => store.take(`address:${address}`, 0, failures),
    async failedAuthentication(address) {
      await store.take(`address:${address}`, 1, failures);
    },
    // 'jwt:<sub>' and 'apiKey:apikey:<id>' cannot meet, whatever a token's sub says
    charge: (principal, points) => store.take(`${principal.via}:${principal.subject}`, points, credential),
    addressOf(request) {
      if (settings.trustForwardedFor) {
        const forwarded = request.headers['x-forwarded-for'];
        const last = (Array.isArray(forwarded) ? forwarded.join(',') : (forwarded ?? '')).split(',').pop()?.trim();
        if (last) return last;
      }
      return request.socket.remoteAddress ?? 'unknown';
    },
    close: () => store.close(),
  };
}

/** The server's rate limit from its settings: none with RATE_LIMIT_POINTS_PER_MINUTE=0; in Redis with REDIS_URL. */
export function rateLimitOf(settings: RateLimitSettings, redisUrl: string | null, logger: Logger): RateLimit | null {
  if (settings.pointsPerMinute === 0) return null;
  return createRateLimit(settings, redisUrl ? redisBuckets(redisUrl, logger) : memoryBuckets());
}
