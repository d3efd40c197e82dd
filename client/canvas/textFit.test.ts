import { afterEach, describe, expect, it } from 'vitest'
import {
  labelTextHeight,
  NOTE_PADDING,
  noteFontSize,
  noteLayout,
  setTextMeasure,
  textDirection,
  type TextMeasure,
} from './textFit.ts'

afterEach(() => setTextMeasure(null))

describe('noteFontSize', () => {
  it('writes short notes large and long notes small', () => {
    const short = noteFontSize('Code review', 200, 200)
    const long = noteFontSize(
      'Define the update mechanism for third-party tools '.repeat(4),
      200,
      200,
    )
    expect(short).toBeGreaterThanOrEqual(24)
    expect(long).toBeLessThan(short)
  })

  it('never picks a size at which a measured word is wider than the note', () => {
    // A font whose "m" is wide, as in real fonts, unlike the estimate's average glyph.
    const measure: TextMeasure = (text) =>
      [...text].reduce((w, ch) => w + (ch === 'm' ? 0.95 : ch === ' ' ? 0.28 : 0.58), 0)
    setTextMeasure(measure)
    const size = noteFontSize('Shared roadmap', 160, 160)
    expect(measure('roadmap') * size).toBeLessThanOrEqual(160 - 2 * NOTE_PADDING)
    setTextMeasure(null)
    // The estimate alone picks a size at which that word would be broken in two.
    const estimated = noteFontSize('Shared roadmap', 160, 160)
    expect(measure('roadmap') * estimated).toBeGreaterThan(160 - 2 * NOTE_PADDING)
  })

  it('grows with the note', () => {
    const text = 'Who is responsible for the deployment pipeline?'
    expect(noteFontSize(text, 400, 400)).toBeGreaterThan(noteFontSize(text, 160, 160))
  })
})

describe('scripts', () => {
  it('lets CJK text break between characters instead of shrinking to the minimum', () => {
    const cjk = '誰がデプロイの責任者ですか'
    expect(noteFontSize(cjk, 200, 200)).toBeGreaterThanOrEqual(18)
    // A long Latin word that cannot break still shrinks.
    expect(noteFontSize('Supercalifragilisticexpialidocious', 200, 200)).toBeLessThan(18)
  })

  it('finds the direction of a text from its first strong character', () => {
    expect(textDirection('מי אחראי על הפריסה?')).toBe('rtl')
    expect(textDirection('123 من المسؤول')).toBe('rtl')
    expect(textDirection('SRE: מי אחראי')).toBe('ltr')
    expect(textDirection('誰が')).toBe('ltr')
    expect(textDirection('')).toBe('ltr')
  })
})

describe('labelTextHeight', () => {
  it('counts wrapped lines, line breaks and words longer than a line', () => {
    const line = 24 * 1.2
    expect(labelTextHeight('Legend', 240, 24)).toBe(Math.ceil(line))
    expect(labelTextHeight('Legend\nHeart\nQuestion', 240, 24)).toBe(Math.ceil(3 * line))
    const wrapped = labelTextHeight('a good connection between two groups of people', 240, 24)
    expect(wrapped).toBeGreaterThanOrEqual(Math.ceil(2 * line))
    expect(labelTextHeight('x'.repeat(60), 240, 24)).toBeGreaterThanOrEqual(Math.ceil(2 * line))
  })
})

describe('noteLayout', () => {
  // Real fonts draw CJK glyphs a full em wide and Latin about half.
  const measure: TextMeasure = (text) =>
    [...text].reduce((w, ch) => w + (/[\u3000-\u9fff\uff00-\uffef]/u.test(ch) ? 1 : 0.55), 0)

  it('breaks CJK text between its words and keeps every character', () => {
    setTextMeasure(measure)
    const text = 'コードレビューの担当者は誰ですか'
    const { fontSize, lines } = noteLayout(text, 160, 160)
    expect(lines.join('')).toBe(text)
    expect(lines.length).toBeGreaterThan(1)
    for (const line of lines)
      expect(measure(line) * fontSize).toBeLessThanOrEqual(160 - 2 * NOTE_PADDING)
    expect(fontSize).toBeGreaterThanOrEqual(18)
    // Punctuation never starts a line.
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[、。？！]/u)
  })

  it('breaks Thai between its words, and Latin only at spaces', () => {
    setTextMeasure(measure)
    const thai = 'ใครเป็นผู้รับผิดชอบการปรับใช้ระบบ'
    const laid = noteLayout(thai, 160, 160)
    expect(laid.lines.join('')).toBe(thai)
    const latin = noteLayout('Who owns the deployment pipeline?', 160, 160)
    for (const line of latin.lines) expect(line.startsWith(' ')).toBe(false)
    expect(latin.lines.join(' ')).toBe('Who owns the deployment pipeline?')
  })

  it('keeps long post-its at a readable size, ending in an ellipsis', () => {
    const long = 'Define the update mechanism for third-party tools and who owns it. '.repeat(12)
    const { fontSize, lines } = noteLayout(long, 160, 160)
    expect(fontSize).toBeGreaterThanOrEqual(14)
    expect(lines.at(-1)!.endsWith('…')).toBe(true)
  })

  it('cuts long text to its first lines at the zoom’s floor instead of shrinking it', () => {
    const long = 'Who reviews the deploy plan when the team is away at the offsite? '.repeat(3)
    const free = noteLayout(long, 200, 200)
    expect(free.fontSize).toBe(14)
    const floored = noteLayout(long, 200, 200, 42)
    expect(floored.fontSize).toBe(42)
    expect(floored.lines.length).toBeLessThan(free.lines.length)
    expect(floored.lines.at(-1)!.endsWith('…')).toBe(true)
    expect(long.startsWith(floored.lines.slice(0, -1).join(' '))).toBe(true)
    // A small post-it far out keeps words whole rather than a few letters a line.
    const narrow = noteLayout(long, 160, 160, 56)
    expect(narrow.fontSize).toBeLessThan(56)
    expect(narrow.fontSize).toBeGreaterThan(14)
    expect(narrow.lines[0]).toBe('Who')
    // Short text keeps its own, larger size.
    expect(noteLayout('Who?', 200, 200, 42).fontSize).toBeGreaterThanOrEqual(42)
  })
})
