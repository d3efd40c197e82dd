/**
 * One connector as a Konva shape: drawn by connectorDraw, hit along its line, at its mark and on
 * its label (double-clicking a label edits it).
 */
import type Konva from 'konva'
import { memo } from 'react'
import { Shape } from 'react-konva'
import type { ConnectorRecord } from '../../shared/schema/index.ts'
import {
  drawConnector,
  labelCenter,
  labelWidth,
  LABEL_HEIGHT,
  LINE_WIDTH,
  MARK_RADIUS,
} from './connectorDraw.ts'

interface Props {
  record: ConnectorRecord
  sx: number
  sy: number
  ex: number
  ey: number
  k: number
  selected: boolean
  /** Its label is being edited in place: the editor shows it instead. */
  editingLabel: boolean
}

export const ConnectorShape = memo(function ConnectorShape({
  record,
  sx,
  sy,
  ex,
  ey,
  k,
  selected,
  editingLabel,
}: Props) {
  const scene = (ctx: Konva.Context) => {
    drawConnector(ctx._context, { x: sx, y: sy }, { x: ex, y: ey }, record, k, {
      selected,
      label: !editingLabel,
    })
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
    if (record.label.trim() && !editingLabel) {
      const at = labelCenter({ x: sx, y: sy }, { x: ex, y: ey }, record.marker, k)
      const w = labelWidth(ctx._context, record.label)
      ctx.beginPath()
      ctx.rect(at.x - w / 2, at.y - LABEL_HEIGHT / 2, w, LABEL_HEIGHT)
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
