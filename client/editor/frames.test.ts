import { describe, expect, it } from 'vitest'
import { recordTypes, type Item } from '../../shared/schema/index.ts'
import { itemsInside, membershipChanges, membershipOf, withChildren } from './frames.ts'

const frame = (id: string, x: number, y: number, z = 0, lanes: string[] = []): Item => ({
  id,
  kind: 'frame',
  ...recordTypes.frame.defaults(),
  x,
  y,
  w: 800,
  h: 600,
  z,
  lanes: lanes.map((l) => ({ id: l, title: l })),
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
    const all = [frame('f', 0, 0), note('n', 600, 400)]
    expect(membershipOf(all[1]!, all).parentId).toBe('f')
    // Centre at (860, 80): outside, although the note overlaps the frame.
    expect(membershipOf(note('m', 780, 0), all).parentId).toBeNull()
  })

  it('prefers the top-most of overlapping frames', () => {
    const all = [frame('low', 0, 0, 1), frame('high', 400, 0, 2), note('n', 500, 100)]
    expect(membershipOf(all[2]!, all).parentId).toBe('high')
  })

  it('files a note under the lane holding its centre', () => {
    const all = [frame('f', 0, 0, 0, ['roles', 'gaps']), note('n', 500, 200)]
    expect(membershipOf(all[1]!, all)).toEqual({ parentId: 'f', laneId: 'gaps' })
    expect(membershipOf(note('m', 10, 200), all)).toEqual({ parentId: 'f', laneId: 'roles' })
  })

  it('reports items dropped in, dragged out and moved between lanes', () => {
    const moved = { ...note('lane', 500, 200, 'f'), laneId: 'roles' } as Item
    const all = [
      frame('f', 0, 0, 0, ['roles', 'gaps']),
      note('in', 100, 100),
      note('out', 2000, 0, 'f'),
      { ...note('same', 20, 100, 'f'), laneId: 'roles' } as Item,
      moved,
    ]
    expect(membershipChanges(['in', 'out', 'same', 'lane', 'f'], all)).toEqual(
      new Map([
        ['in', { parentId: 'f', laneId: 'roles' }],
        ['out', { parentId: null, laneId: null }],
        ['lane', { parentId: 'f', laneId: 'gaps' }],
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
