/**
 * Word wrapping for pictures. Widths come from a measure function: the browser passes one backed
 * by canvas measureText; elsewhere an average glyph width is close enough.
 */
export type Measure = (text: string, fontSize: number, bold: boolean) => number

export const estimateWidth: Measure = (text, fontSize, bold) =>
  [...text].length * fontSize * (bold ? 0.6 : 0.54)

/** Lines of `text` no wider than `width`; words longer than a line are broken between letters. */
export function wrapText(
  text: string,
  width: number,
  fontSize: number,
  measure: Measure = estimateWidth,
  bold = false,
): string[] {
  const fits = (s: string) => measure(s, fontSize, bold) <= width
  const lines: string[] = []
  for (const paragraph of text.split('\n')) {
    let line = ''
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word
      if (fits(candidate)) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      let rest = word
      while (!fits(rest) && [...rest].length > 1) {
        const chars = [...rest]
        let n = chars.length - 1
        while (n > 1 && !fits(chars.slice(0, n).join(''))) n--
        lines.push(chars.slice(0, n).join(''))
        rest = chars.slice(n).join('')
      }
      line = rest
    }
    lines.push(line)
  }
  return lines
}

/** The line that fits `width`, cut with an ellipsis when needed. */
export function truncate(
  text: string,
  width: number,
  fontSize: number,
  measure: Measure = estimateWidth,
  bold = false,
): string {
  if (measure(text, fontSize, bold) <= width) return text
  const chars = [...text]
  while (chars.length > 0 && measure(chars.join('') + '…', fontSize, bold) > width) chars.pop()
  return chars.join('') + '…'
}
