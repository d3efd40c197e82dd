/**
 * A picture of the board or of one poster as SVG, drawn from the records alone: posters with
 * their lanes, post-its with wrapped text, takeaway headings, tags and dots, labels, and
 * connectors with arrowheads, hearts and question marks. The client rasterises it for PNG and
 * PDF, so every picture format shows the same thing.
 */
import type {
  ConnectorRecord,
  FrameRecord,
  ImageRecord,
  Item,
  NoteRecord,
} from '../schema/index.ts'
import {
  CONNECTOR_STROKE,
  FONT_FAMILY,
  FRAME_FILL,
  HEART_FILL,
  INK,
  MUTED_INK,
  NOTE_FILL,
  QUESTION_INK,
} from '../palette/index.ts'
import type { Box, PictureScene } from './picture.ts'
import { estimateWidth, truncate, wrapText, type Measure } from './text-wrap.ts'

export interface SvgOptions {
  /** Text widths; the browser passes canvas measureText for exact wrapping. */
  measure?: Measure
  /** Pictures' bytes as data URLs by hash; a picture not in it is drawn as a labelled frame. */
  images?: ReadonlyMap<string, string>
}

export interface SvgPicture {
  svg: string
  /** Size in board units (1 unit = 1 CSS pixel at 100 %). */
  width: number
  height: number
}

export const PICTURE_FONT = FONT_FAMILY

const STROKE = CONNECTOR_STROKE
const MUTED = MUTED_INK
const DOT = HEART_FILL
const HEART = HEART_FILL
const QUESTION = QUESTION_INK
const TITLE_HEIGHT = 56
const NOTE_PADDING = 14
const LINE_HEIGHT = 1.25
const NOTE_SIZES = [32, 28, 24, 21, 18, 16, 14, 12, 10]

export function renderSvg(scene: PictureScene, options: SvgOptions = {}): SvgPicture {
  const measure = options.measure ?? estimateWidth
  const { bounds: b } = scene
  const width = Math.ceil(b.w)
  const height = Math.ceil(b.h)
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
      `viewBox="${n(b.x)} ${n(b.y)} ${width} ${height}" font-family="${attr(PICTURE_FONT)}">`,
    `<title>${xml(scene.caption)}</title>`,
    `<rect x="${n(b.x)}" y="${n(b.y)}" width="${width}" height="${height}" fill="#ffffff"/>`,
  ]
  // Posters first, so arrows between post-its stay visible above them.
  for (const item of scene.items) if (item.kind === 'frame') parts.push(frame(item, measure))
  for (const c of scene.connectors) parts.push(connector(c, scene))
  for (const item of scene.items) {
    const drawn = drawAbove(item, scene, measure, options.images)
    if (drawn) parts.push(drawn)
  }
  if (scene.caption) {
    parts.push(
      text(b.x + b.w - 8, b.y + b.h - 7, truncate(scene.caption, b.w - 16, 11, measure), {
        size: 11,
        fill: MUTED,
        anchor: 'end',
      }),
    )
  }
  parts.push('</svg>')
  return { svg: parts.join('\n'), width, height }
}

function frame(f: FrameRecord, measure: Measure): string {
  const out = [
    `<g data-id="${attr(f.id)}">`,
    `<rect x="${n(f.x)}" y="${n(f.y)}" width="${n(f.w)}" height="${n(f.h)}" rx="10" ` +
      `fill="${FRAME_FILL[f.color] ?? '#fff'}" stroke="#c4cad3" stroke-width="2"/>`,
    `<path d="M${n(f.x + 1)} ${n(f.y + TITLE_HEIGHT)}H${n(f.x + f.w - 1)}" stroke="#d8dde3"/>`,
    text(f.x + 20, f.y + TITLE_HEIGHT / 2 + 9, truncate(f.title, f.w - 40, 26, measure, true), {
      size: 26,
      bold: true,
    }),
  ]
  const laneW = f.lanes.length ? f.w / f.lanes.length : 0
  f.lanes.forEach((lane, i) => {
    const x = f.x + i * laneW
    if (i > 0) {
      out.push(
        `<path d="M${n(x)} ${n(f.y + TITLE_HEIGHT)}V${n(f.y + f.h)}" stroke="#c4cad3" ` +
          `stroke-dasharray="6 6"/>`,
      )
    }
    out.push(
      text(x + 16, f.y + TITLE_HEIGHT + 27, truncate(lane.title, laneW - 32, 18, measure, true), {
        size: 18,
        bold: true,
        fill: MUTED,
      }),
    )
  })
  out.push('</g>')
  return out.join('\n')
}

