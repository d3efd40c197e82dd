/**
 * Draws one connector straight onto a 2D canvas context: line (solid or dashed), arrowheads, the
 * process-map mark (heart, question mark, lightning on a broken line) and the label. One function
 * serves the detailed Konva shape and the far-zoom batch, so a map looks the same at every zoom.
 * Sizes are in board units times `k` (see markScale), so marks keep a legible size on screen.
 */
import type { Point } from '../../shared/geometry/index.ts'
import type { ConnectorRecord } from '../../shared/schema/index.ts'
import {
  ACCENT,
  BREAK_INK,
  CONNECTOR_STROKE,
  FONT_FAMILY,
  HEART_FILL,
  INK,
  QUESTION_INK,
} from './palette.ts'

export type ConnectorStyle = Pick<
  ConnectorRecord,
  'line' | 'arrowStart' | 'arrowEnd' | 'marker' | 'label' | 'color'
>

/**
 * How much to enlarge strokes and marks at this zoom: 1 from 70% up, more below so that a heart
 * stays about 18 px across on a projector showing the whole board. Stepped, so zooming re-renders
 * connectors only when a step is crossed.
 */
export function markScale(scale: number): number {
  const raw = Math.max(1, 0.7 / scale)
  return Math.pow(2, Math.ceil(Math.log2(raw) * 2) / 2)
}

export const LINE_WIDTH = 3
export const MARK_RADIUS = 14
const ARROW_LENGTH = 16
const ARROW_WIDTH = 14
/** Font size, height and side padding of an arrow's label, in board units (not scaled by k). */
export const LABEL_SIZE = 16
export const LABEL_HEIGHT = LABEL_SIZE * 1.5
export const LABEL_PAD = 6
export const LABEL_FONT = `${LABEL_SIZE}px ${FONT_FAMILY}`
export const LABEL_FILL = 'rgba(255,255,255,0.92)'
export const LABEL_RADIUS = 4

// A heart in a 24×24 box (centre at 12, 12).
const HEART_PATH =
  'M12 21.5c-.4 0-8.8-5.2-10.3-10.4C.6 7.2 3.1 3.5 6.9 3.5c2.2 0 3.9 1.2 5.1 3 1.2-1.8 2.9-3 5.1-3 3.8 0 6.3 3.7 5.2 7.6C20.8 16.3 12.4 21.5 12 21.5z'
let heartPath: Path2D | null = null
const heart = () => (heartPath ??= new Path2D(HEART_PATH))

export interface DrawOptions {
  selected?: boolean
  /** Draw the label text (off when zoomed too far out to read it). */
  label?: boolean
}

export function drawConnector(
  ctx: CanvasRenderingContext2D,
  start: Point,
  end: Point,
  style: ConnectorStyle,
  k: number,
  options: DrawOptions = {},
): void {
  const dx = end.x - start.x
  const dy = end.y - start.y
  const len = Math.hypot(dx, dy)
  if (len < 0.5) return
  const ux = dx / len
  const uy = dy / len
  const width = LINE_WIDTH * k
  const head = Math.min(ARROW_LENGTH * k, len / 3)
  const color = CONNECTOR_STROKE[style.color]
  const a = style.arrowStart ? { x: start.x + ux * head, y: start.y + uy * head } : start
  const b = style.arrowEnd ? { x: end.x - ux * head, y: end.y - uy * head } : end

  ctx.save()
  ctx.lineCap = style.line === 'broken' ? 'butt' : 'round'
  ctx.lineJoin = 'round'
  if (options.selected) {
    ctx.strokeStyle = ACCENT
    ctx.globalAlpha = 0.3
    ctx.lineWidth = width + 8 * k
    ctx.beginPath()
    ctx.moveTo(start.x, start.y)
    ctx.lineTo(end.x, end.y)
    ctx.stroke()
    ctx.globalAlpha = 1
  }
  ctx.strokeStyle = color
  ctx.lineWidth = width
  if (style.line === 'broken') ctx.setLineDash([4 * width, 2.5 * width])
  ctx.beginPath()
  ctx.moveTo(a.x, a.y)
  ctx.lineTo(b.x, b.y)
  ctx.stroke()
  ctx.setLineDash([])

  ctx.fillStyle = color
  if (style.arrowEnd)
    arrowHead(ctx, end, ux, uy, head, (ARROW_WIDTH * k * head) / (ARROW_LENGTH * k))
  if (style.arrowStart)
    arrowHead(ctx, start, -ux, -uy, head, (ARROW_WIDTH * k * head) / (ARROW_LENGTH * k))

  const mid = { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 }
  const r = markRadius(len, k)
  if (style.line === 'broken') {
    // A lightning across the line: a break that still reads when dashes blur on a projector.
    const offset = style.marker === 'none' || len < 7 * r ? 0 : 2.8 * r
    lightning(ctx, { x: mid.x - ux * offset, y: mid.y - uy * offset }, ux, uy, r)
  }
  if (style.marker === 'heart') {
    const s = (2.2 * r) / 24
    ctx.save()
    ctx.translate(mid.x - 12 * s, mid.y - 12 * s)
    ctx.scale(s, s)
    ctx.fillStyle = HEART_FILL
    ctx.strokeStyle = '#fff'
    ctx.lineWidth = 2.5
    ctx.stroke(heart())
    ctx.fill(heart())
    ctx.restore()
  } else if (style.marker === 'question') {
    ctx.beginPath()
    ctx.arc(mid.x, mid.y, r, 0, Math.PI * 2)
    ctx.fillStyle = '#fff'
    ctx.fill()
    ctx.lineWidth = 2.5 * k
    ctx.strokeStyle = QUESTION_INK
    ctx.stroke()
    ctx.fillStyle = QUESTION_INK
    ctx.font = `bold ${1.45 * r}px ${FONT_FAMILY}`
    ctx.textAlign = 'center'
    ctx.textBaseline = 'middle'
    ctx.fillText('?', mid.x, mid.y + 0.08 * r)
  }

  if (options.label !== false && style.label.trim()) {
    drawLabel(ctx, style.label, labelCenter(start, end, style.marker, k))
  }
  ctx.restore()
}

