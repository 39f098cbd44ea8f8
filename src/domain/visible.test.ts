import { describe, expect, it } from 'vitest';
import { hasUnsafe, visible } from './visible.ts';

describe('visible', () => {
  it('writes terminal escapes out, so they cannot clear the screen, retitle the window or plant a link', () => {
    expect(visible('\u001b[2Jx')).toBe('\\x1b[2Jx');
    expect(visible('\u001b]0;pwned\u0007')).toBe('\\x1b]0;pwned\\x07');
    expect(visible('\u001b]8;;http://evil.example\u001b\\click')).toBe('\\x1b]8;;http://evil.example\\x1b\\click');
    expect(visible('a\u009bb\u007f')).toBe('a\\x9bb\\x7f'); // the 8-bit CSI and DEL
  });

  it('keeps a name on one line, and shows bidi overrides and invisible marks', () => {
    expect(visible('SOFR\n2019.csv')).toBe('SOFR\\n2019.csv');
    expect(visible('a\r\tb')).toBe('a\\r\\tb');
    expect(visible('evil\u202etxt.csv')).toBe('evil\\u202etxt.csv');
    expect(visible('\ufeffDATE\u200b')).toBe('\\ufeffDATE\\u200b');
    expect(visible('line\u2028sep')).toBe('line\\u2028sep');
  });

  it('leaves ordinary text, accents, symbols and backslashes alone', () => {
    const plain = 'SOFR–RRP spread: 12 bp, €, é, ≥, C:\\data\\sofr.csv, 日本';
    expect(visible(plain)).toBe(plain);
    expect(hasUnsafe(plain)).toBe(false);
    expect(hasUnsafe('a\u001bb')).toBe(true);
    expect(hasUnsafe('a\u001bb'), 'no state kept between calls').toBe(true);
  });
});
