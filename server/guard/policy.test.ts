import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { addItems, LOCAL_ORIGIN, updateFacilitation, updateItem } from '../../shared/doc/index.ts'
import { recordTypes, type NoteRecord } from '../../shared/schema/index.ts'
import { checkPaths, checkUpdate } from './policy.ts'

const note = (id: string, extra: Partial<NoteRecord> = {}): NoteRecord => ({
  ...recordTypes.note.defaults(),
  id,
  kind: 'note',
  text: id,
  ...extra,
})

/** A server doc with a client in sync; `next` returns the client's next update. */
function setup() {
  const server = new Y.Doc()
  const client = new Y.Doc()
  addItems(server, [note('free'), note('held', { locked: true })], LOCAL_ORIGIN)
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const next = (edit: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client)
    edit(client)
    return Y.encodeStateAsUpdate(client, before)
  }
  return { server, client, next }
}

describe('checkPaths', () => {
  const doc = new Y.Doc()
  addItems(doc, [note('held', { locked: true })], LOCAL_ORIGIN)

  it('lets facilitators change anything', () => {
    expect(checkPaths('facilitator', [['facilitation', 'timer']], doc).ok).toBe(true)
    expect(checkPaths('facilitator', [['items', 'held', 'x']], doc).ok).toBe(true)
  })

  it('refuses viewers everything', () => {
    expect(checkPaths('viewer', [['items', 'n', 'x']], doc).ok).toBe(false)
  })

  it.each([
    [['facilitation', 'timer']],
    [['rounds', 'r1', 'state']],
    [['meta', 'title']],
    [['dots', 'd1']],
    [['voters', 'r1']],
    [['items', 'n1', 'locked']],
    [['items', 'f1', 'hidden']],
    [['items', 'held', 'x']],
    [['items', 'held', 'text', null]],
    [['items', 'held']],
  ])('refuses a participant %j', (path) => {
    const verdict = checkPaths('participant', [['items', 'other', 'x'], path], doc)
    expect(verdict.ok).toBe(false)
  })

  it('lets a participant edit unlocked items and other shared state', () => {
    const paths = [
      ['items', 'n1', 'x'],
      ['items', 'n1', 'text', null],
      ['connectors', 'c1'],
      ['scribe:plenary', null],
    ]
    expect(checkPaths('participant', paths, doc)).toEqual({ ok: true })
  })

  it('keeps private rooms to post-its, for facilitators too', () => {
    expect(checkPaths('participant', [['items', 'n1', 'x']], doc, 'private').ok).toBe(true)
    expect(checkPaths('participant', [['connectors', 'c1']], doc, 'private').ok).toBe(false)
    expect(checkPaths('facilitator', [['facilitation', 'phase']], doc, 'private').ok).toBe(false)
  })
})

describe('checkUpdate', () => {
  it('refuses a participant update that starts a timer', () => {
    const { server, next } = setup()
    const update = next((d) => updateFacilitation(d, { currentPartId: 'p2' }, LOCAL_ORIGIN))
    expect(checkUpdate('participant', server, update)).toEqual({
      ok: false,
      reason: 'only facilitators change facilitation',
    })
    expect(checkUpdate('facilitator', server, update).ok).toBe(true)
  })

  it('refuses moving or deleting a locked item, allows the unlocked one', () => {
    const { server, next } = setup()
    expect(
      checkUpdate(
        'participant',
        server,
        next((d) => updateItem(d, 'free', { x: 5 }, LOCAL_ORIGIN)),
      ).ok,
    ).toBe(true)
    expect(
      checkUpdate(
        'participant',
        server,
        next((d) => updateItem(d, 'held', { x: 5 }, LOCAL_ORIGIN)),
      ).ok,
    ).toBe(false)
    expect(
      checkUpdate(
        'participant',
        server,
        next((d) => d.getMap('items').delete('held')),
      ).ok,
    ).toBe(false)
  })

  it('refuses unlocking a locked item or locking a new one', () => {
    const { server, next } = setup()
    const unlock = next((d) =>
      (d.getMap('items').get('held') as Y.Map<unknown>).set('locked', false),
    )
    expect(checkUpdate('participant', server, unlock).ok).toBe(false)
    const lockedNew = next((d) => addItems(d, [note('mine', { locked: false })], LOCAL_ORIGIN))
    expect(checkUpdate('participant', server, lockedNew).ok).toBe(false)
  })

  it('ignores content and deletions the document already has (a resent sync step 2)', () => {
    const { server, client, next } = setup()
    // Facilitation content both sides hold, then deleted on both sides.
    const f = new Y.Doc()
    Y.applyUpdate(f, Y.encodeStateAsUpdate(server))
    updateFacilitation(f, { currentPartId: 'a' }, LOCAL_ORIGIN)
    updateFacilitation(f, { currentPartId: 'b' }, LOCAL_ORIGIN)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(f))
    Y.applyUpdate(client, Y.encodeStateAsUpdate(f))
    const resend = Y.encodeStateAsUpdate(client)
    expect(checkUpdate('participant', server, resend)).toEqual({ ok: true })
    expect(
      checkUpdate(
        'participant',
        server,
        next((d) => updateItem(d, 'free', { x: 1 }, LOCAL_ORIGIN)),
      ).ok,
    ).toBe(true)
  })

  it('refuses an update it cannot place', () => {
    const { server } = setup()
    const other = new Y.Doc()
    const rec = new Y.Map()
    other.getMap('items').set('x', rec)
    const before = Y.encodeStateVector(other)
    rec.set('y', 1)
    const orphan = Y.encodeStateAsUpdate(other, before)
    expect(checkUpdate('participant', server, orphan).ok).toBe(false)
  })
})
