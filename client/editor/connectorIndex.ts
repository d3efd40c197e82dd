/**
 * Connectors in a spatial index, so a hit test looks only at the arrows near a point instead of
 * every arrow on the board. A connector's box spans where its ends can be: an attached end lies
 * on its item's border (facing the other end), a free end at its point. Boxes follow the items
 * an arrow is attached to, however they moved (here, elsewhere, an import).
 */
import { bounds, type Rect } from '../../shared/geometry/index.ts'
import type { ConnectorEnd } from '../../shared/schema/index.ts'
import type { ConnectorsStore } from './connectorsStore.ts'
import type { ItemsStore } from './itemsStore.ts'
import { SpatialIndex } from './spatialIndex.ts'

/** Room around each box for the gap connectorPath leaves between an end and its item. */
const GAP = 8

export class ConnectorIndex {
  private readonly index = new SpatialIndex()
  private readonly stops: (() => void)[]

  constructor(
    private readonly connectors: ConnectorsStore,
    private readonly items: ItemsStore,
  ) {
    for (const c of connectors.all()) this.place(c.id)
    this.stops = [
      connectors.subscribe((ids) => {
        for (const id of ids) this.place(id)
      }),
      items.subscribe((ids) => {
        for (const id of connectors.attachedTo(ids)) this.place(id)
      }),
    ]
  }

  /** Ids of the connectors whose boxes meet `r` (unordered, a superset of those drawn there). */
  query(r: Rect): Set<string> {
    return this.index.query(r)
  }

  /** The smallest rectangle around every connector's box, or null when there are none. */
  bounds(): Rect | null {
    return this.index.bounds()
  }

  private place(id: string): void {
    const c = this.connectors.get(id)
    if (!c) {
      this.index.delete(id)
      return
    }
    const box = bounds([this.endBox(c.from), this.endBox(c.to)])!
    this.index.set(id, { x: box.x - GAP, y: box.y - GAP, w: box.w + 2 * GAP, h: box.h + 2 * GAP })
  }

  private endBox(end: ConnectorEnd): Rect {
    const item = end.itemId ? this.items.get(end.itemId) : undefined
    return item ?? { x: end.x, y: end.y, w: 0, h: 0 }
  }

  destroy(): void {
    for (const stop of this.stops) stop()
  }
}
