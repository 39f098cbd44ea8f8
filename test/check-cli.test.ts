/**
 * `liq check` as a user, a script and a monitoring system run it: the verdicts the issue
 * holds the tool to on real data, the JSON contract, exit codes, nagios output and config.
 * Spawns bin/liq.cjs (run `npm run build` first).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkDocumentSchema } from '../src/report/schema.ts';
import { parsePluginOutput, rangeAlerts } from './helpers/plugin-grammar.ts';
import { liq } from './helpers/run-liq.ts';

const check = (...args: string[]) => liq(['check', 'fixtures/fred/', ...args]);
const json = (...args: string[]) => JSON.parse(check(...args, '--json').stdout);

/** A JSON Schema subset, enough to check zod's draft 2020-12 output structurally. */
type Schema = {
  type?: string | string[];
  const?: unknown;
  enum?: unknown[];
  pattern?: string;
  required?: string[];
  properties?: Record<string, Schema>;
  additionalProperties?: Schema | boolean;
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
};

function problems(schema: Schema, value: unknown, path = '$'): string[] {
  if (schema.anyOf ?? schema.oneOf) {
    const branches = (schema.anyOf ?? schema.oneOf) as Schema[];
    return branches.some((b) => problems(b, value, path).length === 0) ? [] : [`${path}: matches no branch`];
  }
  const kind = value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
  if (schema.type !== undefined) {
    const allowed = Array.isArray(schema.type) ? schema.type : [schema.type];
    const ok = allowed.some((t) => t === kind || (t === 'integer' && Number.isInteger(value)));
    if (!ok) return [`${path}: ${kind}, expected ${allowed.join('|')}`];
  }
  const out: string[] = [];
  if (schema.const !== undefined && schema.const !== value) out.push(`${path}: not ${JSON.stringify(schema.const)}`);
  if (schema.enum !== undefined && !schema.enum.includes(value)) out.push(`${path}: ${JSON.stringify(value)} not in enum`);
  if (schema.pattern !== undefined && typeof value === 'string' && !new RegExp(schema.pattern).test(value)) out.push(`${path}: fails ${schema.pattern}`);
  if (kind === 'object') {
    const object = value as Record<string, unknown>;
    for (const key of schema.required ?? []) if (!(key in object)) out.push(`${path}: missing required "${key}"`);
    for (const [key, v] of Object.entries(object)) {
      const sub = schema.properties?.[key] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : undefined);
      if (sub !== undefined) out.push(...problems(sub, v, `${path}.${key}`));
    }
  }
  if (kind === 'array' && schema.items !== undefined) (value as unknown[]).forEach((v, i) => out.push(...problems(schema.items as Schema, v, `${path}[${i}]`)));
  return out;
}

describe('verdicts on the real fixtures', () => {
  it.each([
    ['2019-09-17', 'stress'], // SOFR 5.25, avg10 SOFR − RRP 50.6 bp; EFFR 2.30 over the 2.25 top
    ['2025-10-31', 'stress'], // avg10 SOFR − RRP 26.9 bp, SOFR − IORB 11.9 bp, 5 days above the 4.00 ceiling
    // 2021-06-15: SOFR 0.01 over RRP 0.00, reserves 3,874 bn; watch only from liq's reserve
    // demand estimate (−0.10 bp per 1 %, band −0.12…−0.09), computable since IOER is derived.
    ['2021-06-15', 'watch'],
    ['2023-06-14', 'ok'], // SOFR 0.6 bp over RRP on average; reserves 3,325 bn, ON RRP 2,109 bn
  ])('reports %s as %s', (asOf, status) => {
    const doc = json('--as-of', asOf);
    expect(doc.asOf).toBe(asOf);
    expect(doc.status).toBe(status);
  });

  it('names the indicators that make 2025-10-31 stress', () => {
    const doc = json('--as-of', '2025-10-31');
    const stressed = doc.indicators.filter((i: { status: string }) => i.status === 'stress').map((i: { id: string }) => i.id);
    expect(stressed).toEqual(['sofr_rrp_spread', 'sofr_iorb_spread', 'sofr_above_ceiling']);
  });
});

