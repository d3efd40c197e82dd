/** A post-it as pure props: record in, nothing out (the stage reads hits by node id). */
import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { NoteRecord } from '../../shared/schema/index.ts'
import { FONT_FAMILY, INK, NOTE_FILL } from './palette.ts'
import { LINE_HEIGHT, NOTE_PADDING, noteFontSize } from './textFit.ts'

interface Props {
  note: NoteRecord
  dx: number
  dy: number
  /** Hide the text while the in-place editor is open over it. */
  editing: boolean
  lowDetail: boolean
}

export const NoteShape = memo(function NoteShape({ note, dx, dy, editing, lowDetail }: Props) {
  const fontSize = noteFontSize(note.text, note.w, note.h)
  return (
    <Group id={note.id} name="item" x={note.x + dx} y={note.y + dy}>
      <Rect
        width={note.w}
        height={note.h}
        fill={NOTE_FILL[note.color]}
        cornerRadius={4}
        shadowColor="#000"
        shadowOpacity={lowDetail ? 0 : 0.18}
        shadowBlur={lowDetail ? 0 : 10}
        shadowOffsetY={lowDetail ? 0 : 3}
        shadowForStrokeEnabled={false}
        perfectDrawEnabled={false}
        stroke={note.color === 'white' ? '#d0d7de' : undefined}
        strokeWidth={1}
      />
      {!editing && !lowDetail && (
        <Text
          text={note.text}
          x={NOTE_PADDING}
          y={NOTE_PADDING}
          width={note.w - 2 * NOTE_PADDING}
          height={note.h - 2 * NOTE_PADDING}
          fontSize={fontSize}
          lineHeight={LINE_HEIGHT}
          fontFamily={FONT_FAMILY}
          fill={INK}
          wrap="word"
          ellipsis
          verticalAlign="middle"
          align="center"
          listening={false}
          perfectDrawEnabled={false}
        />
      )}
    </Group>
  )
})
