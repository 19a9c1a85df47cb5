// The heap limit the server runs with. Left alone, V8 sizes its heap for the whole machine and
// grows it lazily: after 20 s of 20 staff saving, `next start` held 832 MiB though little of it was
// live; with this limit the same load left 273 MiB and saved as fast (bench/analysis.md).
// `npm start` sets the same flag in package.json; tests/unit/server-memory.test.ts keeps them equal.
export const SERVER_HEAP_FLAG = '--max-old-space-size=512';

/** `env` with the heap limit added to NODE_OPTIONS, unless a limit is set there already. */
export function withServerHeapLimit(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const current = env.NODE_OPTIONS ?? '';
  if (/--max-old-space-size/.test(current)) return env;
  return { ...env, NODE_OPTIONS: `${current} ${SERVER_HEAP_FLAG}`.trim() };
}