describe('the JSON document', () => {
  it.each(['2019-09-16', '2019-09-17', '2021-06-15', '2023-06-14', '2025-10-31'])('validates against the zod schema on %s', (asOf) => {
    const parsed = checkDocumentSchema.safeParse(json('--as-of', asOf));
    expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
  });

  it('satisfies the JSON Schema that liq schema prints', () => {
    const run = liq(['schema']);
    expect(run.code).toBe(0);
    const schema = JSON.parse(run.stdout) as Schema & { $schema: string };
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.required).toEqual(expect.arrayContaining(['schemaVersion', 'asOf', 'status', 'series', 'indicators']));
    for (const asOf of ['2019-09-17', '2025-10-31']) expect(problems(schema, json('--as-of', asOf)), asOf).toEqual([]);
    expect(problems(schema, json()), 'the latest date').toEqual([]);
  });

  it('is caught by the schema check when a required key is missing', () => {
    const schema = JSON.parse(liq(['schema']).stdout) as Schema;
    const doc = json('--as-of', '2019-09-17');
    delete doc.indicators[0].metrics;
    expect(problems(schema, doc)).toContain('$.indicators[0]: missing required "metrics"');
  });
});

describe('exit codes', () => {
  it('exits 0 on success whatever the status without --exit-status', () => {
    expect(check('--as-of', '2019-09-17', '--format', 'json').code).toBe(0);
  });

  it.each([
    ['2023-06-14', 0], // ok
    ['2019-09-17', 2], // stress
  ])('exits by the status with --exit-status on %s', (asOf, code) => {
    expect(check('--as-of', asOf, '--exit-status', '-q').code).toBe(code);
  });

  it('exits 3 for unknown with --exit-status on the latest date: every price indicator has a stale input', () => {
    // The bundled ON RRP rate, SRF bid and target range end 2025-11-12, 260 days before 2026-07-30.
    expect(json().status).toBe('unknown');
    expect(check('--exit-status').code).toBe(3);
  });

  it('exits 1 for watch with --exit-status', () => {
    expect(check('--as-of', '2019-06-14', '--exit-status').code).toBe(1);
  });

  it('exits 3 for unknown when no thresholded indicator can be judged', () => {
    const run = liq(['check', '-', '--exit-status', '--json'], { input: 'date,gdp\n2025-07-01,31095.089\n' });
    expect(JSON.parse(run.stdout).status).toBe('unknown');
    expect(run.code).toBe(3);
  });

  it('exits 3 on any failure with --exit-status, and 66 without', () => {
    expect(liq(['check', 'no-such-dir/', '--exit-status']).code).toBe(3);
    expect(liq(['check', 'no-such-dir/']).code).toBe(66);
  });
});

describe('--format nagios', () => {
  it('prints one plugin line by the guidelines with performance data on 2025-10-31 and exits 2', () => {
    const run = check('--as-of', '2025-10-31', '--format', 'nagios');
    expect(run.code).toBe(2);
    const out = parsePluginOutput(run.stdout);
    expect(out.state).toBe('CRITICAL');
    expect(out.text).toMatch(/^as of 2025-10-31: /);
    const perf = new Map(out.perf.map((p) => [p.label, p]));
    expect(perf.get('sofr_rrp_spread.avg10Bp')).toMatchObject({ value: 26.9, warn: '@10:', crit: '@25:' });
    expect(perf.get('sofr_above_ceiling.count')).toMatchObject({ value: 7, warn: '@1:', crit: '@5:' });
    // 14 bp below the top: watch at ≤ 5 bp, stress at ≤ 0 (EFFR at or above the top).
    expect(perf.get('effr_in_range.belowUpperBp')).toMatchObject({ value: 14, warn: '@~:5', crit: '@~:0' });
  });

  it('reads CRITICAL on 2025-11-14 (six days of 20 above the ceiling) and exits 2', () => {
    const run = check('--as-of', '2025-11-14', '--format', 'nagios');
    expect(run.code).toBe(2);
    const out = parsePluginOutput(run.stdout);
    expect(out.state).toBe('CRITICAL');
    const count = out.perf.find((p) => p.label === 'sofr_above_ceiling.count');
    expect(count).toMatchObject({ value: 6, crit: '@5:' });
    expect(rangeAlerts(count?.crit ?? '', count?.value ?? 0), '6 ≥ 5: the stress range alerts').toBe(true);
    const unit = (label: string) => out.perf.find((p) => p.label === label)?.uom;
    expect(unit('reserves_gdp.ratioPct'), 'a share in percent').toBe('%');
    expect(unit('reserve_demand.slopeBpPerPct'), 'bp per 1 %: not a percentage').toBe('');
  });

  it('reads OK with exit 0 on a calm day (2023-06-14) and WARNING with exit 1 on 2025-06-16', () => {
    const calm = check('--as-of', '2023-06-14', '--format', 'nagios');
    expect([parsePluginOutput(calm.stdout).state, calm.code]).toEqual(['OK', 0]);
    const low = check('--as-of', '2025-06-16', '--format', 'nagios');
    expect([parsePluginOutput(low.stdout).state, low.code]).toEqual(['WARNING', 1]);
  });
});

