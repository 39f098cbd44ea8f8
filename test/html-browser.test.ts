/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The functions passed to page.evaluate run in the browser: their DOM types come from lib.dom.
/**
 * The HTML report in a real browser: Debian's Chromium (/usr/bin/chromium), driven
 * headless by puppeteer-core (which never downloads a browser of its own). What a reader
 * gets: nothing wider than a 390 px phone, a text alternative on every chart, badges and
 * labels at WCAG AA contrast in light and dark, a dark scheme, white paper in print.
 *
 * Without Chromium the suite is skipped, saying why; under CI (CI=true) a missing browser
 * fails instead, since .ci/run installs it.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type CDPSession, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../src/engine/daily-report.ts';
import { REFERENCE_2019 } from '../src/engine/episodes.ts';
import { defaultAsOf } from '../src/engine/assess.ts';
import { deriveSeries } from '../src/engine/derive.ts';
import { DEFAULT_THRESHOLDS } from '../src/engine/thresholds.ts';
import { loadPaths } from '../src/io/load.ts';
import { reportHtml } from '../src/report/html.ts';
import { ROOT } from './helpers/run-liq.ts';

const CHROMIUM = process.env.LIQ_CHROMIUM ?? '/usr/bin/chromium';
const HAVE_BROWSER = existsSync(CHROMIUM);
const IN_CI = process.env.CI === 'true';
const WHY_SKIPPED = `skipped: no browser at ${CHROMIUM} (apt-get install chromium, or set LIQ_CHROMIUM)`;

/** The flags for a headless run that talks to no server and leaves nothing behind. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/**
 * WCAG 2.x contrast ratio of two sRGB colours: relative luminance
 * L = 0.2126 R + 0.7152 G + 0.0722 B of the linearised channels
 * (c ≤ 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ^ 2.4), then (L1 + 0.05) / (L2 + 0.05).
 */
function luminance([r, g, b]: readonly number[]): number {
  const lin = (v: number): number => {
    const c = v / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r as number) + 0.7152 * lin(g as number) + 0.0722 * lin(b as number);
}
function contrast(a: readonly number[], b: readonly number[]): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe('the WCAG contrast formula of this test', () => {
  it('gives 21:1 for black on white, 1:1 for a colour on itself, 4.48:1 for #777 on white', () => {
    expect(contrast([0, 0, 0], [255, 255, 255])).toBeCloseTo(21, 5);
    expect(contrast([18, 52, 86], [18, 52, 86])).toBe(1);
    // #777777: c = 119/255 = 0.4667 → ((0.4667 + 0.055) / 1.055)^2.4 = 0.1845; (1.05) / (0.2345) = 4.48
    expect(contrast([119, 119, 119], [255, 255, 255])).toBeCloseTo(4.48, 2);
  });
});

if (!HAVE_BROWSER && IN_CI) {
  describe('the HTML report in Chromium', () => {
    it('has a browser to run in (CI=true: .ci/run installs Debian\'s chromium)', () => {
      throw new Error(`no browser at ${CHROMIUM}: .ci/run should have installed it with apt-get install -y chromium`);
    });
  });
}

/** One rendered text with the colours it is drawn in. */
interface Sample {
  readonly what: string;
  readonly text: string;
  readonly fg: number[];
  readonly bg: number[];
}

/**
 * The colour and the background each label is read on: computed styles, the background
 * taken from the nearest ancestor that paints one. Runs in the page.
 */
function sampleColours(): Sample[] {
  const rgb = (css: string): number[] | null => {
    const m = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+))?/.exec(css);
    if (m === null) return null;
    if (m[4] !== undefined && Number(m[4]) === 0) return null;
    return [Number(m[1]), Number(m[2]), Number(m[3])];
  };
  const background = (el: Element): number[] => {
    for (let node: Element | null = el; node !== null; node = node.parentElement) {
      if (node instanceof SVGElement && node.tagName !== 'svg') continue;
      const c = rgb(getComputedStyle(node).backgroundColor);
      if (c !== null) return c;
    }
    return [255, 255, 255];
  };
  const selectors = '.status, th, td, h1, h2, p, li, figcaption span, .legend, footer, svg text';
  const out: Sample[] = [];
  for (const el of document.querySelectorAll(selectors)) {
    const text = (el.textContent ?? '').trim();
    if (text === '') continue;
    const style = getComputedStyle(el);
    const fg = rgb(el instanceof SVGElement ? style.fill : style.color);
    if (fg === null) continue;
    out.push({ what: `${el.tagName.toLowerCase()}.${(el.getAttribute('class') ?? '').replace(/\s+/g, '.')}`, text: text.slice(0, 40), fg, bg: background(el) });
  }
  return out;
}

