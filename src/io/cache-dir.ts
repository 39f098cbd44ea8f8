/** Where liq keeps what it can make again: the `liq fetch` downloads. */
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { usageError } from '../errors.ts';

/**
 * `$LIQ_CACHE_DIR`, else `$XDG_CACHE_HOME/liq`, else `~/.cache/liq` (the XDG default).
 * @throws LiqError (exit 64) When none is set and there is no home folder to be found
 *   (HOME unset and no passwd entry, as in some containers).
 */
export function defaultCacheDir(env: NodeJS.ProcessEnv, home: () => string = homedir): string {
  const own = env.LIQ_CACHE_DIR;
  if (own !== undefined && own !== '') return own;
  const xdg = env.XDG_CACHE_HOME;
  // The XDG spec says a relative value is invalid and must be ignored.
  if (xdg !== undefined && isAbsolute(xdg)) return join(xdg, 'liq');
  let dir = '';
  try {
    dir = home();
  } catch {
    // Node throws when HOME is unset and the user has no passwd entry
  }
  if (dir === '' || !isAbsolute(dir)) {
    throw usageError('cannot tell where the cache folder goes: HOME is not set and this user has no home folder in the passwd file; set LIQ_CACHE_DIR (or XDG_CACHE_HOME, or HOME), or give --dir');
  }
  return join(dir, '.cache', 'liq');
}
