/**
 * Safety rules every text export applies to user text, whatever its markup: bidirectional
 * override and isolate controls are removed (they make text read differently from what it is,
 * "Trojan Source"), and a line that a spreadsheet would run as a formula is neutralised.
 */

/** U+202A-U+202E (embeddings, overrides) and U+2066-U+2069 (isolates). */
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g

export const stripBidi = (text: string): string => text.replace(BIDI_CONTROLS, '')

/** Characters that make Excel, LibreOffice or Google Sheets treat a cell as a formula. */
export const FORMULA_CHARS = new Set(['=', '+', '-', '@'])

/**
 * Where a formula would start in `line`: the index of its first character that is not
 * whitespace, when that is one of FORMULA_CHARS (spreadsheets skip leading blanks). Else -1.
 */
export function formulaStart(line: string): number {
  const m = /^\s*/.exec(line)!
  const at = m[0].length
  return at < line.length && FORMULA_CHARS.has(line[at]!) ? at : -1
}

/** `line` with its formula character (if any) replaced by `escape(char)`. */
export function guardFormula(line: string, escape: (char: string) => string): string {
  const at = formulaStart(line)
  return at < 0 ? line : line.slice(0, at) + escape(line[at]!) + line.slice(at + 1)
}
