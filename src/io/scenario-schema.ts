/**
 * The scenario file of `liq outlook`, validated with zod (imported only when a scenario
 * file is given, so zod stays off start-up):
 *
 *   { "scenarios": {
 *       "base": {},
 *       "tga-rebuild": { "tga": { "target": 850, "by": "2025-12-31" } },
 *       "qt-ends": { "assets": [ { "from": "2025-12-01", "perMonth": 0 },
 *                                { "from": "2025-12-12", "perMonth": 40 } ],
 *                    "rrp": { "floor": 0 } } } }
 *
 * Amounts in USD billions; `perMonth` negative for runoff; each assets entry holds from its
 * date on; an empty scenario is the defaults. Unknown keys are errors that name the key.
 */
import { z } from 'zod';
import { parseIsoDay } from '../domain/dates.ts';

const finite = z.number().refine(Number.isFinite, 'must be a finite number');
const date = z.string().refine((s) => parseIsoDay(s) !== null, 'expected a date YYYY-MM-DD');
const level = finite.refine((v) => v >= 0, 'must be ≥ 0 (USD billions)');

const scenarioSchema = z.strictObject({
  assets: z.array(z.strictObject({ from: date, perMonth: finite })).optional(),
  tga: z.strictObject({ target: level, by: date }).optional(),
  rrp: z.strictObject({ floor: level.optional(), perMonth: finite.refine((v) => v <= 0, 'must be ≤ 0: ON RRP is projected to drain, not to refill').optional() }).optional(),
});

export const scenarioFileSchema = z.strictObject({
  $schema: z.string().optional(),
  scenarios: z
    .record(z.string().regex(/^[A-Za-z0-9_.-]{1,40}$/, 'scenario names use 1–40 letters, digits, _ . -'), scenarioSchema)
    .refine((s) => Object.keys(s).length >= 1, 'name at least one scenario (an empty one, {}, is the defaults)')
    .refine((s) => Object.keys(s).length <= 8, 'at most 8 scenarios side by side'),
});

export type ScenarioFile = z.infer<typeof scenarioFileSchema>;

const ALLOWED: Record<number, string> = {
  0: 'scenarios',
  2: 'assets, tga, rrp',
};

/** Validates parsed JSON; one message per problem, each naming its key path. */
export function validateScenarios(data: unknown): { ok: true; file: ScenarioFile } | { ok: false; problems: string[] } {
  const result = scenarioFileSchema.safeParse(data);
  if (result.success) return { ok: true, file: result.data };
  return {
    ok: false,
    problems: result.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.');
      if (issue.code === 'unrecognized_keys') {
        const where = path === '' ? '' : ` in ${path}`;
        const allowed = issue.path.length === 3 ? { tga: 'target, by', rrp: 'floor, perMonth' }[String(issue.path[2])] : issue.path.length === 4 ? 'from, perMonth' : ALLOWED[issue.path.length];
        return `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}${where}${allowed === undefined ? '' : ` (allowed: ${allowed})`}`;
      }
      return `${path === '' ? '(top level)' : path}: ${issue.message}`;
    }),
  };
}
