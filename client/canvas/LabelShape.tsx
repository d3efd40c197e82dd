/** Free text on the board (template headings and legends). */
import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { LabelRecord } from '../../shared/schema/index.ts'
import { FONT_FAMILY, INK } from './palette.ts'
import { LABEL_LINE_HEIGHT, textDirection } from './textFit.ts'

interface Props {
  label: LabelRecord
  dx: number
  dy: number
  /** Its text is being edited in place: the editor shows it instead. */
  editing: boolean
}

export const LabelShape = memo(function LabelShape({ label, dx, dy, editing }: Props) {
  return (
    <Group id={label.id} name="item" x={label.x + dx} y={label.y + dy}>
      {/* Transparent, but hit: a label is picked up by its box, not only its glyphs. */}
      <Rect width={label.w} height={label.h} fill="rgba(0,0,0,0)" perfectDrawEnabled={false} />
      <Text
        visible={!editing}
        text={label.text}
        width={label.w}
        height={label.h}
        fontSize={label.fontSize}
        lineHeight={LABEL_LINE_HEIGHT}
        fontFamily={FONT_FAMILY}
        fontStyle={label.fontSize >= 32 ? 'bold' : 'normal'}
        fill={INK}
        direction={textDirection(label.text)}
        wrap="word"
        listening={false}
        perfectDrawEnabled={false}
      />
    </Group>
  )
})
