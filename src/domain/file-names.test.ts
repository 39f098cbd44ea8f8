import { describe, expect, it } from 'vitest';
import { shortFileNames } from './file-names.ts';

describe('shortFileNames', () => {
  it('gives each file its own name when no other file shares it', () => {
    expect([...shortFileNames(['fixtures/fred/SOFR.csv', 'fixtures/fred/WRESBAL.csv']).values()]).toEqual(['SOFR.csv', 'WRESBAL.csv']);
  });

  it('adds as many folders as tell two files of one name apart', () => {
    const names = shortFileNames(['data/2024/fred/WRESBAL.csv', 'data/2026/fred/WRESBAL.csv', 'data/2026/fred/SOFR.csv']);
    expect(names.get('data/2024/fred/WRESBAL.csv')).toBe('2024/fred/WRESBAL.csv');
    expect(names.get('data/2026/fred/WRESBAL.csv')).toBe('2026/fred/WRESBAL.csv');
    expect(names.get('data/2026/fred/SOFR.csv')).toBe('SOFR.csv');
  });

  it('keeps the whole path when one file is the other\'s suffix', () => {
    const names = shortFileNames(['WRESBAL.csv', 'old/WRESBAL.csv']);
    expect(names.get('WRESBAL.csv')).toBe('WRESBAL.csv');
    expect(names.get('old/WRESBAL.csv')).toBe('old/WRESBAL.csv');
  });
});