/** Radius of an arrow's mark: it grows when zoomed out, but never swallows a short arrow. */
export function markRadius(len: number, k: number): number {
  return Math.min(MARK_RADIUS * k, Math.max(2 * MARK_RADIUS, len / 4, 0.5 * MARK_RADIUS * k))
}

/** Where an arrow's label is centred: on its middle, or below its mark when it has one. */
export function labelCenter(
  start: Point,
  end: Point,
  marker: ConnectorRecord['marker'],
  k: number,
): Point {
  const len = Math.hypot(end.x - start.x, end.y - start.y)
  const below = marker === 'none' ? 0 : markRadius(len, k) + LABEL_SIZE * 0.9
  return { x: (start.x + end.x) / 2, y: (start.y + end.y) / 2 + below }
}

/** The label as drawn: trimmed, long ones cut at 80 characters. */
const shownLabel = (text: string) => {
  const trimmed = text.trim()
  return trimmed.length > 80 ? `${trimmed.slice(0, 79)}…` : trimmed
}

/** Width of the label's background in board units, measured on `ctx` (its font is set). */
export function labelWidth(ctx: CanvasRenderingContext2D, text: string): number {
  ctx.font = LABEL_FONT
  return ctx.measureText(shownLabel(text)).width + 2 * LABEL_PAD
}

function arrowHead(
  ctx: CanvasRenderingContext2D,
  tip: Point,
  ux: number,
  uy: number,
  length: number,
  width: number,
) {
  const bx = tip.x - ux * length
  const by = tip.y - uy * length
  ctx.beginPath()
  ctx.moveTo(tip.x, tip.y)
  ctx.lineTo(bx - (uy * width) / 2, by + (ux * width) / 2)
  ctx.lineTo(bx + (uy * width) / 2, by - (ux * width) / 2)
  ctx.closePath()
  ctx.fill()
}

function lightning(ctx: CanvasRenderingContext2D, at: Point, ux: number, uy: number, r: number) {
  // Local axes: u along the line, v across it.
  const px = (u: number, v: number) => at.x + ux * u - uy * v
  const py = (u: number, v: number) => at.y + uy * u + ux * v
  const pts: [number, number][] = [
    [-0.35 * r, -r],
    [0.2 * r, -0.15 * r],
    [-0.2 * r, 0.15 * r],
    [0.35 * r, r],
  ]
  ctx.beginPath()
  pts.forEach(([u, v], i) => (i ? ctx.lineTo(px(u, v), py(u, v)) : ctx.moveTo(px(u, v), py(u, v))))
  ctx.lineCap = 'round'
  ctx.lineJoin = 'miter'
  ctx.strokeStyle = '#fff'
  ctx.lineWidth = 0.55 * r
  ctx.stroke()
  ctx.strokeStyle = BREAK_INK
  ctx.lineWidth = 0.28 * r
  ctx.stroke()
}

function drawLabel(ctx: CanvasRenderingContext2D, text: string, at: Point) {
  const w = labelWidth(ctx, text)
  ctx.textAlign = 'center'
  ctx.textBaseline = 'middle'
  ctx.fillStyle = LABEL_FILL
  ctx.beginPath()
  ctx.roundRect(at.x - w / 2, at.y - LABEL_HEIGHT / 2, w, LABEL_HEIGHT, LABEL_RADIUS)
  ctx.fill()
  ctx.fillStyle = INK
  ctx.fillText(shownLabel(text), at.x, at.y)
}

/** The box a connector may paint into, for culling. */
export function connectorBounds(start: Point, end: Point, k: number) {
  const pad = (MARK_RADIUS + 4) * k + 40
  const x = Math.min(start.x, end.x) - pad
  const y = Math.min(start.y, end.y) - pad
  return { x, y, w: Math.abs(end.x - start.x) + 2 * pad, h: Math.abs(end.y - start.y) + 2 * pad }
}
