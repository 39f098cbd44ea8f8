/** The helpers liq uses from cli-table3's own utilities: its display-width measure and word wrap, so tables and the text around them agree on widths. */
declare module 'cli-table3/src/utils.js' {
  const utils: {
    /** The display width of the widest line of `text`: ANSI codes none, East Asian wide characters two. */
    strlen(text: string): number;
    /** `text` broken at whitespace into lines of at most `width` columns (a longer word stays whole). */
    wordWrap(width: number, text: string): string[];
  };
  export default utils;
}
