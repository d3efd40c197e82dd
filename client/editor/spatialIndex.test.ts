import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { intersects } from '../../shared/geometry/index.ts'
import { SpatialIndex } from './spatialIndex.ts'

const rect = fc.record({
  x: fc.integer({ min: -5000, max: 5000 }),
  y: fc.integer({ min: -5000, max: 5000 }),
  w: fc.integer({ min: 1, max: 3000 }),
  h: fc.integer({ min: 1, max: 3000 }),
})

describe('SpatialIndex', () => {
  it('finds exactly the boxes a rectangle meets, after moves and deletes', () => {
    fc.assert(
      fc.property(
        fc.array(rect, { maxLength: 60 }),
        fc.array(rect, { maxLength: 20 }),
        rect,
        (boxes, moves, view) => {
          const index = new SpatialIndex()
          const truth = new Map<string, typeof view>()
          boxes.forEach((b, i) => {
            index.set(`n${i}`, b)
            truth.set(`n${i}`, b)
          })
          moves.forEach((b, i) => {
            const id = `n${i}`
            if (!truth.has(id)) return
            if (i % 3 === 0) {
              index.delete(id)
              truth.delete(id)
            } else {
              index.set(id, b)
              truth.set(id, b)
            }
          })
          const expected = [...truth].filter(([, b]) => intersects(b, view)).map(([id]) => id)
          expect([...index.query(view)].sort()).toEqual(expected.sort())
        },
      ),
    )
  })

  it('handles boxes larger than its buckets', () => {
    const index = new SpatialIndex()
    index.set('poster', { x: 0, y: 0, w: 50_000, h: 50_000 })
    expect(index.query({ x: 25_000, y: 25_000, w: 1, h: 1 })).toEqual(new Set(['poster']))
    index.delete('poster')
    expect(index.query({ x: 25_000, y: 25_000, w: 1, h: 1 }).size).toBe(0)
  })
})
