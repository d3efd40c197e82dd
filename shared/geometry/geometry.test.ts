import { describe, expect, it } from 'vitest'
import { recordTypes, type FrameRecord } from '../schema/index.ts'
import {
  FRAME_TITLE_HEIGHT,
  borderPoint,
  connectorPath,
  frameAt,
  laneAt,
  membership,
  readingOrder,
  tidyLane,
} from './index.ts'

const frame = (id: string, extra: Partial<FrameRecord> = {}): FrameRecord => ({
  id,
  kind: 'frame',
  ...recordTypes.frame.defaults(),
  ...extra,
})

describe('connector geometry', () => {
  const a = { x: 0, y: 0, w: 100, h: 100 }
  const b = { x: 300, y: 0, w: 100, h: 100 }

  it('meets each item on the border facing the other', () => {
    expect(borderPoint(a, { x: 350, y: 50 })).toEqual({ x: 100, y: 50 })
    expect(borderPoint(a, { x: 50, y: -300 })).toEqual({ x: 50, y: 0 })
    const p = connectorPath(
      { from: { itemId: 'a', x: 0, y: 0 }, to: { itemId: 'b', x: 0, y: 0 } },
      (id) => ({ a, b })[id],
      0,
    )
    expect(p.start).toEqual({ x: 100, y: 50 })
    expect(p.end).toEqual({ x: 300, y: 50 })
    expect(p.mid).toEqual({ x: 200, y: 50 })
  })

  it('follows an item when it moves', () => {
    const moved = { ...b, y: 400 }
    const p = connectorPath(
      { from: { itemId: 'a', x: 0, y: 0 }, to: { itemId: 'b', x: 0, y: 0 } },
      (id) => ({ a, b: moved })[id],
      0,
    )
    expect(p.end.y).toBeCloseTo(400)
    expect(p.start.y).toBeCloseTo(100)
  })

  it('draws a free end, and an end whose item is gone, at its stored point', () => {
    const p = connectorPath(
      { from: { itemId: 'a', x: 0, y: 0 }, to: { itemId: 'gone', x: 700, y: 20 } },
      (id) => ({ a })[id as 'a'],
      0,
    )
    expect(p.end).toEqual({ x: 700, y: 20 })
    expect(p.danglingEnd).toBe(true)
    expect(p.danglingStart).toBe(false)
  })
})

describe('frames and lanes', () => {
  const lanes = [
    { id: 'roles', title: 'Role / Motivation / Goal' },
    { id: 'gaps', title: 'Gaps, unclarities, blockers' },
  ]
  const poster = frame('p', { x: 0, y: 0, w: 800, h: 600, lanes })

  it('finds the lane under a point', () => {
    expect(laneAt(poster, { x: 100, y: 300 })?.id).toBe('roles')
    expect(laneAt(poster, { x: 700, y: 300 })?.id).toBe('gaps')
    expect(laneAt(poster, { x: 900, y: 300 })).toBeNull()
    expect(laneAt(frame('plain', { w: 800, h: 600 }), { x: 10, y: 10 })).toBeNull()
  })

  it('puts a dropped note in the topmost frame under its centre', () => {
    const under = frame('under', { x: 0, y: 0, w: 2000, h: 2000, z: 1 })
    expect(frameAt([under, { ...poster, z: 2 }], { x: 10, y: 10 })?.id).toBe('p')
    expect(membership({ id: 'n', x: 600, y: 200, w: 160, h: 160 }, [poster])).toEqual({
      parentId: 'p',
      laneId: 'gaps',
    })
    expect(membership({ id: 'n', x: 5000, y: 0, w: 160, h: 160 }, [poster])).toEqual({
      parentId: null,
      laneId: null,
    })
  })

  it('tidies a lane into a grid inside the lane, in reading order', () => {
    const notes = [
      { id: 'c', x: 50, y: 500, w: 160, h: 160 },
      { id: 'a', x: 300, y: 100, w: 160, h: 160 },
      { id: 'b', x: 20, y: 120, w: 160, h: 160 },
    ]
    const pos = tidyLane(poster, 'roles', notes)
    // Lane 'roles' is 400 wide: two 160-wide notes a row with 16 px spacing, below the headings.
    const top = FRAME_TITLE_HEIGHT + 40 + 16
    expect(Object.fromEntries(pos)).toEqual({
      a: { x: 16, y: top },
      b: { x: 192, y: top },
      c: { x: 16, y: top + 176 },
    })
  })

  it('orders items for reading: rows, then left to right', () => {
    const order = readingOrder([
      { id: 'r2', x: 0, y: 300, w: 1, h: 1 },
      { id: 'r1b', x: 200, y: 10, w: 1, h: 1 },
      { id: 'r1a', x: 0, y: 0, w: 1, h: 1 },
    ])
    expect(order.map((o) => o.id)).toEqual(['r1a', 'r1b', 'r2'])
  })
})
