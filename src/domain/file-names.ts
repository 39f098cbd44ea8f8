/**
 * Short names for the files a run read: each file's own name, and as many of its folders
 * as it takes to tell it from another file of the same name (two WRESBAL.csv from
 * different folders show as old/WRESBAL.csv and new/WRESBAL.csv, never as the same name).
 */
export function shortFileNames(paths: Iterable<string>): Map<string, string> {
  const all = [...new Set(paths)];
  const parts = new Map(all.map((p) => [p, p.split(/[\\/]+/).filter((s) => s !== '')] as const));
  const out = new Map<string, string>();
  for (const path of all) {
    const mine = parts.get(path) as string[];
    let take = 1;
    for (const other of all) {
      if (other === path) continue;
      const theirs = parts.get(other) as string[];
      // The fewest trailing parts that differ from this other file's.
      let k = 1;
      while (k <= mine.length && k <= theirs.length && mine.slice(-k).join('/') === theirs.slice(-k).join('/')) k++;
      if (k > 1) take = Math.max(take, Math.min(k, mine.length));
    }
    out.set(path, take >= mine.length ? path : mine.slice(-take).join('/'));
  }
  return out;
}
