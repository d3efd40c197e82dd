/**
 * The largest font size at which a post-it's text fits its box, so short notes read from the back
 * of the room and long ones still fit, without breaking a word in two. Words are measured in the
 * notes' font where a canvas is at hand (the browser), else estimated from average glyph widths.
 * Lines break where the script allows (Intl.Segmenter): after spaces, and between the words of
 * CJK, Thai and other scripts written without spaces.
 */
import { FONT_FAMILY } from '../../shared/palette/index.ts'

export const NOTE_PADDING = 14
export const LINE_HEIGHT = 1.25
/** Sizes tried, largest first; the smallest still reads on a projector at a poster's zoom. */
const SIZES = [32, 28, 24, 21, 18, 16, 14]
const GLYPH_WIDTH = 0.54
const WIDE_GLYPH = 1
/** Width of a line (in ems) below which text is not kept at a zoom's floor: about 6 letters. */
const MIN_LINE_EMS = 3.5
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

// Scripts written without spaces between words (CJK, Thai, Lao, Khmer, Myanmar): a line may
// break between any two of their words, as Intl.Segmenter finds them.
const UNSPACED = /[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff]/u
const unspaced = (text: string) => [...text].some((ch) => isWide(ch) || UNSPACED.test(ch))

const words = new Intl.Segmenter(undefined, { granularity: 'word' })
const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' })

/**
 * A paragraph cut where a line may break: after spaces (kept at the unit's end), and between
 * the words of scripts written without spaces. Punctuation never starts a unit.
 */
function breakUnits(paragraph: string): string[] {
  const units: string[] = []
  let afterSpace = false
  for (const { segment, isWordLike } of words.segment(paragraph)) {
    const space = /^\s+$/u.test(segment)
    const last = units.length - 1
    const prev = units[last]
    const breakable =
      prev === undefined ||
      afterSpace ||
      (isWordLike === true && (unspaced(segment) || unspaced(prev)))
    if (space) {
      if (prev === undefined) continue
      units[last] = prev + segment
      afterSpace = true
      continue
    }
    if (breakable) units.push(segment)
    else units[last] = prev + segment
    afterSpace = false
  }
  return units
}

/** A unit too long for a line, cut between characters (graphemes) into pieces that fit. */
function splitGraphemes(unit: string, perLine: number): string[] {
  const out: string[] = []
  let cur = ''
  for (const { segment } of graphemes.segment(unit)) {
    if (cur && ems(cur + segment) > perLine) {
      out.push(cur)
      cur = segment
    } else cur += segment
  }
  if (cur) out.push(cur)
  return out
}

/**
 * A paragraph laid out in lines of at most `perLine` ems, or null when a word of a spaced script
 * would have to be split (unless `force`, at the smallest size).
 */
function layoutParagraph(paragraph: string, perLine: number, force: boolean): string[] | null {
  const lines: string[] = []
  let line = ''
  for (const unit of breakUnits(paragraph)) {
    const trimmed = unit.trimEnd()
    if (ems(line + trimmed) <= perLine) {
      line += unit
      continue
    }
    if (line) lines.push(line.trimEnd())
    if (ems(trimmed) <= perLine) {
      line = unit
      continue
    }
    if (!force && !unspaced(trimmed)) return null
    const pieces = splitGraphemes(trimmed, perLine)
    lines.push(...pieces.slice(0, -1))
    line = pieces.at(-1) ?? ''
  }
  lines.push(line.trimEnd())
  return lines
}

function layoutText(text: string, perLine: number, force: boolean): string[] | null {
  const out: string[] = []
  for (const paragraph of text.split('\n')) {
    const lines = layoutParagraph(paragraph, perLine, force)
    if (!lines) return null
    out.push(...lines)
  }
  return out
}

/** Lines a paragraph takes at `perLine` ems per line, or Infinity if a word must be split. */
function linesOf(paragraph: string, perLine: number): number {
  return layoutParagraph(paragraph, perLine, false)?.length ?? Infinity
}

export interface NoteLayout {
  fontSize: number
  /** The text in the lines it is drawn in, broken where its script allows. */
  lines: string[]
}

/**
 * The largest size at which the text fits, with its lines. No size goes below `floor` (board
 * pixels, from the zoom, see lod.ts): text that does not fit at it keeps its first lines, the
 * last ending in "…", rather than shrinking to specks; a word longer than a line is broken.
 * In a box too narrow for that (a line of a few letters) the floor comes down to what fits
 * about six letters a line.
 */
export function noteLayout(text: string, w: number, h: number, floor = 0): NoteLayout {
  const innerW = Math.max(10, w - 2 * NOTE_PADDING)
  const innerH = Math.max(10, h - 2 * NOTE_PADDING)
  const perLineAt = (size: number) => (innerW / size) * FIT
  // The floor gives way on a box so narrow at it that a line would hold a few letters only.
  const smallest = Math.max(SIZES[SIZES.length - 1]!, Math.min(floor, perLineAt(1) / MIN_LINE_EMS))
  for (const size of SIZES) {
    if (size < smallest) break
    const lines = layoutText(text, perLineAt(size), false)
    if (lines && lines.length * size * LINE_HEIGHT <= innerH) return { fontSize: size, lines }
  }
  // At the floor: whole words where they fit a line, a word longer than a line broken.
  const perLine = perLineAt(smallest)
  const lines = layoutText(text, perLine, false) ?? layoutText(text, perLine, true)!
  return cut(lines, smallest, perLine, innerH)
}

/** The first lines that fit the height at `size`, the last ending in "…" when some are left. */
function cut(lines: string[], size: number, perLine: number, innerH: number): NoteLayout {
  const fit = Math.max(1, Math.floor(innerH / (size * LINE_HEIGHT)))
  if (lines.length <= fit) return { fontSize: size, lines }
  const kept = lines.slice(0, fit)
  let last = kept[fit - 1]!
  while (last && ems(last + '…') > perLine) last = [...last].slice(0, -1).join('')
  kept[fit - 1] = last.trimEnd() + '…'
  return { fontSize: size, lines: kept }
}

export function noteFontSize(text: string, w: number, h: number): number {
  return noteLayout(text, w, h).fontSize
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
