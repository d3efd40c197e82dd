/** Other people's cursors with their names, drawn at constant screen size. */
import { useSyncExternalStore } from 'react'
import { Group, Label, Line, Tag, Text } from 'react-konva'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { FONT_FAMILY } from './palette.ts'

export function RemoteCursors({ editor }: { editor: Editor }) {
  const peers = useSyncExternalStore(editor.presence.subscribe, editor.presence.get)
  const scale = useStore(editor.view, (s) => s.camera.scale)
  const shown = useStore(editor.view, (s) => s.showCursors)
  if (!shown) return null
  return (
    <>
      {peers.map((p) =>
        p.cursor ? (
          <Group
            key={p.clientId}
            name="remote-cursor"
            x={p.cursor.x}
            y={p.cursor.y}
            scaleX={1 / scale}
            scaleY={1 / scale}
            listening={false}
          >
            <Line
              points={[0, 0, 0, 18, 4.5, 14, 8, 21.5, 11, 20, 7.8, 13, 13, 13]}
              closed
              fill={p.user.color}
              stroke="#fff"
              strokeWidth={1.5}
            />
            <Label x={12} y={20}>
              <Tag fill={p.user.color} cornerRadius={4} />
              <Text
                text={p.user.name}
                fill="#fff"
                padding={5}
                fontSize={13}
                fontStyle="600"
                fontFamily={FONT_FAMILY}
              />
            </Label>
          </Group>
        ) : null,
      )}
    </>
  )
}
