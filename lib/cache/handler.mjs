// Next's cache handler (next.config.mjs `cacheHandler`): Next's own in-memory cache, with every tag
// expiry shared between instances through lib/cache/coordinator.mjs. Entries are not shared: a hit
// costs no network and no (de)serialisation, and a Redis outage costs renders, not correctness.
import { createRequire } from 'node:module';
import { cacheCoordinator } from './coordinator.mjs';

const require = createRequire(import.meta.url);
const FileSystemCache = require('next/dist/server/lib/incremental-cache/file-system-cache.js').default;

export default class SharedExpiryCache extends FileSystemCache {
  constructor(context) {
    super(context);
    this.coordinator = cacheCoordinator();
  }

  async get(key, context) {
    // out of sync, an expiry may be on its way that we cannot hear: render from the database
    if (!this.coordinator.inSync()) return null;
    const data = await super.get(key, context);
    // made before we (re)joined the others (or read from the build's prerendered files)
    if (data && this.coordinator.shared && (data.lastModified ?? 0) < this.coordinator.syncedSince)
      return null;
    return data;
  }

  async set(key, data, context) {
    if (!this.coordinator.inSync()) return;
    await super.set(key, data, context);
  }

  async revalidateTag(tags, durations) {
    const list = (typeof tags === 'string' ? [tags] : tags).filter(Boolean);
    if (list.length === 0) return;
    await this.coordinator.expire(list, durations);
  }
}
