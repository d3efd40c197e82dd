import { describe, expect, it } from 'vitest'
import {
  boardToScreen,
  cullItems,
  fitBounds,
  screenToBoard,
  visibleRect,
  zoomAt,
  type Camera,
} from './viewport.ts'

const box = (id: string, x: number, y: number, w = 100, h = 100) => ({ id, x, y, w, h })

describe('viewport', () => {
  it('maps screen and board coordinates both ways', () => {
    const cam: Camera = { x: 30, y: -20, scale: 2 }
    const p = { x: 17, y: 41 }
    expect(screenToBoard(cam, boardToScreen(cam, p))).toEqual(p)
  })

  it('zooms toward the pointer, keeping the point under it fixed', () => {
    const cam: Camera = { x: 10, y: 20, scale: 1 }
    const pointer = { x: 400, y: 300 }
    const before = screenToBoard(cam, pointer)
    const after = zoomAt(cam, pointer, 1.7)
    expect(after.scale).toBeCloseTo(1.7)
    const p = screenToBoard(after, pointer)
    expect(p.x).toBeCloseTo(before.x)
    expect(p.y).toBeCloseTo(before.y)
  })

  it('clamps the zoom', () => {
    expect(zoomAt({ x: 0, y: 0, scale: 1 }, { x: 0, y: 0 }, 1000).scale).toBe(4)
  })

  it('culls items outside the view, keeping the ones that touch it', () => {
    const view = visibleRect({ x: 0, y: 0, scale: 1 }, { width: 800, height: 600 })
    const items = [
      box('in', 10, 10),
      box('edge', 790, 590),
      box('left', -150, 0),
      box('far', 5000, 0),
    ]
    expect(cullItems(items, view)).toEqual(['in', 'edge'])
    expect(cullItems(items, view, new Set(['far']))).toEqual(['in', 'edge', 'far'])
  })

  it('sees more of the board when zoomed out', () => {
    const view = visibleRect({ x: 0, y: 0, scale: 0.5 }, { width: 800, height: 600 }, 10)
    expect(view).toEqual({ x: -20, y: -20, w: 1640, h: 1240 })
  })

  it('fits bounds in the middle of the screen', () => {
    const cam = fitBounds({ x: 1000, y: 1000, w: 400, h: 200 }, { width: 1000, height: 600 }, 0, 10)
    const mid = boardToScreen(cam, { x: 1200, y: 1100 })
    expect(mid.x).toBeCloseTo(500)
    expect(mid.y).toBeCloseTo(300)
    expect(cam.scale).toBeCloseTo(2.5)
  })
})
