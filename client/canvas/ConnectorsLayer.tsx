/**
 * Connectors above the post-its they join. Close up each is its own hit-testable shape; zoomed
 * far out they are drawn in one pass by a single non-listening shape.
 */
import type Konva from 'konva'
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { Layer, Shape } from 'react-konva'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { drawConnector, markScale } from './connectorDraw.ts'
import { ConnectorShape } from './ConnectorShape.tsx'
import { FarBitmap } from './farBitmap.ts'
import { isLowDetail } from './lod.ts'
import { useCameraMoving } from './useCameraMoving.ts'
import { recordDrawn } from './testHook.ts'
import { intersects, visibleRect } from './viewport.ts'
import { VisibleConnectors, type PlacedConnector } from './visibleConnectors.ts'

export function ConnectorsLayer({ editor }: { editor: Editor }) {
  const [visible] = useState(() => new VisibleConnectors(editor))
  const list = useSyncExternalStore(visible.subscribe, visible.get)
  const lowDetail = useStore(editor.view, (s) => isLowDetail(s.camera.scale))
  const k = useStore(editor.view, (s) => markScale(s.camera.scale))
  const selection = useStore(editor.view, (s) => s.selection)
  const editingLabel = useStore(editor.view, (s) =>
    s.editing?.field === 'label' ? s.editing.id : null,
  )
  const moving = useCameraMoving(editor)
  recordDrawn(list)
  // One layer for both levels of detail (see ItemsLayer).
  return (
    <Layer name="connectors" listening={!lowDetail && !moving}>
      {lowDetail ? (
        <BulkConnectors editor={editor} visible={visible} list={list} k={k} selection={selection} />
      ) : (
        list.map((p) => (
          <ConnectorShape
            key={p.record.id}
            record={p.record}
            sx={p.start.x}
            sy={p.start.y}
            ex={p.end.x}
            ey={p.end.y}
            k={k}
            selected={selection.has(p.record.id)}
            editingLabel={editingLabel === p.record.id}
          />
        ))
      )}
    </Layer>
  )
}

function BulkConnectors({
  editor,
  visible,
  list,
  k,
  selection,
}: {
  editor: Editor
  visible: VisibleConnectors
  list: PlacedConnector[]
  k: number
  selection: ReadonlySet<string>
}) {
  const camera = useStore(editor.view, (s) => s.camera)
  const size = useStore(editor.view, (s) => s.size)
  const dragIds = useStore(editor.view, (s) => s.drag?.ids ?? null)
  const version = useSyncExternalStore(editor.connectors.subscribe, editor.connectors.getVersion)
  const itemsVersion = useSyncExternalStore(editor.items.subscribe, editor.items.getVersion)
  const [bitmap] = useState(() => new FarBitmap())
  useEffect(() => () => bitmap.release(), [bitmap])
  const content = useMemo(
    () => editor.connectorIndex.bounds(),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, version, itemsVersion],
  )
  // Arrows moving with a drag are drawn live; the rest come from the bitmap.
  const moving = (p: PlacedConnector) =>
    dragIds !== null &&
    (dragIds.has(p.record.id) ||
      Boolean(p.record.from.itemId && dragIds.has(p.record.from.itemId)) ||
      Boolean(p.record.to.itemId && dragIds.has(p.record.to.itemId)))
  const draw = (c: CanvasRenderingContext2D, p: PlacedConnector) =>
    drawConnector(c, p.start, p.end, p.record, k, {
      label: false,
      selected: selection.has(p.record.id),
    })
  const scene = (ctx: Konva.Context) => {
    const native = ctx._context
    bitmap.draw(native, {
      key: [version, itemsVersion, selection, dragIds, k],
      view: visibleRect(camera, size),
      resolution: camera.scale * ctx.getCanvas().getPixelRatio(),
      content,
      paint: (c, region) => {
        for (const p of visible.placeAll()) {
          if (!moving(p) && intersects(p.bounds, region)) draw(c, p)
        }
      },
    })
    for (const p of list) if (moving(p)) draw(native, p)
  }
  return <Shape sceneFunc={scene} listening={false} perfectDrawEnabled={false} />
}