describe.skipIf(!HAVE_BROWSER)(HAVE_BROWSER ? 'the HTML report in Chromium' : `the HTML report in Chromium (${WHY_SKIPPED})`, () => {
  let dir: string;
  let browser: Browser;
  let page: Page;
  let cdp: CDPSession;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'liq-browser-'));
    // The bundled FRED data at their latest date (some inputs stale by then: the charts
    // mark those days) and a made-up SRF take-up file, until real take-up is bundled.
    const srf = join(dir, 'srf.csv');
    writeFileSync(srf, 'date,srf\n2026-06-30,0\n2026-07-01,5.5\n2026-07-15,0\n2026-07-20,12.25\n');
    const all = deriveSeries((await loadPaths([join(ROOT, 'fixtures/fred'), srf])).series);
    const options = { asPublished: false, thresholds: DEFAULT_THRESHOLDS, netLiquidity: 'fed_assets - tga - rrp' as const };
    const asOf = defaultAsOf(all, false) as number;
    const report = buildReport({ all, asOf, options, reference: REFERENCE_2019, charts: true, configPath: null, generator: 'liq test' });
    const file = join(dir, 'report.html');
    writeFileSync(file, reportHtml(report));
    url = `file://${file}`;
    browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, userDataDir: join(dir, 'profile'), args: FLAGS.filter((f) => f !== '--headless') });
    page = await browser.newPage();
    cdp = await page.createCDPSession();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function open(width: number, scheme: 'light' | 'dark', media: 'screen' | 'print' = 'screen'): Promise<void> {
    await page.setViewport({ width, height: 800 });
    // One protocol call for both: puppeteer's emulateMediaType and emulateMediaFeatures
    // each send setEmulatedMedia, and the second would reset what the first set.
    // The session stays open: emulation ends with the session that set it.
    await cdp.send('Emulation.setEmulatedMedia', { media, features: [{ name: 'prefers-color-scheme', value: scheme }] });
    await page.goto(url, { waitUntil: 'load' });
    const applied = await page.evaluate((m, c) => matchMedia(m).matches && matchMedia(`(prefers-color-scheme: ${c})`).matches, media, scheme);
    expect(applied, `${media} media, ${scheme} scheme in effect`).toBe(true);
  }

  it('has charts to look at: the corridor, SRF take-up and the indicators, with stale days marked', async () => {
    await open(1280, 'light');
    const counts = await page.evaluate(() => ({
      charts: document.querySelectorAll('svg.chart').length,
      bars: document.querySelectorAll('svg.chart rect.bar').length,
      corridor: document.querySelectorAll('svg.chart .range-target').length,
      stale: document.querySelectorAll('svg.chart rect.stale').length,
    }));
    expect(counts.charts, 'corridor + take-up + six indicators + projected reserves').toBe(9);
    expect(counts.bars, 'the two non-zero days of the made-up take-up').toBe(2);
    expect(counts.corridor).toBeGreaterThan(0);
    expect(counts.stale, 'the latest date of the bundled data has stale inputs').toBeGreaterThan(0);
  });

  it('puts nothing wider than a 390 px phone: wide tables scroll inside their own box', async () => {
    await open(390, 'light');
    const result = await page.evaluate(() => {
      const width = document.documentElement.clientWidth;
      const scrollsInside = (el: Element): boolean => {
        for (let node = el.parentElement; node !== null && node !== document.body; node = node.parentElement) {
          const overflow = getComputedStyle(node).overflowX;
          if ((overflow === 'auto' || overflow === 'scroll') && node.getBoundingClientRect().right <= width + 0.5) return true;
        }
        return false;
      };
      const wide = [...document.body.querySelectorAll('*')]
        .filter((el) => el.getBoundingClientRect().right > width + 0.5 || el.getBoundingClientRect().left < -0.5)
        .filter((el) => !scrollsInside(el))
        .map((el) => `${el.tagName.toLowerCase()}.${el.getAttribute('class') ?? ''} right=${Math.round(el.getBoundingClientRect().right)}`);
      return { width, scrollWidth: document.documentElement.scrollWidth, wide: wide.slice(0, 10) };
    });
    expect(result.width).toBe(390);
    expect(result.wide, 'elements past the right edge of the viewport').toEqual([]);
    expect(result.scrollWidth, 'the page itself does not scroll sideways').toBeLessThanOrEqual(390);
  });

  it('keeps chart text readable on a phone: at least 10 px on screen', async () => {
    await open(390, 'light');
    const smallest = await page.evaluate(() => Math.min(...[...document.querySelectorAll('svg.chart text')].map((t) => t.getBoundingClientRect().height)));
    expect(smallest).toBeGreaterThanOrEqual(10);
  });

  it('gives every chart a text alternative with its latest value and its thresholds', async () => {
    await open(1280, 'light');
    const charts = await page.evaluate(() =>
      [...document.querySelectorAll('svg')].map((svg) => ({
        role: svg.getAttribute('role'),
        label: svg.getAttribute('aria-label') ?? '',
        title: svg.querySelector(':scope > title')?.textContent ?? '',
        thresholds: svg.querySelectorAll('.threshold').length,
      })),
    );
    expect(charts.length).toBeGreaterThan(0);
    for (const c of charts) {
      expect(c.role, c.label).toBe('img');
      expect(c.title, 'a title too, for a tooltip').toBe(c.label);
      expect(c.label, 'the latest value').toMatch(/latest [^;]*\d/);
      if (c.thresholds > 0) expect(c.label, 'the thresholds drawn').toMatch(/(watch|stress) (at or above|above|at or below|below) [+−\d]/);
      expect(c.label, 'no internal metric key').not.toMatch(/\b[a-z]+[0-9]*(Bp|Pct)\b|\.[a-z]+[A-Z]\w*/);
    }
  });

  it('shows a person no internal names: no metric keys, no script paths', async () => {
    await open(1280, 'light');
    const text = await page.evaluate(() => document.body.innerText);
    for (const name of ['sofr_rrp_spread.avg10Bp', 'scripts/make-reference.ts']) expect(text).not.toContain(name);
    expect(text.match(/\b[a-z]+[0-9]*[A-Z][A-Za-z0-9]*\b/g) ?? [], 'camelCase metric keys such as avg10Bp or change13w').toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`draws badges, labels and chart text at WCAG AA contrast (≥ 4.5:1) in ${scheme} mode`, async () => {
      await open(1280, scheme);
      const samples = await page.evaluate(sampleColours);
      expect(samples.length).toBeGreaterThan(100);
      expect(samples.filter((s) => s.what.startsWith('span.status')).length, 'badges measured').toBeGreaterThan(5);
      const poor = samples
        .map((s) => ({ ...s, ratio: Math.round(contrast(s.fg, s.bg) * 100) / 100 }))
        .filter((s) => s.ratio < 4.5)
        .map((s) => `${s.what} "${s.text}" rgb(${s.fg.join(',')}) on rgb(${s.bg.join(',')}): ${s.ratio}:1`);
      expect(poor).toEqual([]);
    });
  }

  it('turns dark when the reader prefers it', async () => {
    const backgrounds = async (scheme: 'light' | 'dark') => {
      await open(1280, scheme);
      return page.evaluate(() => [getComputedStyle(document.body).backgroundColor, getComputedStyle(document.querySelector('main') as Element).backgroundColor]);
    };
    const light = await backgrounds('light');
    const dark = await backgrounds('dark');
    expect(dark[0]).not.toBe(light[0]);
    expect(dark[1]).not.toBe(light[1]);
    const rgb = (css: string) => (/(\d+), (\d+), (\d+)/.exec(css)?.slice(1).map(Number) ?? []) as number[];
    expect(luminance(rgb(dark[1] as string)), 'a dark page').toBeLessThan(0.05);
  });

  it('prints on white paper, even for a reader in dark mode', async () => {
    await open(1280, 'dark', 'print');
    const backgrounds = await page.evaluate(() => [document.body, document.querySelector('main') as Element].map((el) => getComputedStyle(el).backgroundColor));
    expect(backgrounds).toEqual(['rgb(255, 255, 255)', 'rgb(255, 255, 255)']);
    const headings = await page.evaluate(() => [...document.querySelectorAll('h2')].map((h) => getComputedStyle(h).breakAfter));
    expect(new Set(headings), 'no heading left alone at the foot of a page').toEqual(new Set(['avoid']));
  });
});
