// Keeps the caches of several app instances in agreement. Each instance keeps its rendered pages
// and its data cache in its own memory (Next's own cache, lib/cache/handler.mjs); what they share is
// every tag expiry: one instance's revalidateTag/updateTag/revalidatePath is applied at once where it
// happened and published on a Redis channel that every instance subscribes to (REDIS_URL).
//
// Why this is consistent, not merely fast: pub/sub loses a message only to a subscriber that is not
// connected. So an instance serves from its cache only while it is in sync (its subscription is up
// and answered a ping within STALE_AFTER_MS), and forgets every entry made before the moment it last
// came into sync. Out of sync (Redis stopped, restarted or hung), it renders every request from the
// database: slower, never stale. A restarted Redis keeps nothing, and nothing needs keeping.
//
// Plain JavaScript: Next loads the cache handler with import() at run time, outside its bundle. The
// coordinator is one per process (globalThis), whichever copy of this module creates it first.
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { tagsManifest } = require('next/dist/server/lib/incremental-cache/tags-manifest.external.js');

export const CHANNEL = 'klyngeregnskab:cache-expiry';
const HEARTBEAT_MS = 200;
const STALE_AFTER_MS = 1000;
/**
 * A render that read the database just before an expiry can store its (old) result just after it.
 * So every expiry is applied twice: at once, and again this much later, which discards what such a
 * render stored. Costs one extra render per cached page and instance after each change.
 */
export const SETTLE_MS = 3000;
const GLOBAL = Symbol.for('klyngeregnskab.cache-coordinator');

/**
 * Marks tags expired in this process, as Next's own file-system cache does (the same manifest its
 * cache reads): `durations` given = stale now (served while re-rendered), else expired now.
 */
export function expireLocally(tags, durations) {
  const now = Date.now();
  for (const tag of tags) {
    const entry = tagsManifest.get(tag) ?? {};
    if (durations) {
      tagsManifest.set(tag, {
        ...entry,
        stale: now,
        ...(durations.expire !== undefined ? { expired: now + durations.expire * 1000 } : {}),
      });
    } else {
      tagsManifest.set(tag, { ...entry, expired: now });
    }
  }
}

function expireNowAndAfterSettling(tags, durations) {
  expireLocally(tags, durations);
  setTimeout(() => expireLocally(tags, durations), SETTLE_MS).unref();
}

/** One process, no Redis: expiries stay here (a single `next start`, the build, `npm run demo`). */
class LocalCoordinator {
  shared = false;
  inSync() {
    return true;
  }
  /** entries made before this moment are not served (never, in one process) */
  syncedSince = 0;
  async expire(tags, durations) {
    expireNowAndAfterSettling(tags, durations);
  }
  status() {
    return { shared: false, inSync: true };
  }
}

class RedisCoordinator {
  shared = true;
  origin = randomUUID();
  /** Infinity while out of sync: no entry is older than that */
  syncedSince = Number.POSITIVE_INFINITY;
  lastPong = 0;
  /** expiries this instance could not publish yet (Redis away), sent when it is back */
  unsent = [];
  outOfSyncSince = Date.now();

  constructor(url, Redis) {
    const options = {
      connectTimeout: 1000,
      commandTimeout: 1000,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      autoResubscribe: false,
      retryStrategy: (attempt) => Math.min(100 * attempt, 1000),
      connectionName: `klyngeregnskab-${process.pid}`,
    };
    this.subscriber = new Redis(url, { ...options, lazyConnect: true });
    this.publisher = new Redis(url, { ...options, lazyConnect: true });
    for (const client of [this.subscriber, this.publisher]) {
      // ioredis reconnects by itself; an unhandled 'error' event would end the process
      client.on('error', () => {});
      client.connect().catch(() => {});
    }
    this.subscriber.on('ready', () => this.subscribe());
    this.subscriber.on('close', () => this.lose('connection closed'));
    this.subscriber.on('message', (_channel, message) => this.receive(message));
    this.publisher.on('ready', () => this.flushUnsent());
    this.timer = setInterval(() => this.heartbeat(), HEARTBEAT_MS);
    this.timer.unref();
  }

  async subscribe() {
    try {
      await this.subscriber.subscribe(CHANNEL);
      this.lastPong = Date.now();
      // every entry from before is suspect: an expiry may have been published while we were away
      this.syncedSince = Date.now();
      const away = Date.now() - this.outOfSyncSince;
      console.info(`cache: in sync with the other instances (after ${away} ms out of sync)`);
    } catch (error) {
      this.lose(`subscribe failed: ${error.message}`);
    }
  }

  lose(reason) {
    if (this.syncedSince === Number.POSITIVE_INFINITY) return;
    this.syncedSince = Number.POSITIVE_INFINITY;
    this.outOfSyncSince = Date.now();
    console.warn(`cache: out of sync (${reason}); rendering every request until Redis is back`);
  }

  async heartbeat() {
    if (this.syncedSince === Number.POSITIVE_INFINITY) return;
    if (Date.now() - this.lastPong > STALE_AFTER_MS) {
      // Redis hangs (or the link does): an expiry could be stuck in it. Reconnect from scratch.
      this.lose('no answer to ping');
      this.subscriber.disconnect(true);
      return;
    }
    try {
      await this.subscriber.ping();
      this.lastPong = Date.now();
    } catch {
      // the next beat notices the silence
    }
  }

  inSync() {
    return this.syncedSince !== Number.POSITIVE_INFINITY && Date.now() - this.lastPong <= STALE_AFTER_MS;
  }

  receive(message) {
    let parsed;
    try {
      parsed = JSON.parse(message);
    } catch {
      return;
    }
    if (!parsed || parsed.origin === this.origin || !Array.isArray(parsed.tags)) return;
    const tags = parsed.tags.filter((tag) => typeof tag === 'string');
    const durations =
      parsed.durations && typeof parsed.durations === 'object'
        ? { expire: typeof parsed.durations.expire === 'number' ? parsed.durations.expire : undefined }
        : undefined;
    expireNowAndAfterSettling(tags, durations);
  }

  async expire(tags, durations) {
    expireNowAndAfterSettling(tags, durations);
    const message = JSON.stringify({ origin: this.origin, tags, durations, at: Date.now() });
    try {
      await this.publisher.publish(CHANNEL, message);
    } catch (error) {
      // Redis away: the others are out of sync too and will forget their entries; if only we lost it,
      // they still get it once we can send it again.
      console.warn(`cache: could not publish expiry of ${tags.join(', ')} (${error.message}); will retry`);
      this.unsent.push(message);
    }
  }

  async flushUnsent() {
    while (this.unsent.length > 0) {
      const message = this.unsent[0];
      try {
        await this.publisher.publish(CHANNEL, message);
        this.unsent.shift();
      } catch {
        return;
      }
    }
  }

  status() {
    return { shared: true, inSync: this.inSync(), unsent: this.unsent.length };
  }
}

/** This process's coordinator: shared through Redis when REDIS_URL is set, else local. */
export function cacheCoordinator() {
  const existing = globalThis[GLOBAL];
  if (existing) return existing;
  const url = process.env.REDIS_URL?.trim();
  // the build prerenders with the handler too; it must not wait for (or need) Redis
  const building = process.env.NEXT_PHASE === 'phase-production-build';
  let coordinator;
  if (url && !building) {
    const Redis = require('ioredis').default ?? require('ioredis');
    coordinator = new RedisCoordinator(url, Redis);
  } else {
    coordinator = new LocalCoordinator();
  }
  globalThis[GLOBAL] = coordinator;
  return coordinator;
}
