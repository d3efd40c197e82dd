import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { SaveTracker } from './saveTracker.ts'

const sv = (entries: [number, number][]) => new Map(entries)

describe('SaveTracker', () => {
  it('counts local changes until an ack covers them', () => {
    const t = new SaveTracker()
    t.recordLocal(7, 3, true)
    t.recordLocal(7, 5, true)
    expect(t.state(true)).toEqual({ kind: 'saving', pending: 2 })
    t.ack(sv([[7, 3]]))
    expect(t.count()).toBe(1)
    t.ack(sv([[7, 9]]))
    expect(t.state(true)).toEqual({ kind: 'saved' })
  })

  it('keeps offline changes waiting until they are sent and acknowledged', () => {
    const t = new SaveTracker()
    t.recordLocal(7, 2, false)
    t.recordLocal(7, 2, false, false) // a delete: the clock did not move
    expect(t.state(false)).toEqual({ kind: 'waiting', pending: 2 })
    // An ack that was already on its way before we sent anything covers nothing.
    t.ack(sv([[7, 2]]))
    expect(t.count()).toBe(2)
    t.markAllSent()
    t.ack(sv([[7, 2]]))
    expect(t.count()).toBe(0)
  })

  it('does not count a delete as saved before an ack that came after it', () => {
    const t = new SaveTracker()
    t.recordLocal(1, 4, true)
    t.ack(sv([[1, 4]]))
    t.recordLocal(1, 4, true, false)
    expect(t.count()).toBe(1)
    // The handshake ack was taken before the server saw the delete.
    t.ack(sv([[1, 4]]), true)
    expect(t.count()).toBe(1)
    t.ack(sv([[1, 4]]))
    expect(t.count()).toBe(0)
  })

  it('restores changes remembered from an earlier page load as unsent', () => {
    const t = new SaveTracker([{ client: 3, clock: 10, sentAt: 4, advanced: true }])
    t.ack(sv([[3, 10]]))
    expect(t.count()).toBe(1)
    t.markAllSent()
    t.ack(sv([[3, 10]]))
    expect(t.count()).toBe(0)
  })

  it('agrees with real Yjs state vectors', () => {
    const local = new Y.Doc()
    const server = new Y.Doc()
    const t = new SaveTracker()
    local.on('afterTransaction', (tr: Y.Transaction) => {
      t.recordLocal(local.clientID, tr.afterState.get(local.clientID) ?? 0, true)
    })
    local.getMap('m').set('a', 1)
    local.getMap('m').set('b', 2)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(local))
    t.ack(Y.decodeStateVector(Y.encodeStateVector(server)))
    expect(t.count()).toBe(0)
  })
})

describe('SaveTracker counts changes to records', () => {
  it('counts many edits of one post-it as one change', () => {
    const t = new SaveTracker()
    for (let clock = 1; clock <= 31; clock++) t.recordLocal(7, clock, false, true, ['note-1'])
    expect(t.state(false)).toEqual({ kind: 'waiting', pending: 1 })
    t.recordLocal(7, 32, false, true, ['note-2', 'note-1'])
    expect(t.count()).toBe(2)
  })

  it('finds the records a transaction changed, at any depth', async () => {
    const { changedRecords } = await import('./changedRecords.ts')
    const doc = new Y.Doc()
    const items = doc.getMap<Y.Map<unknown>>('items')
    const seen: string[][] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => seen.push(changedRecords(tr)))
    const note = new Y.Map<unknown>()
    const text = new Y.Text()
    note.set('text', text)
    items.set('n1', note)
    text.insert(0, 'hello')
    note.set('x', 5)
    items.delete('n1')
    expect(seen).toEqual([['n1'], ['n1'], ['n1'], ['n1']])
  })
})
