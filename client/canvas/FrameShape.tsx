/**
 * A poster: a tinted area with a title bar and, when it has lanes, columns with headings. The
 * title bar is a separate hit part for editing.
 */
import { memo } from 'react'
import { Group, Line, Rect, Text } from 'react-konva'
import { FRAME_TITLE_HEIGHT, LANE_HEADING_HEIGHT, laneRect } from '../../shared/geometry/index.ts'
import type { FrameRecord } from '../../shared/schema/index.ts'
import { t } from '../i18n/i18n.ts'
import { FONT_FAMILY, FRAME_FILL, INK, MUTED_INK } from './palette.ts'
import { textDirection } from './textFit.ts'

export { FRAME_TITLE_HEIGHT }
export const FRAME_TITLE_SIZE = 26
const LANE_TITLE_SIZE = 18

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
          direction={textDirection(frame.title)}
          wrap="none"
          ellipsis
          listening={false}
        />
      )}
      {frame.lanes.map((lane, i) => {
        const r = laneRect({ ...frame, x: 0, y: 0 }, i)
        return (
          <Group key={lane.id} listening={false}>
            {i > 0 && (
              <Line
                points={[r.x, r.y, r.x, r.y + r.h - 8]}
                stroke="#c4cad3"
                strokeWidth={2}
                dash={[10, 8]}
                perfectDrawEnabled={false}
              />
            )}
            <Rect
              x={r.x + 8}
              y={r.y + 6}
              width={r.w - 16}
              height={LANE_HEADING_HEIGHT - 8}
              fill="rgba(0,0,0,0.05)"
              cornerRadius={6}
              perfectDrawEnabled={false}
            />
            <Text
              text={lane.title || t('lane-untitled')}
              x={r.x + 16}
              y={r.y + 6}
              width={r.w - 32}
              height={LANE_HEADING_HEIGHT - 8}
              verticalAlign="middle"
              fontSize={LANE_TITLE_SIZE}
              fontStyle="bold"
              fontFamily={FONT_FAMILY}
              fill={lane.title ? INK : MUTED_INK}
              direction={textDirection(lane.title)}
              wrap="none"
              ellipsis
            />
          </Group>
        )
      })}
    </Group>
  )
})
