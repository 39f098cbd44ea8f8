/**
 * Today's date: the one place liq reads the clock (the engine has none). LIQ_TODAY
 * (YYYY-MM-DD) stands in for the clock, for tests and for re-running a day's cron job.
 */
import { dayFromCivil, parseIsoDay, type Day } from '../domain/dates.ts';
import { usageError } from '../errors.ts';

export function today(env: NodeJS.ProcessEnv): Day {
  const given = env.LIQ_TODAY;
  if (given !== undefined && given !== '') {
    const day = parseIsoDay(given);
    if (day === null) throw usageError(`LIQ_TODAY "${given}": expected a date as YYYY-MM-DD`);
    return day;
  }
  const now = new Date(); // the user's calendar date, where they read the answer
  return dayFromCivil(now.getFullYear(), now.getMonth() + 1, now.getDate());
}

/** Days beyond which the headline says how old the data are. */
const AGE_SHOWN_AFTER_DAYS = 3;

/**
 * How many days before today the as-of date is, when a person should be told: only when
 * --as-of was not given (a chosen date is old on purpose) and it is more than 3 days old.
 */
export function dataAgeDays(asOf: Day, asOfGiven: boolean, env: NodeJS.ProcessEnv): number | null {
  if (asOfGiven) return null;
  const age = today(env) - asOf;
  return age > AGE_SHOWN_AFTER_DAYS ? age : null;
}
