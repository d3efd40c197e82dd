/**
 * The connectors to draw and where their ends are now: attached ends resolved against their
 * items (moved by a drag in progress), culled to the view. Paths are cached per connector and
 * recomputed only when the connector, one of its items or the drag changes, so panning is cheap
 * and unchanged connectors keep their identity for memoized shapes.
 */
import { connectorPath, type Point, type Rect } from '../../shared/geometry/index.ts'
import type { ConnectorRecord, Item } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { DerivedStore } from '../lib/derivedStore.ts'
import { shallowEqual } from '../lib/store.ts'
import { connectorBounds, markScale } from './connectorDraw.ts'
import { intersects, visibleRect } from './viewport.ts'

export interface PlacedConnector {
  record: ConnectorRecord
  start: Point
  end: Point
  bounds: Rect
}

interface Cached {
  placed: PlacedConnector
  from: Item | undefined
  to: Item | undefined
  dx: number
  dy: number
  k: number
}

const MARGIN = 200

export class VisibleConnectors extends DerivedStore {
  private list: PlacedConnector[] = []
  private readonly cache = new Map<string, Cached>()
  private last: unknown[] = []

  constructor(private readonly editor: Editor) {
    super()
    this.recompute()
  }

  protected connect(): (() => void)[] {
    this.recompute()
    const { editor } = this
    const again = () => this.recompute()
    return [
      editor.connectors.subscribe(again),
      editor.items.subscribe(again),
      editor.view.subscribe(() => {
        const s = editor.view.get()
        const key = [s.camera, s.size, s.drag]
        if (!shallowEqual(key, this.last)) this.recompute()
      }),
    ]
  }

  /** Where every connector is now (not culled), for exports of the view and tests. */
  placeAll(): PlacedConnector[] {
    return this.editor.connectors.all().map((c) => this.place(c))
  }

  private place(c: ConnectorRecord): PlacedConnector {
    const { editor } = this
    const { drag, camera } = editor.view.get()
    const k = markScale(camera.scale)
    const from = c.from.itemId ? editor.items.get(c.from.itemId) : undefined
    const to = c.to.itemId ? editor.items.get(c.to.itemId) : undefined
    const moving = (id: string | null | undefined) => Boolean(id && drag?.ids.has(id))
    // A connector moves with a drag when one of its items, or it itself, is being dragged.
    const affected = moving(c.id) || moving(from?.id) || moving(to?.id)
    const dx = affected ? drag!.dx : 0
    const dy = affected ? drag!.dy : 0
    const hit = this.cache.get(c.id)
    if (
      hit &&
      hit.placed.record === c &&
      hit.from === from &&
      hit.to === to &&
      hit.dx === dx &&
      hit.dy === dy &&
      hit.k === k
    ) {
      return hit.placed
    }
    const boxOf = (id: string): Rect | undefined => {
      const item = editor.items.get(id)
      if (!item) return undefined
      return moving(id) ? { x: item.x + dx, y: item.y + dy, w: item.w, h: item.h } : item
    }
    const shifted = moving(c.id)
      ? {
          from: { ...c.from, x: c.from.x + dx, y: c.from.y + dy },
          to: { ...c.to, x: c.to.x + dx, y: c.to.y + dy },
        }
      : c
    const path = connectorPath(shifted, boxOf)
    const placed = {
      record: c,
      start: path.start,
      end: path.end,
      bounds: connectorBounds(path.start, path.end, k),
    }
    this.cache.set(c.id, { placed, from, to, dx, dy, k })
    return placed
  }

  private recompute(): void {
    const { camera, size, drag } = this.editor.view.get()
    this.last = [camera, size, drag]
    const view = visibleRect(camera, size, MARGIN)
    const next: PlacedConnector[] = []
    const all = this.editor.connectors.all()
    for (const c of all) {
      const placed = this.place(c)
      if (intersects(placed.bounds, view)) next.push(placed)
    }
    if (this.cache.size > all.length * 2) {
      for (const id of this.cache.keys()) if (!this.editor.connectors.get(id)) this.cache.delete(id)
    }
    if (shallowEqual(next, this.list)) return
    this.list = next
    this.notify()
  }

  get = (): PlacedConnector[] => this.list
}
