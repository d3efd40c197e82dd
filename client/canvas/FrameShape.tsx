/** A poster: a tinted area with a title bar. The title bar is a separate hit part for editing. */
import { memo } from 'react'
import { Group, Rect, Text } from 'react-konva'
import type { FrameRecord } from '../../shared/schema/index.ts'
import { t } from '../i18n/i18n.ts'
import { FONT_FAMILY, FRAME_FILL, INK, MUTED_INK } from './palette.ts'

export const FRAME_TITLE_HEIGHT = 56
export const FRAME_TITLE_SIZE = 26

interface Props {
  frame: FrameRecord
  dx: number
  dy: number
  editingTitle: boolean
}

export const FrameShape = memo(function FrameShape({ frame, dx, dy, editingTitle }: Props) {
  const untitled = frame.title.trim() === ''
  return (
    <Group id={frame.id} name="item" x={frame.x + dx} y={frame.y + dy}>
      <Rect
        width={frame.w}
        height={frame.h}
        fill={FRAME_FILL[frame.color]}
        stroke="#c4cad3"
        strokeWidth={2}
        cornerRadius={10}
        perfectDrawEnabled={false}
      />
      <Rect
        name="frame-title"
        width={frame.w}
        height={FRAME_TITLE_HEIGHT}
        fill="rgba(0,0,0,0.035)"
        cornerRadius={[10, 10, 0, 0]}
        perfectDrawEnabled={false}
      />
      {!editingTitle && (
        <Text
          text={untitled ? t('frame-untitled') : frame.title}
          x={20}
          y={0}
          height={FRAME_TITLE_HEIGHT}
          width={Math.max(10, frame.w - 40)}
          verticalAlign="middle"
          fontSize={FRAME_TITLE_SIZE}
          fontStyle="bold"
          fontFamily={FONT_FAMILY}
          fill={untitled ? MUTED_INK : INK}
          wrap="none"
          ellipsis
          listening={false}
        />
      )}
    </Group>
  )
})
