/**
 * Attached connector ends remember where they were last drawn (the stored x, y), so that an end
 * whose item is deleted stays where it was. After items move or resize, those points are
 * refreshed from the items' new boxes.
 */
import type * as Y from 'yjs'
import { connectors, getItem, type RecordPatch } from '../../shared/doc/index.ts'
import { connectorPath, endAt, type Rect } from '../../shared/geometry/index.ts'
import type { ConnectorRecord } from '../../shared/schema/index.ts'

/** Patches for the given connectors whose stored end points differ from where they are drawn. */
export function endPatches(
  list: Iterable<ConnectorRecord>,
  boxOf: (id: string) => Rect | undefined,
): Map<string, RecordPatch> {
  const out = new Map<string, RecordPatch>()
  for (const c of list) {
    const path = connectorPath(c, boxOf)
    const patch: RecordPatch = {}
    const round = (p: { x: number; y: number }) => ({ x: Math.round(p.x), y: Math.round(p.y) })
    const start = round(path.start)
    const end = round(path.end)
    if (c.from.itemId && boxOf(c.from.itemId) && (c.from.x !== start.x || c.from.y !== start.y))
      patch.from = endAt(c.from, start)
    if (c.to.itemId && boxOf(c.to.itemId) && (c.to.x !== end.x || c.to.y !== end.y))
      patch.to = endAt(c.to, end)
    if (patch.from || patch.to) out.set(c.id, patch)
  }
  return out
}

/** Refreshes the stored ends of the connectors `ids`, reading boxes from the live document. */
export function refreshConnectorEnds(doc: Y.Doc, ids: Iterable<string>, origin: unknown): void {
  const coll = connectors(doc)
  const list: ConnectorRecord[] = []
  for (const id of ids) {
    const c = coll.get(id)
    if (c) list.push(c)
  }
  if (list.length === 0) return
  coll.update(
    endPatches(list, (id) => getItem(doc, id) ?? undefined),
    origin,
  )
}
