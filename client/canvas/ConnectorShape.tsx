/** One connector as a Konva shape: drawn by connectorDraw, hit along its line and at its mark. */
import type Konva from 'konva'
import { memo } from 'react'
import { Shape } from 'react-konva'
import type { ConnectorRecord } from '../../shared/schema/index.ts'
import { drawConnector, LINE_WIDTH, MARK_RADIUS } from './connectorDraw.ts'

interface Props {
  record: ConnectorRecord
  sx: number
  sy: number
  ex: number
  ey: number
  k: number
  selected: boolean
}

export const ConnectorShape = memo(function ConnectorShape({
  record,
  sx,
  sy,
  ex,
  ey,
  k,
  selected,
}: Props) {
  const scene = (ctx: Konva.Context) => {
    drawConnector(ctx._context, { x: sx, y: sy }, { x: ex, y: ey }, record, k, { selected })
  }
  const hit = (ctx: Konva.Context, shape: Konva.Shape) => {
    ctx.beginPath()
    ctx.moveTo(sx, sy)
    ctx.lineTo(ex, ey)
    ctx.strokeShape(shape)
    if (record.marker !== 'none') {
      ctx.beginPath()
      ctx.arc((sx + ex) / 2, (sy + ey) / 2, MARK_RADIUS * k * 1.1, 0, Math.PI * 2)
      ctx.fillShape(shape)
    }
  }
  return (
    <Shape
      id={record.id}
      name="item connector"
      sceneFunc={scene}
      hitFunc={hit}
      // Only read by the hit canvas: a band wide enough to grab at any zoom.
      stroke="#000"
      fill="#000"
      hitStrokeWidth={Math.max(14, LINE_WIDTH * k * 4)}
      perfectDrawEnabled={false}
    />
  )
})
