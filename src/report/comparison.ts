/** How a threshold's comparison reads: in a sentence ("at or above") and in a table cell (≥). */
import type { Comparison } from '../engine/types.ts';

export const COMPARISON_WORDS: Readonly<Record<Comparison, string>> = { '>=': 'at or above', '>': 'above', '<=': 'at or below', '<': 'below' };
export const COMPARISON_SIGNS: Readonly<Record<Comparison, string>> = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' };