function note(nr: NoteRecord, scene: PictureScene, measure: Measure): string {
  const { x, y, w, h } = nr
  const out = [
    `<g data-id="${attr(nr.id)}">`,
    `<rect x="${n(x + 1)}" y="${n(y + 3)}" width="${n(w)}" height="${n(h)}" rx="4" ` +
      `fill="#000" fill-opacity="0.12"/>`,
    `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="4" ` +
      `fill="${NOTE_FILL[nr.color] ?? NOTE_FILL.yellow}"` +
      (nr.step === 'missing'
        ? ` stroke="${INK}" stroke-width="2" stroke-dasharray="8 6"`
        : nr.color === 'white'
          ? ' stroke="#d0d7de"'
          : '') +
      '/>',
  ]
  // Small print above and below leaves the middle to the text.
  const top = nr.takeaway ? 20 : 0
  const tagLine = nr.tags.flatMap((id) => scene.tagNames.get(id) ?? []).join(' · ')
  const votes = scene.dots.get(nr.id) ?? 0
  const bottom = tagLine || votes ? 22 : 0
  if (nr.takeaway) {
    out.push(
      text(x + 8, y + 15, truncate(`★ ${nr.takeaway}`, w - 16, 11, measure, true), {
        size: 11,
        bold: true,
        fill: MUTED,
      }),
    )
  }
  const innerW = Math.max(10, w - 2 * NOTE_PADDING)
  const innerH = Math.max(10, h - 2 * NOTE_PADDING - top - bottom)
  const { size, lines } = fitText(nr.text, innerW, innerH, measure)
  const lineH = size * LINE_HEIGHT
  const maxLines = Math.max(1, Math.floor(innerH / lineH))
  const shown =
    lines.length > maxLines ? [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1]}…`] : lines
  const cy = y + NOTE_PADDING + top + innerH / 2
  const y0 = cy - (shown.length * lineH) / 2 + size * 0.85
  shown.forEach((line, i) => {
    out.push(text(x + w / 2, y0 + i * lineH, line, { size, anchor: 'middle' }))
  })
  if (nr.step === 'exists') {
    out.push(
      `<circle cx="${n(x + w - 12)}" cy="${n(y + 12)}" r="8" fill="#2b8a3e"/>`,
      `<path d="M${n(x + w - 16)} ${n(y + 12)}l3 3l5-6" stroke="#fff" stroke-width="2" fill="none"/>`,
    )
  }
  if (votes) out.push(dotRow(x + w - 10, y + h - 12, votes, measure))
  if (tagLine) {
    const room = w - 16 - (votes ? Math.min(votes, 5) * 11 + 40 : 0)
    out.push(
      text(x + 8, y + h - 8, truncate(tagLine, Math.max(20, room), 11, measure), {
        size: 11,
        fill: MUTED,
      }),
    )
  }
  if (nr.involved.trim()) {
    out.push(
      text(x + w / 2, y + h + 16, truncate(nr.involved, w + 40, 12, measure), {
        size: 12,
        fill: MUTED,
        anchor: 'middle',
      }),
    )
  }
  out.push('</g>')
  return out.join('\n')
}

/** Dots as they were stuck on, right to left from the corner, with the count beside them. */
function dotRow(right: number, cy: number, votes: number, measure: Measure): string {
  const shown = Math.min(votes, 5)
  const out: string[] = []
  for (let i = 0; i < shown; i++) {
    out.push(
      `<circle cx="${n(right - i * 11)}" cy="${n(cy)}" r="6" fill="${DOT}" stroke="#fff" ` +
        `stroke-width="1.5"/>`,
    )
  }
  const label = `(${votes})`
  const lx = right - (shown - 1) * 11 - 10
  out.push(text(lx, cy + 4, label, { size: 12, bold: true, anchor: 'end' }))
  void measure
  return `<g class="dots" data-votes="${votes}">${out.join('')}</g>`
}

function label(l: Extract<Item, { kind: 'label' }>, measure: Measure): string {
  const lines = wrapText(l.text, Math.max(10, l.w), l.fontSize, measure)
  return lines
    .map((line, i) =>
      text(l.x, l.y + l.fontSize * (0.85 + i * LINE_HEIGHT), line, { size: l.fontSize }),
    )
    .join('\n')
}

function connector(c: ConnectorRecord, scene: PictureScene): string {
  const fromBox = c.from.itemId ? scene.byId.get(c.from.itemId) : undefined
  const toBox = c.to.itemId ? scene.byId.get(c.to.itemId) : undefined
  const aim = (box: Box | undefined, p: { x: number; y: number }) =>
    box ? { x: box.x + box.w / 2, y: box.y + box.h / 2 } : p
  const fromC = aim(fromBox, c.from)
  const toC = aim(toBox, c.to)
  const a = fromBox ? clip(fromBox, fromC, toC) : fromC
  const z = toBox ? clip(toBox, toC, fromC) : toC
  const stroke = STROKE[c.color] ?? STROKE.black!
  const out = [
    `<g data-id="${attr(c.id)}">`,
    `<path d="M${n(a.x)} ${n(a.y)}L${n(z.x)} ${n(z.y)}" stroke="${stroke}" stroke-width="3" ` +
      `fill="none" stroke-linecap="round"${c.line === 'broken' ? ' stroke-dasharray="14 10"' : ''}/>`,
  ]
  if (c.arrowEnd) out.push(arrowHead(a, z, stroke))
  if (c.arrowStart) out.push(arrowHead(z, a, stroke))
  const mid = { x: (a.x + z.x) / 2, y: (a.y + z.y) / 2 }
  if (c.marker === 'heart') {
    out.push(
      `<path transform="translate(${n(mid.x)} ${n(mid.y)})" fill="${HEART}" stroke="#fff" ` +
        `stroke-width="1.5" d="M0 10C-18 -2 -12 -16 0 -7C12 -16 18 -2 0 10Z"/>`,
    )
  } else if (c.marker === 'question') {
    out.push(
      `<circle cx="${n(mid.x)}" cy="${n(mid.y)}" r="13" fill="#fff" stroke="${QUESTION}" ` +
        `stroke-width="2.5"/>`,
      text(mid.x, mid.y + 7, '?', { size: 20, bold: true, fill: QUESTION, anchor: 'middle' }),
    )
  }
  if (c.label.trim()) {
    const dy = c.marker === 'none' ? -8 : -20
    out.push(
      text(mid.x, mid.y + dy, c.label, { size: 14, fill: INK, anchor: 'middle', halo: true }),
    )
  }
  out.push('</g>')
  return out.join('\n')
}

/** Where the line from the box's centre towards `to` leaves the box. */
function clip(box: Box, from: { x: number; y: number }, to: { x: number; y: number }) {
  const dx = to.x - from.x
  const dy = to.y - from.y
  if (dx === 0 && dy === 0) return from
  const tx = dx === 0 ? Infinity : box.w / 2 / Math.abs(dx)
  const ty = dy === 0 ? Infinity : box.h / 2 / Math.abs(dy)
  const t = Math.min(tx, ty, 1)
  return { x: from.x + dx * t, y: from.y + dy * t }
}

function arrowHead(from: { x: number; y: number }, tip: { x: number; y: number }, fill: string) {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x)
  const len = 16
  const spread = 0.45
  const p = (a: number) =>
    `${n(tip.x - len * Math.cos(angle + a))} ${n(tip.y - len * Math.sin(angle + a))}`
  return `<path d="M${n(tip.x)} ${n(tip.y)}L${p(spread)}L${p(-spread)}Z" fill="${fill}"/>`
}

/** The largest of the note sizes at which the wrapped text fits the box. */
function fitText(value: string, w: number, h: number, measure: Measure) {
  for (const size of NOTE_SIZES) {
    const lines = wrapText(value, w, size, measure)
    const brokenWord = unbreakableRuns(value).some((word) => measure(word, size, false) > w)
    if (!brokenWord && lines.length * size * LINE_HEIGHT <= h) return { size, lines }
  }
  const size = NOTE_SIZES[NOTE_SIZES.length - 1]!
  return { size, lines: wrapText(value, w, size, measure) }
}

/**
 * The runs of text a line may not break inside: words between spaces, and in scripts written
 * without spaces (Chinese, Japanese, Thai...) the words Intl.Segmenter finds, so that a long
 * Japanese sentence wraps like the canvas wraps it instead of shrinking to fit as one word.
 */
function unbreakableRuns(value: string): string[] {
  return value
    .split(/\s+/)
    .filter(Boolean)
    .flatMap((token) =>
      NO_SPACE_SCRIPTS.test(token) ? [...WORDS.segment(token)].map((s) => s.segment) : [token],
    )
}
const NO_SPACE_SCRIPTS =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}]/u
const WORDS = new Intl.Segmenter(undefined, { granularity: 'word' })

interface TextStyle {
  size: number
  bold?: boolean
  fill?: string
  anchor?: 'start' | 'middle' | 'end'
  /** A white outline behind the letters, for text lying across lines. */
  halo?: boolean
}

function text(x: number, y: number, value: string, s: TextStyle): string {
  return (
    `<text x="${n(x)}" y="${n(y)}" font-size="${s.size}" fill="${s.fill ?? INK}"` +
    (s.bold ? ' font-weight="700"' : '') +
    (s.anchor && s.anchor !== 'start' ? ` text-anchor="${s.anchor}"` : '') +
    (s.halo ? ' stroke="#fff" stroke-width="4" paint-order="stroke"' : '') +
    ` xml:space="preserve">${xml(value)}</text>`
  )
}

const n = (v: number) => String(Math.round(v * 100) / 100)

/** Text content safe in XML: escaped, without characters XML 1.0 cannot hold. */
function xml(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex -- removing exactly these is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
      .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
  )
}

const attr = (value: string) => xml(value).replace(/"/g, '&quot;')

/**
 * What an item draws above the arrows. Exhaustive over the item kinds: a kind added to the schema
 * and not drawn here is a compile error (noImplicitReturns) and a lint error.
 */
function drawAbove(
  item: Item,
  scene: PictureScene,
  measure: Measure,
  images: ReadonlyMap<string, string> | undefined,
): string | null {
  switch (item.kind) {
    case 'image':
      return picture(item, images?.get(item.hash), measure)
    case 'frame':
      return null // drawn first, under the arrows
    case 'note':
      return note(item, scene, measure)
    case 'label':
      return label(item, measure)
  }
}

/** A photo: embedded when its bytes are at hand (a picture rasterised as an image loads nothing). */
function picture(p: ImageRecord, dataUrl: string | undefined, measure: Measure): string {
  const box = `x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}"`
  const label = xml(p.alt.trim() || 'Photo')
  if (dataUrl)
    return `<image ${box} href="${attr(dataUrl)}" preserveAspectRatio="xMidYMid meet"><title>${label}</title></image>`
  return (
    `<rect ${box} fill="#eceff1" stroke="#90a4ae" stroke-dasharray="6 4"/>` +
    text(p.x + 8, p.y + 20, truncate(p.alt.trim() || 'Photo', p.w - 16, 13, measure), { size: 13 })
  )
}
