import { describe, expect, it } from 'vitest'
import {
  recordTypes,
  type ConnectorRecord,
  type Item,
  type TagRecord,
} from '../../shared/schema/index.ts'
import { copyPayload, instantiate, parsePayload } from './clipboard.ts'

const frame: Item = {
  id: 'f',
  kind: 'frame',
  ...recordTypes.frame.defaults(),
  lanes: [{ id: 'lane1', title: 'Gaps' }],
}
const note = (id: string, x: number, extra: Partial<Item> = {}): Item =>
  ({ id, kind: 'note', ...recordTypes.note.defaults(), x, y: 100, ...extra }) as Item
const arrow = (id: string, from: string | null, to: string | null): ConnectorRecord => ({
  id,
  kind: 'connector',
  ...recordTypes.connector.defaults(),
  from: { itemId: from, x: 0, y: 0 },
  to: { itemId: to, x: 300, y: 0 },
  marker: 'heart',
})
const sre: TagRecord = { id: 't1', kind: 'tag', name: 'SRE', color: 'blue' }

describe('clipboard', () => {
  const a = note('a', 0, { parentId: 'f', laneId: 'lane1', tags: ['t1'] } as Partial<Item>)
  const b = note('b', 300)
  const c = note('c', 600)
  const payload = copyPayload(
    [frame, a, b],
    [arrow('ab', 'a', 'b'), arrow('bc', 'b', 'c')],
    new Set(),
    (id) => (id === 't1' ? sre : undefined),
  )

  it('copies the connectors between copied items and the tags they use', () => {
    expect(payload.connectors.map((x) => x.id)).toEqual(['ab'])
    expect(payload.tags).toEqual([sre])
  })

  it('round-trips through text and refuses what is not ours', () => {
    expect(parsePayload(JSON.stringify(payload))).toEqual(payload)
    expect(parsePayload('Who owns the deploy?')).toBeNull()
    expect(parsePayload('{"type":"other"}')).toBeNull()
    // A bad record is restored or dropped, never trusted.
    const bad = { ...payload, items: [{ kind: 'note', id: 'x', x: 'left' }, { kind: 'nope' }] }
    expect(parsePayload(JSON.stringify(bad))!.items.map((i) => [i.id, i.x])).toEqual([['x', 0]])
  })

  it('pastes with fresh ids, kept parents and lanes, remapped arrows and tags by name', () => {
    const boardTags: TagRecord[] = [{ id: 'own', kind: 'tag', name: 'sre', color: 'green' }]
    const out = instantiate(
      payload,
      { x: 1000, y: 1000 },
      {
        now: 5,
        authorId: 'me',
        baseZ: 10,
        tags: boardTags,
      },
    )
    const ids = new Set(out.items.map((i) => i.id))
    expect(ids.has('a') || ids.has('b') || ids.has('f')).toBe(false)
    const f2 = out.items.find((i) => i.kind === 'frame')!
    const a2 = out.items.find((i) => i.kind === 'note' && i.parentId !== null)!
    expect(a2.parentId).toBe(f2.id)
    expect(a2.kind === 'note' && a2.laneId).toBe(f2.kind === 'frame' && f2.lanes[0]!.id)
    expect(a2.kind === 'note' && a2.tags).toEqual(['own'])
    expect(out.newTags).toEqual([])
    const [c2] = out.connectors
    expect(ids.has(c2!.from.itemId!) && ids.has(c2!.to.itemId!)).toBe(true)
    expect(out.items.every((i) => i.z > 10 && i.authorId === 'me')).toBe(true)
  })

  it('turns ends on items that did not come along into free points', () => {
    const only = copyPayload([b], [arrow('bc', 'b', 'c')], new Set(['bc']), () => undefined)
    const out = instantiate(only, null, { now: 1, authorId: '', baseZ: 0, tags: [] })
    expect(out.connectors[0]!.to).toEqual({ itemId: null, x: 324, y: 24 })
    expect(out.connectors[0]!.from.itemId).toBe(out.items[0]!.id)
    void c
  })
})
