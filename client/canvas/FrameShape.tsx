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

/** Smallest screen sizes of a poster's title and lane headings, normally and in large text. */
const MIN_PX = { title: 16, lane: 12 }
const MIN_PX_LARGE = { title: 30, lane: 22 }

/**
 * Board pixels per screen pixel, in steps (so that zooming re-draws posters seldom), when a
 * poster's title or headings would be smaller on screen than they should; 0 when they are not.
 */
export function readableTextScale(scale: number, large: boolean): number {
  const min = large ? MIN_PX_LARGE : MIN_PX
  if (FRAME_TITLE_SIZE * scale >= min.title && LANE_TITLE_SIZE * scale >= min.lane) return 0
  const perPx = 1 / scale
  return large ? -Math.ceil(perPx * 4) / 4 : Math.ceil(perPx * 4) / 4
}

interface Props {
  frame: FrameRecord
  dx: number
  dy: number
  editingTitle: boolean
  /** From readableTextScale: 0, or board pixels per screen pixel (negative in large text). */
  readable?: number
}

export const FrameShape = memo(function FrameShape({
  frame,
  dx,
  dy,
  editingTitle,
  readable = 0,
}: Props) {
  const untitled = frame.title.trim() === ''
  const min = readable < 0 ? MIN_PX_LARGE : MIN_PX
  const perPx = Math.abs(readable)
  const titleSize = Math.max(FRAME_TITLE_SIZE, min.title * perPx)
  const laneSize = Math.max(LANE_TITLE_SIZE, min.lane * perPx)
  // Larger text gets a taller bar; lane headings move down below it.
  const bar = Math.max(FRAME_TITLE_HEIGHT, Math.round(titleSize * 1.5))
  const headingH = Math.max(LANE_HEADING_HEIGHT - 8, Math.round(laneSize * 1.5))
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
        height={bar}
        fill="rgba(0,0,0,0.035)"
        cornerRadius={[10, 10, 0, 0]}
        perfectDrawEnabled={false}
      />
      {!editingTitle && (
        <Text
          text={untitled ? t('frame-untitled') : frame.title}
          x={20}
          y={0}
          height={bar}
          width={Math.max(10, frame.w - 40)}
          verticalAlign="middle"
          fontSize={titleSize}
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
        const top = Math.max(r.y, bar)
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
              y={top + 6}
              width={r.w - 16}
              height={headingH}
              fill="rgba(0,0,0,0.05)"
              cornerRadius={6}
              perfectDrawEnabled={false}
            />
            <Text
              text={lane.title || t('lane-untitled')}
              x={r.x + 16}
              y={top + 6}
              width={r.w - 32}
              height={headingH}
              verticalAlign="middle"
              fontSize={laneSize}
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
