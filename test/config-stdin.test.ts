/** The config is read once, bounded, so a stream works as a config: `--config /dev/stdin`. */
import { describe, expect, it } from 'vitest';
import { liq } from './helpers/run-liq.ts';

const CONFIG = JSON.stringify({ thresholds: { sofr_rrp_spread: { watch: 12 } }, netLiquidity: 'reserves + rrp - tga', episodes: { covid: '2020-03-16' } });

describe.skipIf(process.platform === 'win32')('--config /dev/stdin', () => {
  it('liq config reads it once and says where each setting came from', () => {
    const run = liq(['config', '--config', '/dev/stdin', '--json'], { input: CONFIG });
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as { config: { path: string }; netLiquidity: { formula: string; origin: string }; thresholds: Record<string, { watch: { origin: string } }>; episodes: Record<string, string> };
    expect(doc.config.path).toBe('/dev/stdin');
    expect(doc.netLiquidity).toEqual({ formula: 'reserves + rrp - tga', origin: '/dev/stdin' });
    expect(doc.thresholds.sofr_rrp_spread?.watch.origin).toBe('/dev/stdin');
    expect(doc.episodes).toEqual({ covid: '2020-03-16' });
  });

  it('liq check takes its thresholds from it', () => {
    const run = liq(['check', 'fixtures/fred', '--config', '/dev/stdin', '--json'], { input: CONFIG });
    expect(run.code, run.stderr).toBe(0);
    const doc = JSON.parse(run.stdout) as { indicators: Array<{ id: string; thresholds: { watch: Array<{ value: number }> } }> };
    expect(doc.indicators.find((i) => i.id === 'sofr_rrp_spread')?.thresholds.watch[0]?.value).toBe(12);
  });
});
