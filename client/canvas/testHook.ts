/**
 * `window.__canvas`, for end-to-end tests, the canvas bench and debugging: the document's
 * connectors and tags, what the canvas last drew for connectors (in screen pixels), pixels of a
 * layer. It never changes the document; `centerOn` moves this page's view only.
 */
import type Konva from 'konva'
import { useEffect } from 'react'
import type { ConnectorRecord, Item, TagRecord } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import type { PlacedConnector } from './visibleConnectors.ts'
import { TEST_HOOKS } from '../lib/testHooks.ts'

export interface CanvasHook {
  connectors(): ConnectorRecord[]
  tags(): TagRecord[]
  item(id: string): Item | null
  selection(): string[]
  camera(): { x: number; y: number; scale: number }
  /** Connectors as last drawn: ends and middle in screen pixels of the canvas. */
  drawn(): { id: string; start: Pt; end: Pt; mid: Pt }[]
  /** [r, g, b, a] of a layer's canvas at a screen point. */
  pixel(layer: string, x: number, y: number): number[]
  stats(): { items: number; connectors: number; tags: number }
  /** Ids of the first `n` post-its in drawing order. */
  noteIds(n: number): string[]
  /** Ids of the private post-its this page draws (private writing, its author only). */
  privateIds(): string[]
  /** Puts an item in the middle of the view at `scale`. */
  centerOn(id: string, scale: number): void
}
type Pt = { x: number; y: number }

declare global {
  interface Window {
    __canvas?: CanvasHook
  }
}

let lastDrawn: PlacedConnector[] = []
/** Called by the connectors layer with what it draws. */
export const recordDrawn = (list: PlacedConnector[]) => {
  if (TEST_HOOKS) lastDrawn = list
}

export function useCanvasTestHook(editor: Editor, stage: () => Konva.Stage | null): void {
  useEffect(() => {
    if (!TEST_HOOKS) return
    const toScreen = (p: Pt) => editor.toScreen(p)
    window.__canvas = {
      connectors: () => editor.connectors.all(),
      tags: () => editor.tags.all(),
      item: (id) => editor.items.get(id) ?? null,
      selection: () => [...editor.view.get().selection],
      camera: () => editor.view.get().camera,
      drawn: () =>
        lastDrawn.map((p) => ({
          id: p.record.id,
          start: toScreen(p.start),
          end: toScreen(p.end),
          mid: toScreen({ x: (p.start.x + p.end.x) / 2, y: (p.start.y + p.end.y) / 2 }),
        })),
      stats: () => ({
        items: editor.items.size,
        connectors: editor.connectors.size,
        tags: editor.tags.size,
      }),
      noteIds: (n) =>
        editor.items
          .all()
          .filter((i) => i.kind === 'note')
          .slice(0, n)
          .map((i) => i.id),
      privateIds: () =>
        editor.items
          .all()
          .filter((i) => editor.items.isPrivate(i.id))
          .map((i) => i.id),
      centerOn: (id, scale) => {
        const item = editor.items.get(id)
        if (!item) return
        const { size } = editor.view.get()
        editor.setCamera({
          scale,
          x: size.width / 2 - (item.x + item.w / 2) * scale,
          y: size.height / 2 - (item.y + item.h / 2) * scale,
        })
      },
      pixel: (name, x, y) => {
        const layer = stage()?.findOne<Konva.Layer>(`.${name}`)
        if (!layer) return []
        const canvas = layer.getCanvas()
        const ratio = canvas.getPixelRatio()
        const data = canvas
          .getContext()
          ._context.getImageData(Math.round(x * ratio), Math.round(y * ratio), 1, 1).data
        return [...data]
      },
    }
    return () => {
      delete window.__canvas
    }
  }, [editor, stage])
}
