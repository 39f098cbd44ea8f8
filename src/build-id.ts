/**
 * The identity of this build of liq: a hash of its sources, set by scripts/build.mjs.
 * Null when liq runs from its sources (the tests), which keep no parse cache.
 */
declare const __LIQ_BUILD__: string | undefined;

export const BUILD_ID: string | null = typeof __LIQ_BUILD__ === 'string' ? __LIQ_BUILD__ : null;
