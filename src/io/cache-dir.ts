/** Where liq keeps what it can make again: the `liq fetch` downloads, and parsed inputs. */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';

/** `$LIQ_CACHE_DIR`, else `$XDG_CACHE_HOME/liq`, else `~/.cache/liq` (the XDG default). */
export function defaultCacheDir(env: NodeJS.ProcessEnv): string {
  const own = env.LIQ_CACHE_DIR;
  if (own !== undefined && own !== '') return own;
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'liq');
  return join(homedir(), '.cache', 'liq');
}
