/**
 * Connection handles: four dots beside the one selected post-it or poster. Dragging one draws an
 * arrow from that item (the select tool hands the gesture to the connector tool).
 */
import { Circle } from 'react-konva'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { useSyncExternalStore } from 'react'
import { ACCENT } from './palette.ts'

const OFFSET = 22
const RADIUS = 7

export function ConnectHandles({ editor }: { editor: Editor }) {
  const selection = useStore(editor.view, (s) => s.selection)
  const show = useStore(
    editor.view,
    (s) => s.tool === 'select' && !s.drag && !s.editing && !s.connectorDraft && !s.marquee,
  )
  const scale = useStore(editor.view, (s) => s.camera.scale)
  const only = selection.size === 1 ? [...selection][0]! : null
  const item = useSyncExternalStore(
    (cb) => (only ? editor.items.subscribeId(only, cb) : () => {}),
    () => (only ? editor.items.get(only) : undefined),
  )
  if (!show || !item || item.kind === 'label' || editor.readOnly) return null
  const d = OFFSET / scale
  const points = [
    { x: item.x + item.w + d, y: item.y + item.h / 2 },
    { x: item.x - d, y: item.y + item.h / 2 },
    { x: item.x + item.w / 2, y: item.y + item.h + d },
    { x: item.x + item.w / 2, y: item.y - d },
  ]
  return (
    <>
      {points.map((p, i) => (
        <Circle
          key={i}
          name="connect-handle"
          itemId={item.id}
          x={p.x}
          y={p.y}
          radius={RADIUS / scale}
          fill="#fff"
          stroke={ACCENT}
          strokeWidth={2 / scale}
          hitStrokeWidth={10 / scale}
          perfectDrawEnabled={false}
        />
      ))}
    </>
  )
}
