import { describe, expect, it } from 'vitest';
import { firstItem, item, lastItem } from './arrays.ts';

describe('item, firstItem, lastItem', () => {
  it('read an element that is there', () => {
    const days = Int32Array.from([17800, 17801, 17804]);
    expect([firstItem(days), item(days, 1), lastItem(days)]).toEqual([17800, 17801, 17804]);
  });

  it('throw on an index outside the array instead of computing with undefined', () => {
    expect(() => item(Float64Array.from([1]), 1)).toThrow(RangeError);
    expect(() => lastItem(new Int32Array(0))).toThrow('index -1 outside an array of 0');
  });
});
