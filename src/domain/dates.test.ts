import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dayFromCivil, formatDay, parseIsoDay } from './dates.ts';

/** The definition parseIsoDay() must keep: the ISO pattern, then a real calendar day. */
function reference(text: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (match === null) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const day = dayFromCivil(y, m, d);
  return m >= 1 && m <= 12 && d >= 1 && formatDay(day) === text ? day : null;
}

describe('parseIsoDay', () => {
  it('reads 2019-09-17 as the day number 18156 (days since 1970-01-01)', () => {
    expect(parseIsoDay('2019-09-17')).toBe(18156);
    expect(parseIsoDay('1970-01-01')).toBe(0);
  });

  it('rejects near misses: no day 30 in February, one-digit months, times, padding', () => {
    for (const text of ['2019-02-30', '2019-9-17', '2019-09-17T00:00', ' 2019-09-17', '2019-09-17\n', '2019/09/17', '２019-09-17', '2019-13-01', '2019-00-10', '2019-01-00']) {
      expect(parseIsoDay(text), text).toBeNull();
    }
    expect(parseIsoDay('2020-02-29'), 'a leap day').toBe(dayFromCivil(2020, 2, 29));
    expect(parseIsoDay('1900-02-29'), '1900 is not a leap year').toBeNull();
  });

  it('agrees with the ISO pattern and the calendar for any short text', () => {
    const chars = fc.constantFrom('0', '1', '2', '9', '3', '-', '/', ' ', 'a', '٣');
    fc.assert(fc.property(fc.string({ unit: chars, minLength: 8, maxLength: 11 }), (text) => {
      expect(parseIsoDay(text)).toBe(reference(text));
    }), { numRuns: 5000 });
  });

  it('agrees for every day of four centuries, and for their near misses', () => {
    const from = dayFromCivil(1900, 1, 1);
    fc.assert(fc.property(fc.integer({ min: 0, max: 146_097 }), fc.integer({ min: -3, max: 3 }), (offset, nudge) => {
      const text = formatDay(from + offset);
      expect(parseIsoDay(text)).toBe(from + offset);
      const near = text.slice(0, 8) + String(Number(text.slice(8)) + nudge).padStart(2, '0');
      expect(parseIsoDay(near)).toBe(reference(near));
    }), { numRuns: 5000 });
  });
});
