import { describe, expect, it } from 'vitest';
import { loadTexts } from './load.ts';
import { unitFromCell } from './columns.ts';

describe('unitFromCell', () => {
  it('reads units as agencies write them in a long file\'s unit column', () => {
    const name = (text: string): string | undefined => unitFromCell(text)?.name;
    expect(name('USD bn')).toBe('billions');
    expect(name('Bil. of U.S. $')).toBe('billions');
    expect(name('Billions of Dollars')).toBe('billions');
    expect(name('Mil. of U.S. $')).toBe('millions');
    expect(name('Millions of US Dollars')).toBe('millions');
    expect(name('mn')).toBe('millions');
    expect(name('Percent')).toBe('percent');
    expect(name('%')).toBe('percent');
    expect(name('bp')).toBe('bp');
    expect(name('Basis points')).toBe('bp');
    expect(name('U.S. $')).toBe('dollars');
    expect(name('Dollars')).toBe('dollars');
    for (const unknown of ['zillions', 'Index 2017=100', 'constructor', '', 'bn bn']) expect(name(unknown), unknown).toBeUndefined();
  });
});

describe('long-format unit cells', () => {
  it('scale the values by the unit cell: USD bn and Mil. of U.S. $ read as the same billions', () => {
    const text = 'date,series,value,unit\n2019-09-18,reserves,1395.2,USD bn\n2019-09-25,reserves,"1,404,100",Mil. of U.S. $\n';
    const loaded = loadTexts([{ name: 'long.csv', text, named: true }]);
    const reserves = loaded.series.get('reserves');
    expect(Array.from(reserves?.values ?? []), '1,404,100 millions = 1,404.1 billions').toEqual([1395.2, 1404.1]);
    expect(loaded.notices.join('\n')).not.toContain('not a series liq knows');
  });

  it('report a unit liq cannot read as a unit problem at the unit cell, not as an unknown series', () => {
    const text = 'date,series,value,unit\n2019-09-18,reserves,1395.2,zillions\n';
    expect(() => loadTexts([{ name: 'long.csv', text, named: true }])).toThrow('long.csv:2:4: unknown unit "zillions" for reserves; use one of: billions, millions, thousands, trillions, dollars (or USD bn, Mil. of U.S. $, Percent)');
  });
});
