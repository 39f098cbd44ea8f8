import { unitOf, type IndicatorDefinition } from '../indicator.ts';
import type { IndicatorId, MetricUnit } from '../types.ts';
import { calendar } from './calendar.ts';
import { effrInRange } from './effr_in_range.ts';
import { effrTail } from './effr_tail.ts';
import { netLiquidity } from './net_liquidity.ts';
import { qtPace } from './qt_pace.ts';
import { reserveDemand } from './reserve_demand.ts';
import { repoSegments } from './repo_segments.ts';
import { reserves } from './reserves.ts';
import { reservesBankAssets } from './reserves_bank_assets.ts';
import { reservesGdp } from './reserves_gdp.ts';
import { rrp } from './rrp.ts';
import { sofrAboveCeiling } from './sofr_above_ceiling.ts';
import { sofrIorbSpread } from './sofr_iorb_spread.ts';
import { sofrRrpSpread } from './sofr_rrp_spread.ts';
import { sofrTail } from './sofr_tail.ts';
import { sofrVolume } from './sofr_volume.ts';
import { srfUsage } from './srf_usage.ts';
import { tga } from './tga.ts';

/** Every indicator, in the order the dashboard shows them: prices first, then the calendar and breadth, then quantities. */
export const INDICATORS: readonly IndicatorDefinition[] = [
  sofrRrpSpread, sofrIorbSpread, sofrAboveCeiling, effrInRange, srfUsage,
  calendar, sofrTail, repoSegments, effrTail, sofrVolume,
  reserves, reservesGdp, reservesBankAssets, reserveDemand, tga, rrp, netLiquidity, qtPace,
];

export const INDICATOR_BY_ID = new Map<IndicatorId, IndicatorDefinition>(INDICATORS.map((d) => [d.id, d]));

/** The unit of an indicator's metric, or null for an unknown indicator or metric. */
export function metricUnit(id: IndicatorId, metric: string): MetricUnit | null {
  const definition = INDICATOR_BY_ID.get(id);
  return definition === undefined ? null : unitOf(definition, metric);
}
