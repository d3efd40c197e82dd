/**
 * The largest font size at which a post-it's text fits its box, so short notes read from the back
 * of the room and long ones still fit, without breaking a word in two. Words are measured in the
 * notes' font where a canvas is at hand (the browser), else estimated from average glyph widths.
 * CJK text has no spaces: it may break between any two characters.
 */
import { FONT_FAMILY } from '../../shared/palette/index.ts'

export const NOTE_PADDING = 14
export const LINE_HEIGHT = 1.25
const SIZES = [32, 28, 24, 21, 18, 16, 14, 12, 10]
const GLYPH_WIDTH = 0.54
const WIDE_GLYPH = 1
/** Share of a line the words are fitted into: Konva measures each size afresh, a little apart. */
const FIT = 0.97

// Han, Hiragana, Katakana, Hangul, CJK punctuation and full-width forms.
const WIDE =
  /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u

const isWide = (ch: string) => WIDE.test(ch)

/** Width of a run of text in ems. */
export type TextMeasure = (text: string) => number

function estimatedEms(text: string): number {
  let w = 0
  for (const ch of text) w += isWide(ch) ? WIDE_GLYPH : GLYPH_WIDTH
  return w
}

/** Measures in the notes' font on a canvas, remembering each word; null where there is none. */
function canvasMeasure(): TextMeasure | null {
  const ctx =
    typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d')
  if (!ctx) return null
  ctx.font = `100px ${FONT_FAMILY}`
  const widths = new Map<string, number>()
  return (text) => {
    let w = widths.get(text)
    if (w === undefined) {
      if (widths.size >= 20_000) widths.clear()
      w = ctx.measureText(text).width / 100
      widths.set(text, w)
    }
    return w
  }
}

let measure: TextMeasure | null | undefined

/** Replaces how words are measured (tests); null estimates. */
export function setTextMeasure(next: TextMeasure | null): void {
  measure = next
}

function ems(text: string): number {
  if (measure === undefined) measure = canvasMeasure()
  return measure ? measure(text) : estimatedEms(text)
}

/** Lines a paragraph takes at `perLine` ems per line, or Infinity if a word must be split. */
function linesOf(paragraph: string, perLine: number): number {
  let lines = 1
  let used = 0
  for (const word of paragraph.split(/\s+/)) {
    if (!word) continue
    const w = ems(word)
    const wide = [...word].some(isWide)
    if (w > perLine && !wide) return Infinity
    const gap = used > 0 ? ems(' ') : 0
    if (used + gap + w <= perLine) {
      used += gap + w
    } else if (wide) {
      // Breaks between characters: fill this line, then whole lines.
      const rest = w - Math.max(0, perLine - used - gap)
      lines += Math.ceil(rest / perLine)
      used = rest % perLine || perLine
    } else {
      lines++
      used = w
    }
  }
  return lines
}

export function noteFontSize(text: string, w: number, h: number): number {
  const innerW = Math.max(10, w - 2 * NOTE_PADDING)
  const innerH = Math.max(10, h - 2 * NOTE_PADDING)
  for (const size of SIZES) {
    const perLine = (innerW / size) * FIT
    let lines = 0
    for (const paragraph of text.split('\n')) lines += linesOf(paragraph, perLine)
    if (lines * size * LINE_HEIGHT <= innerH) return size
  }
  return SIZES[SIZES.length - 1]!
}

/** Line height of free labels' text. */
export const LABEL_LINE_HEIGHT = 1.2

/** Estimated height of a label's text wrapped at width `w`, so that its box can grow to fit. */
export function labelTextHeight(text: string, w: number, fontSize: number): number {
  const perLine = Math.max(1, w / fontSize)
  let lines = 0
  for (const paragraph of text.split('\n')) {
    const n = linesOf(paragraph, perLine)
    // A word longer than a line is broken wherever it reaches the edge.
    lines += Number.isFinite(n) ? n : Math.ceil(ems(paragraph) / perLine)
  }
  return Math.ceil(lines * fontSize * LABEL_LINE_HEIGHT)
}

// Hebrew, Arabic, Syriac, Thaana, NKo and the presentation forms.
const RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]/u
const LTR = /[A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff]/u

/** The paragraph direction of a text by its first strong character (like dir="auto"). */
export function textDirection(text: string): 'rtl' | 'ltr' {
  for (const ch of text) {
    if (RTL.test(ch)) return 'rtl'
    if (LTR.test(ch) || isWide(ch)) return 'ltr'
  }
  return 'ltr'
}
