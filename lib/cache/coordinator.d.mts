export const CHANNEL: string;
export const SETTLE_MS: number;
export interface CacheCoordinator {
  readonly shared: boolean;
  readonly syncedSince: number;
  inSync(): boolean;
  expire(tags: string[], durations: { expire?: number } | undefined): Promise<void>;
  status(): { shared: boolean; inSync: boolean; unsent?: number };
}
export function expireLocally(tags: string[], durations: { expire?: number } | undefined): void;
export function cacheCoordinator(): CacheCoordinator;
