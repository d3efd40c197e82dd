/**
 * The largest font size at which a post-it's text fits its box, so short notes read from the back
 * of the room and long ones still fit. An estimate (average glyph width), not a measurement:
 * Konva wraps and clips the rest.
 */
export const NOTE_PADDING = 14
export const LINE_HEIGHT = 1.25
const SIZES = [32, 28, 24, 21, 18, 16, 14, 12, 10]
const GLYPH_WIDTH = 0.54

export function noteFontSize(text: string, w: number, h: number): number {
  const innerW = Math.max(10, w - 2 * NOTE_PADDING)
  const innerH = Math.max(10, h - 2 * NOTE_PADDING)
  for (const size of SIZES) {
    const perLine = Math.max(1, Math.floor(innerW / (size * GLYPH_WIDTH)))
    let lines = 0
    for (const paragraph of text.split('\n')) {
      const words = paragraph.split(/\s+/)
      // A word longer than a line would be broken mid-word; take a smaller size instead.
      if (words.some((word) => [...word].length > perLine)) {
        lines = Infinity
        break
      }
      lines += Math.max(1, Math.ceil([...paragraph].length / perLine))
    }
    if (lines * size * LINE_HEIGHT <= innerH) return size
  }
  return SIZES[SIZES.length - 1]!
}
