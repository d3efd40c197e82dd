/**
 * What a picture of the board or of one poster shows: the items and connectors inside it, its
 * bounds, and the dots on each item. Pure reads of the document, shared by SVG, PNG and PDF.
 */
import type * as Y from 'yjs'
import { bounds } from '../geometry/index.ts'
import {
  compareDrawOrder,
  connectors,
  dots,
  items,
  readMeta,
  readSetup,
  rounds,
  tags,
} from '../doc/index.ts'
import type { ConnectorRecord, FrameRecord, Item } from '../schema/index.ts'
import { compareReading } from './order.ts'

export interface Box {
  x: number
  y: number
  w: number
  h: number
}

export interface PictureScene {
  /** Board area the picture covers, margin included. */
  bounds: Box
  /** In drawing order. */
  items: Item[]
  connectors: ConnectorRecord[]
  /** Dots per item id, from rounds whose dots may be seen. */
  dots: Map<string, number>
  /** Every item by id, for connector ends attached to items outside the picture. */
  byId: Map<string, Item>
  tagNames: Map<string, string>
  /** Board (and poster) title with the content's licence, printed in the bottom margin. */
  caption: string
}

/** Short licence names for the caption; 'none' prints nothing. */
const LICENSE_SHORT: Record<string, string> = {
  'CC-BY-SA-4.0': 'CC BY-SA 4.0',
  'CC-BY-4.0': 'CC BY 4.0',
  'CC0-1.0': 'CC0 1.0',
}

const BOARD_MARGIN = 40
const POSTER_MARGIN = 24

/** The posters of the board in reading order (as the text exports list them). */
export function posters(doc: Y.Doc): FrameRecord[] {
  return items(doc)
    .all()
    .filter((i): i is FrameRecord => i.kind === 'frame')
    .sort(compareReading)
}

/** The whole board, or one poster with what is on it. Null for an unknown poster. */
export function pictureScene(doc: Y.Doc, frameId: string | null = null): PictureScene | null {
  const all = items(doc).all().sort(compareDrawOrder)
  const byId = new Map(all.map((i) => [i.id, i]))
  const found = frameId === null ? undefined : byId.get(frameId)
  if (frameId !== null && found?.kind !== 'frame') return null
  const frame = found?.kind === 'frame' ? found : null
  const shown = frame ? all.filter((i) => i.id === frame.id || i.parentId === frame.id) : all
  const ids = new Set(shown.map((i) => i.id))
  const lines = connectors(doc)
    .all()
    .sort(compareDrawOrder)
    .filter((c) =>
      frame
        ? // On a poster: arrows between its items, or free ends lying on it.
          [c.from, c.to].every((end) => (end.itemId ? ids.has(end.itemId) : inside(end, frame)))
        : true,
    )
  // A poster's picture also takes in post-its that hang over its edge.
  const bounds = frame
    ? grow(union(shown), POSTER_MARGIN)
    : grow(union([...shown, ...lines.flatMap((c) => [point(c.from), point(c.to)])]), BOARD_MARGIN)
  const license = LICENSE_SHORT[readSetup(doc).license]
  const title = [readMeta(doc).title, frame?.title].filter((t) => t && t.trim()).join(' — ')
  return {
    bounds,
    items: shown,
    connectors: lines,
    dots: visibleDots(doc),
    byId,
    tagNames: new Map(
      tags(doc)
        .all()
        .map((t) => [t.id, t.name]),
    ),
    caption: [title, license].filter(Boolean).join(' · '),
  }
}

/** Dots of rounds that show them: revealed ones, and open ones that do not hide until reveal. */
export function visibleDots(doc: Y.Doc): Map<string, number> {
  const shown = new Set(
    rounds(doc)
      .all()
      .filter((r) => r.state === 'revealed' || !r.hideUntilReveal)
      .map((r) => r.id),
  )
  const counts = new Map<string, number>()
  for (const d of dots(doc).all()) {
    if (shown.has(d.roundId)) counts.set(d.itemId, (counts.get(d.itemId) ?? 0) + 1)
  }
  return counts
}

const point = (p: { x: number; y: number }): Box => ({ x: p.x, y: p.y, w: 0, h: 0 })
const inside = (p: { x: number; y: number }, b: Box) =>
  p.x >= b.x && p.x <= b.x + b.w && p.y >= b.y && p.y <= b.y + b.h

const union = (boxes: Box[]): Box => bounds(boxes) ?? { x: 0, y: 0, w: 800, h: 600 }

const grow = (b: Box, m: number): Box => ({
  x: b.x - m,
  y: b.y - m,
  w: b.w + 2 * m,
  h: b.h + 2 * m,
})
