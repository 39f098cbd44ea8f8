/**
 * Numbers with thousands separators, exactly as `value.toLocaleString('en-US', { minimumFractionDigits,
 * maximumFractionDigits })` writes them, without ICU. The first toLocaleString of a process
 * loads ICU's number formatting, 30–80 ms: as much as the rest of `liq check`'s own work
 * (start-up). Like ICU, it rounds the shortest decimal form of the double
 * (String(1.005) = "1.005" → "1.01", where toFixed gives "1.00"), half away from zero, and
 * keeps the sign of a negative value that rounds to zero ("-0.0").
 */
export function grouped(value: number, maxDecimals: number, minDecimals: number = maxDecimals): string {
  const shortest = String(Math.abs(value));
  // Exponent forms (below 1e-6, from 1e21) and odd requests are rare: let ICU have them.
  if (shortest.includes('e') || !Number.isFinite(value) || !(minDecimals >= 0 && minDecimals <= maxDecimals && maxDecimals <= 20)) {
    return value.toLocaleString('en-US', { minimumFractionDigits: minDecimals, maximumFractionDigits: maxDecimals });
  }
  const dot = shortest.indexOf('.');
  let whole = dot < 0 ? shortest : shortest.slice(0, dot);
  let fraction = dot < 0 ? '' : shortest.slice(dot + 1);
  if (fraction.length > maxDecimals) {
    const up = fraction.charCodeAt(maxDecimals) >= 0x35; // the first dropped digit is 5 or more
    fraction = fraction.slice(0, maxDecimals);
    if (up) [whole, fraction] = roundUp(whole, fraction);
  }
  let end = fraction.length;
  while (end > minDecimals && fraction.charCodeAt(end - 1) === 0x30) end--;
  fraction = fraction.slice(0, end).padEnd(minDecimals, '0');
  const sign = value < 0 || Object.is(value, -0) ? '-' : '';
  return `${sign}${withCommas(whole)}${fraction === '' ? '' : `.${fraction}`}`;
}

/** Adds one unit in the last place of whole.fraction, carrying as far as needed. */
function roundUp(whole: string, fraction: string): [string, string] {
  const digits = (whole + fraction).split('');
  let i = digits.length - 1;
  while (i >= 0 && digits[i] === '9') digits[i--] = '0';
  if (i >= 0) digits[i] = String(Number(digits[i]) + 1);
  else digits.unshift('1');
  const all = digits.join('');
  const cut = all.length - fraction.length;
  return [all.slice(0, cut), all.slice(cut)];
}

function withCommas(whole: string): string {
  let out = whole.slice(0, whole.length % 3 || 3);
  for (let i = out.length; i < whole.length; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return out;
}
