export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs' || process.env.NEXT_PHASE === 'phase-production-build') return;
  // first, so that no request is served without them (lib/request-hooks.ts says what they do)
  const { installRequestHooks } = await import('./lib/request-hooks');
  installRequestHooks();
  const { prepareServer } = await import('./lib/startup');
  await prepareServer();
}