describe('--config', () => {
  const dir = mkdtempSync(join(tmpdir(), 'liq-config-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const config = (name: string, body: unknown) => {
    const path = join(dir, name);
    writeFileSync(path, typeof body === 'string' ? body : JSON.stringify(body));
    return path;
  };

  it('changes the status when a threshold is overridden', () => {
    // 2021-06-15: reserves 3,874 bn is ok under the default 3,000 watch, watch under 4,000
    const path = config('reserves.json', { thresholds: { reserves: { watch: 4000 } } });
    const doc = json('--as-of', '2021-06-15', '--config', path);
    expect(doc.indicators.find((i: { id: string }) => i.id === 'reserves').status).toBe('watch');
    expect(doc.status).toBe('watch');
  });

  it('takes named metrics and null levels', () => {
    // 2025-10-31: streak 5 and count 7 are not stress under streak ≥ 6 or count ≥ 8; the spreads' stress is removed
    const path = config('relaxed.json', {
      thresholds: {
        sofr_above_ceiling: { stress: { streak: 6, count: 8 } },
        sofr_rrp_spread: { stress: null },
        sofr_iorb_spread: { stress: 15 },
      },
    });
    const doc = json('--as-of', '2025-10-31', '--config', path);
    const status = (id: string) => doc.indicators.find((i: { id: string }) => i.id === id).status;
    expect([status('sofr_above_ceiling'), status('sofr_rrp_spread'), status('sofr_iorb_spread')]).toEqual(['watch', 'watch', 'watch']);
    expect(doc.status).toBe('watch');
  });

  it.each([
    ['an unknown metric', { thresholds: { reserves: { watch: { levl: 2500 } } } }, /"levl"/],
    ['an unknown level', { thresholds: { reserves: { wach: 2500 } } }, /"wach"/],
    ['an unknown indicator', { thresholds: { reservez: { watch: 2500 } } }, /"reservez"/],
    ['an unknown top-level key', { threshold: {} }, /"threshold"/],
    ['a bad value', { thresholds: { tga: { watch: 'high' } } }, /thresholds\.tga\.watch/],
    ['a bad formula', { netLiquidity: 'fed_assets - tga' }, /netLiquidity/],
  ])('rejects %s with exit 64, naming the key', (_what, body, named) => {
    const run = check('--config', config('bad.json', body));
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(named);
    expect(run.stdout).toBe('');
  });

  it('rejects a config that is not JSON with exit 64', () => {
    const run = check('--config', config('broken.json', '{"thresholds": '));
    expect(run.code).toBe(64);
    expect(run.stderr).toMatch(/not valid JSON/);
  });

  it('fails with 3 in monitoring mode on a bad config', () => {
    expect(check('--config', config('bad2.json', { nope: 1 }), '--exit-status').code).toBe(3);
  });
});
