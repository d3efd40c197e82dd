import { describe, expect, it } from 'vitest'
import type { Item } from '../../shared/schema/index.ts'
import { frame } from '../../tests/fixtures/board-builder.ts'
import { note } from '../../tests/helpers/board.ts'
import { homeOf, spreadOut } from './private-writing.ts'

const poster = frame('poster', {
  x: 0,
  y: 0,
  w: 600,
  h: 400,
  lanes: [
    { id: 'roles', title: 'Role / Motivation / Goal' },
    { id: 'gaps', title: 'Gaps' },
  ],
})

describe('revealed private post-its', () => {
  it('go to the poster and lane they were written on, even when the phase named none', () => {
    const written = note('n1', 'Who owns it?', { x: 350, y: 100, w: 160, h: 160, parentId: null })
    expect(homeOf(written, [poster])).toEqual({ parentId: 'poster', laneId: 'gaps' })
    const away = note('n2', 'elsewhere', { x: 900, y: 900, w: 160, h: 160 })
    expect(homeOf(away, [poster])).toEqual({ parentId: null, laneId: null })
  })

  it('keep the poster the phase named when written off it', () => {
    const off = note('n3', 'x', { x: 900, y: 900, w: 160, h: 160, parentId: 'poster' })
    expect(homeOf(off, [poster]).parentId).toBe('poster')
  })

  it('spread out inside their poster rather than off its edge', () => {
    const pile: Item[] = [1, 2, 3, 4, 5].map((i) =>
      note(`p${i}`, `${i}`, { x: 300, y: 40, w: 160, h: 160, parentId: 'poster' }),
    )
    spreadOut(pile, [], () => poster)
    for (const n of pile) {
      expect(n.x).toBeGreaterThanOrEqual(0)
      expect(n.x + n.w).toBeLessThanOrEqual(poster.w)
    }
    const spots = new Set(pile.map((n) => `${n.x},${n.y}`))
    expect(spots.size).toBe(pile.length)
  })
})
