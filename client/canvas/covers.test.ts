import { describe, expect, it } from 'vitest'
import { fitBesideCovers } from './covers.ts'
import { fitBounds, type Camera, type Rect } from './viewport.ts'

const size = { width: 1920, height: 1080 }
const onScreen = (r: Rect, c: Camera): Rect => ({
  x: r.x * c.scale + c.x,
  y: r.y * c.scale + c.y,
  w: r.w * c.scale,
  h: r.h * c.scale,
})
const overlaps = (a: Rect, b: Rect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h

describe('fitBesideCovers', () => {
  const poster = { x: 0, y: 0, w: 1300, h: 1000 }

  it('is the plain fit when nothing covers the canvas', () => {
    expect(fitBesideCovers(poster, size, 0, 4, [])).toEqual(fitBounds(poster, size, 0, 4))
  })

  it('puts a poster beside a timer in the top corner, as large as without it', () => {
    const timer = { x: 1620, y: 12, w: 280, h: 130 }
    const cam = fitBesideCovers(poster, size, 0, 4, [timer])
    expect(overlaps(onScreen(poster, cam), timer)).toBe(false)
    expect(cam.scale).toBeCloseTo(fitBounds(poster, size, 0, 4).scale, 5)
  })

  it('keeps a wide board below a bar across the top, and beside a column at the side', () => {
    const board = { x: 0, y: 0, w: 4000, h: 1500 }
    const bar = { x: 600, y: 12, w: 700, h: 180 }
    const column = { x: 80, y: 70, w: 320, h: 200 }
    for (const covers of [[bar], [column], [bar, column]]) {
      const cam = fitBesideCovers(board, size, 16, 4, covers)
      for (const c of covers) expect(overlaps(onScreen(board, cam), c)).toBe(false)
    }
  })
})
