/**
 * Connectors above the post-its they join. Close up each is its own hit-testable shape; zoomed
 * far out they are drawn in one pass by a single non-listening shape.
 */
import type Konva from 'konva'
import { useState, useSyncExternalStore } from 'react'
import { Layer, Shape } from 'react-konva'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { drawConnector, markScale } from './connectorDraw.ts'
import { ConnectorShape } from './ConnectorShape.tsx'
import { isLowDetail } from './lod.ts'
import { recordDrawn } from './testHook.ts'
import { VisibleConnectors, type PlacedConnector } from './visibleConnectors.ts'

export function ConnectorsLayer({ editor }: { editor: Editor }) {
  const [visible] = useState(() => new VisibleConnectors(editor))
  const list = useSyncExternalStore(visible.subscribe, visible.get)
  const lowDetail = useStore(editor.view, (s) => isLowDetail(s.camera.scale))
  const k = useStore(editor.view, (s) => markScale(s.camera.scale))
  const selection = useStore(editor.view, (s) => s.selection)
  recordDrawn(list)
  if (lowDetail) {
    return (
      <Layer name="connectors" listening={false}>
        <BulkConnectors list={list} k={k} selection={selection} />
      </Layer>
    )
  }
  return (
    <Layer name="connectors">
      {list.map((p) => (
        <ConnectorShape
          key={p.record.id}
          record={p.record}
          sx={p.start.x}
          sy={p.start.y}
          ex={p.end.x}
          ey={p.end.y}
          k={k}
          selected={selection.has(p.record.id)}
        />
      ))}
    </Layer>
  )
}

function BulkConnectors({
  list,
  k,
  selection,
}: {
  list: PlacedConnector[]
  k: number
  selection: ReadonlySet<string>
}) {
  const scene = (ctx: Konva.Context) => {
    const native = ctx._context
    for (const p of list) {
      drawConnector(native, p.start, p.end, p.record, k, {
        label: false,
        selected: selection.has(p.record.id),
      })
    }
  }
  return <Shape sceneFunc={scene} listening={false} perfectDrawEnabled={false} />
}
