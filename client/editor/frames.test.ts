import { describe, expect, it } from 'vitest'
import { recordTypes, type Item } from '../../shared/schema/index.ts'
import { frameAt, itemsInside, membershipChanges, withChildren } from './frames.ts'

const frame = (id: string, x: number, y: number, z = 0): Item => ({
  id,
  kind: 'frame',
  ...recordTypes.frame.defaults(),
  x,
  y,
  w: 800,
  h: 600,
  z,
})
const note = (id: string, x: number, y: number, parentId: string | null = null): Item => ({
  id,
  kind: 'note',
  ...recordTypes.note.defaults(),
  x,
  y,
  parentId,
  z: 10,
})

describe('frame membership', () => {
  it('puts an item in the frame holding its centre', () => {
    const all = [frame('f', 0, 0), note('n', 700, 500)]
    expect(frameAt(all[1]!, all)).toBe('f')
    // Centre at (860, 80): outside, although the note overlaps the frame.
    expect(frameAt(note('m', 780, 0), all)).toBeNull()
  })

  it('prefers the top-most of overlapping frames', () => {
    const all = [frame('low', 0, 0, 1), frame('high', 400, 0, 2), note('n', 500, 100)]
    expect(frameAt(all[2]!, all)).toBe('high')
  })

  it('reports items dropped in and dragged out', () => {
    const all = [
      frame('f', 0, 0),
      note('in', 100, 100),
      note('out', 2000, 0, 'f'),
      note('same', 50, 50, 'f'),
    ]
    expect(membershipChanges(['in', 'out', 'same', 'f'], all)).toEqual(
      new Map([
        ['in', 'f'],
        ['out', null],
      ]),
    )
  })

  it('moves a frame together with its items', () => {
    const all = [frame('f', 0, 0), note('a', 10, 10, 'f'), note('b', 2000, 0)]
    expect([...withChildren(['f'], all)].sort()).toEqual(['a', 'f'])
    expect([...withChildren(['b'], all)]).toEqual(['b'])
  })

  it('adopts items wholly inside a new frame', () => {
    const all = [note('a', 10, 10), note('b', 700, 500), frame('g', 0, 0)]
    expect(itemsInside({ x: 0, y: 0, w: 500, h: 500 }, all).map((i) => i.id)).toEqual(['a'])
  })
})
