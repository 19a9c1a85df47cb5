export type Area = 'per-request' | 'public' | 'embed';
export declare const PER_REQUEST_AREAS: readonly string[];
export declare function contentSecurityPolicy(
  area: Area,
  options?: { nonce?: string; development?: boolean; formTargets?: string[] },
): string;
