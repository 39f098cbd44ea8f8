/**
 * The one escaping function for text a person reads: tables, markdown, the HTML
 * report's text, errors and notes. A file name, a config key, a cached note or a
 * server's message can hold an ESC (`\e[2J` clears the screen, OSC 8 plants a link,
 * OSC 0 retitles the window), a carriage return that overwrites a line, a newline
 * that splits a table row, or a bidi override that reorders what is read. Each is
 * shown instead as a visible escape (`\x1b`, `\n`, `\u202e`), so the text stays one
 * line and says what it holds. JSON output is not passed through this: JSON is exact
 * and escapes control characters by itself.
 */

// C0 controls, DEL, C1 controls; the line and paragraph separators; the bidi embeddings,
// overrides and isolates (U+202A–U+202E, U+2066–U+2069) and the invisible marks that
// can make a name look like another (U+200B–U+200F, U+FEFF).
// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const NAMED: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

/** `text` with every control or invisible formatting character written out as an escape. */
export function visible(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const named = NAMED[c];
    if (named !== undefined) return named;
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** True when `visible` would change the text (for a cheap test before copying). */
export function hasUnsafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const found = UNSAFE.test(text);
  UNSAFE.lastIndex = 0;
  return found;
}
