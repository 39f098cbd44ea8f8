import { INDICATORS } from './indicators/index.ts';
import type { IndicatorId, LevelPair, Thresholds } from './types.ts';

/** The default levels (docs/indicators.md), as each indicator declares them. */
export const DEFAULT_THRESHOLDS: Thresholds = Object.fromEntries(INDICATORS.map((d) => [d.id, d.defaults])) as Record<IndicatorId, LevelPair>;
