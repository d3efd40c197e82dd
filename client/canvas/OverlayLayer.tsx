/** Selection transformer, marquee, frame draft, remote selections and cursors. */
import { useSyncExternalStore } from 'react'
import { Layer, Rect } from 'react-konva'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { ConnectHandles } from './ConnectHandles.tsx'
import { ConnectorDraft } from './ConnectorDraft.tsx'
import { ACCENT } from './palette.ts'
import { RemoteCursors } from './RemoteCursors.tsx'
import { SelectionTransformer } from './SelectionTransformer.tsx'

export function OverlayLayer({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const marquee = useStore(editor.view, (s) => s.marquee)
  const draft = useStore(editor.view, (s) => s.draft)
  const scale = useStore(editor.view, (s) => s.camera.scale)
  return (
    <Layer>
      <RemoteSelections editor={editor} scale={scale} />
      <SelectionTransformer editor={editor} readOnly={readOnly} />
      {!readOnly && <ConnectHandles editor={editor} />}
      <ConnectorDraft editor={editor} />
      {marquee && (
        <Rect
          {...box(marquee)}
          fill="rgba(37,99,235,0.08)"
          stroke={ACCENT}
          strokeWidth={1 / scale}
          listening={false}
        />
      )}
      {draft && (
        <Rect
          {...box(draft)}
          fill="rgba(255,255,255,0.6)"
          stroke={ACCENT}
          strokeWidth={2 / scale}
          dash={[8 / scale, 6 / scale]}
          cornerRadius={10}
          listening={false}
        />
      )}
      <RemoteCursors editor={editor} />
    </Layer>
  )
}

const box = (r: { x: number; y: number; w: number; h: number }) => ({
  x: r.x,
  y: r.y,
  width: r.w,
  height: r.h,
})

/** An outline in each person's colour around what they have selected. */
function RemoteSelections({ editor, scale }: { editor: Editor; scale: number }) {
  const peers = useSyncExternalStore(editor.presence.subscribe, editor.presence.get)
  useSyncExternalStore((cb) => editor.items.subscribe(cb), editor.items.getVersion)
  const pad = 4 / scale
  return (
    <>
      {peers.flatMap((p) =>
        p.selection.slice(0, 200).map((id) => {
          const item = editor.items.get(id)
          if (!item) return null
          return (
            <Rect
              key={`${p.clientId}:${id}`}
              x={item.x - pad}
              y={item.y - pad}
              width={item.w + 2 * pad}
              height={item.h + 2 * pad}
              stroke={p.user.color}
              strokeWidth={2 / scale}
              cornerRadius={6 / scale}
              listening={false}
            />
          )
        }),
      )}
    </>
  )
}
