import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import {
  addItems,
  comments,
  connectors,
  deleteItems,
  LOCAL_ORIGIN,
  people,
  rounds,
  updateFacilitation,
  updateItem,
  updateSetup,
} from '../../shared/doc/index.ts'
import {
  recordTypes,
  type CommentRecord,
  type NoteRecord,
  type RecordKind,
  type RecordOf,
} from '../../shared/schema/index.ts'
import { CLOSE_FORBIDDEN, CLOSE_MALFORMED } from '../../shared/protocol/messages.ts'
import { checkUpdate, type Writer } from './policy.ts'

const record = <K extends RecordKind>(kind: K, id: string, extra: Partial<RecordOf<K>> = {}) =>
  ({ ...recordTypes[kind].defaults(), id, kind, ...extra }) as RecordOf<K>
const note = (id: string, extra: Partial<NoteRecord> = {}) =>
  record('note', id, { text: id, ...extra })

const ada: Writer = { role: 'participant', personId: 'ada' }
const bob: Writer = { role: 'participant', personId: 'bob' }
const fac: Writer = { role: 'facilitator', personId: 'fac' }

/** A server doc with a client in sync; `next` returns the client's next update. */
function setup() {
  const server = new Y.Doc()
  addItems(server, [note('free'), note('held', { locked: true })], LOCAL_ORIGIN)
  people(server).add([record('person', 'bob', { name: 'Bob', named: false })], LOCAL_ORIGIN)
  comments(server).add(
    [record('comment', 'c1', { targetId: 'free', text: 'mine', authorId: 'bob' })],
    LOCAL_ORIGIN,
  )
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server))
  const next = (edit: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client)
    edit(client)
    return Y.encodeStateAsUpdate(client, before)
  }
  return { server, client, next }
}

const verdict = (writer: Writer, edit: (doc: Y.Doc) => void) => {
  const { server, next } = setup()
  return checkUpdate(writer, server, next(edit))
}

describe('checkUpdate: roles', () => {
  it('refuses viewers everything', () => {
    const v = verdict({ role: 'viewer', personId: null }, (d) =>
      updateItem(d, 'free', { x: 1 }, LOCAL_ORIGIN),
    )
    expect(v).toMatchObject({ ok: false, code: CLOSE_FORBIDDEN })
  })

  it.each<[string, (d: Y.Doc) => void]>([
    ['start a timer', (d) => updateFacilitation(d, { currentPartId: 'p2' }, LOCAL_ORIGIN)],
    ['open a round', (d) => rounds(d).add([record('round', 'r1')], LOCAL_ORIGIN)],
    ['rename the board', (d) => d.getMap('meta').set('title', 'Mine now')],
    [
      'place a dot by hand',
      (d) => {
        const dot = new Y.Map()
        d.getMap('dots').set('d1', dot)
        dot.set('kind', 'dot')
      },
    ],
    ['write who voted', (d) => d.getMap('voters').set('r1', { count: 9, ids: null })],
    ['lock a post-it', (d) => updateItem(d, 'free', { locked: true }, LOCAL_ORIGIN)],
    ['move a locked post-it', (d) => updateItem(d, 'held', { x: 5 }, LOCAL_ORIGIN)],
    ['delete a locked post-it', (d) => deleteItems(d, ['held'], LOCAL_ORIGIN)],
    ['name another person', (d) => people(d).update([['bob', { named: true }]], LOCAL_ORIGIN)],
    ['delete another person', (d) => people(d).delete(['bob'], LOCAL_ORIGIN)],
    [
      'create a person record for someone else',
      (d) => people(d).add([record('person', 'eve', { named: true })], LOCAL_ORIGIN),
    ],
    [
      "change another author's comment",
      (d) => comments(d).update([['c1', { text: 'not what Bob said' }]], LOCAL_ORIGIN),
    ],
    [
      'write a comment in another name',
      (d) =>
        comments(d).add(
          [record('comment', 'c2', { targetId: 'free', authorId: 'bob' })],
          LOCAL_ORIGIN,
        ),
    ],
  ])('refuses a participant who tries to %s', (_what, edit) => {
    expect(verdict(ada, edit)).toMatchObject({ ok: false, code: CLOSE_FORBIDDEN })
  })

  it.each<[string, Writer, (d: Y.Doc) => void]>([
    ['move a post-it', ada, (d) => updateItem(d, 'free', { x: 5 }, LOCAL_ORIGIN)],
    [
      'type into a post-it',
      ada,
      (d) =>
        (d.getMap<Y.Map<unknown>>('items').get('free')!.get('text') as Y.Text).insert(0, 'hi '),
    ],
    ['add a post-it', ada, (d) => addItems(d, [note('n2', { authorId: 'ada' })], LOCAL_ORIGIN)],
    ['draw an arrow', ada, (d) => connectors(d).add([record('connector', 'a1')], LOCAL_ORIGIN)],
    ['edit the setup', ada, (d) => updateSetup(d, { theme: 'How we work' }, LOCAL_ORIGIN)],
    [
      'write scribe notes',
      ada,
      (d) => d.getXmlFragment('scribe:plenary').insert(0, [new Y.XmlText('notes')]),
    ],
    ['name oneself', bob, (d) => people(d).update([['bob', { named: true }]], LOCAL_ORIGIN)],
    [
      'join the people list',
      ada,
      (d) => people(d).add([record('person', 'ada', { name: 'Ada' })], LOCAL_ORIGIN),
    ],
    [
      'edit own comment',
      bob,
      (d) => comments(d).update([['c1', { text: 'better' }]], LOCAL_ORIGIN),
    ],
    [
      "resolve someone's thread",
      ada,
      (d) => comments(d).update([['c1', { resolved: true }]], LOCAL_ORIGIN),
    ],
    [
      'comment in own name',
      ada,
      (d) =>
        comments(d).add(
          [record('comment', 'c2', { targetId: 'free', authorId: 'ada' }) as CommentRecord],
          LOCAL_ORIGIN,
        ),
    ],
    [
      'lock a post-it as facilitator',
      fac,
      (d) => updateItem(d, 'free', { locked: true }, LOCAL_ORIGIN),
    ],
    [
      'open a round as facilitator',
      fac,
      (d) => rounds(d).add([record('round', 'r1')], LOCAL_ORIGIN),
    ],
    ['delete a comment as facilitator', fac, (d) => comments(d).delete(['c1'], LOCAL_ORIGIN)],
  ])('lets a writer %s', (_what, writer, edit) => {
    expect(verdict(writer, edit)).toMatchObject({ ok: true })
  })

  it("keeps consent the person's own, even for facilitators", () => {
    const v = verdict(fac, (d) => people(d).update([['bob', { named: true }]], LOCAL_ORIGIN))
    expect(v).toMatchObject({ ok: false, code: CLOSE_FORBIDDEN })
  })

  it('keeps private rooms to post-its, for facilitators too', () => {
    const arrow = setup()
    const update = arrow.next((d) => connectors(d).add([record('connector', 'a1')], LOCAL_ORIGIN))
    expect(checkUpdate(fac, arrow.server, update, 'private').ok).toBe(false)
    const post = setup()
    const note1 = post.next((d) => addItems(d, [note('p1')], LOCAL_ORIGIN))
    expect(checkUpdate(ada, post.server, note1, 'private').ok).toBe(true)
  })
})

describe('checkUpdate: shape', () => {
  it.each<[string, (d: Y.Doc) => void]>([
    ['write an unknown root', (d) => d.getMap('junk').set('x', 1)],
    ['write a root as a list', (d) => d.getArray('items').insert(0, [1])],
  ])('refuses an update that tries to %s', (_what, edit) => {
    expect(verdict(fac, edit).ok).toBe(false)
  })

  it.each<[string, (d: Y.Doc) => void]>([
    [
      'add a record of an unknown kind',
      (d) => {
        const m = new Y.Map()
        d.getMap('items').set('z1', m)
        m.set('kind', 'spaceship')
      },
    ],
    [
      'add a record of a kind from another collection',
      (d) => {
        const m = new Y.Map()
        d.getMap('items').set('z1', m)
        m.set('kind', 'connector')
      },
    ],
    ['add a record as a plain value', (d) => d.getMap('items').set('z1', { kind: 'note' })],
    [
      'set an unknown field',
      (d) => d.getMap<Y.Map<unknown>>('items').get('free')!.set('evil', true),
    ],
    [
      'set a field of the wrong type',
      (d) => d.getMap<Y.Map<unknown>>('items').get('free')!.set('x', 'far away'),
    ],
    [
      'set a colour nobody has',
      (d) => updateItem(d, 'free', { color: 'chartreuse' } as never, LOCAL_ORIGIN),
    ],
    [
      'change a record kind',
      (d) => d.getMap<Y.Map<unknown>>('items').get('free')!.set('kind', 'label'),
    ],
    [
      'write text too long',
      (d) =>
        (d.getMap<Y.Map<unknown>>('items').get('free')!.get('text') as Y.Text).insert(
          0,
          'x'.repeat(5001),
        ),
    ],
    [
      'write text as a plain string',
      (d) => d.getMap<Y.Map<unknown>>('items').get('free')!.set('text', 'plain'),
    ],
    [
      'nest a map in a field',
      (d) => d.getMap<Y.Map<unknown>>('items').get('free')!.set('x', new Y.Map()),
    ],
    ['set a bad record id', (d) => addItems(d, [note('bad id!')], LOCAL_ORIGIN)],
    [
      'write the agenda in the wrong shape',
      (d) => d.getMap('facilitation').set('agenda', [{ title: 5 }]),
    ],
  ])('refuses (4400) an update that tries to %s', (_what, edit) => {
    expect(verdict(fac, edit)).toMatchObject({ ok: false, code: CLOSE_MALFORMED })
  })

  it('ignores content and deletions the document already has (a resent sync step 2)', () => {
    const { server, client } = setup()
    const f = new Y.Doc()
    Y.applyUpdate(f, Y.encodeStateAsUpdate(server))
    updateFacilitation(f, { currentPartId: 'a' }, LOCAL_ORIGIN)
    updateFacilitation(f, { currentPartId: 'b' }, LOCAL_ORIGIN)
    Y.applyUpdate(server, Y.encodeStateAsUpdate(f))
    Y.applyUpdate(client, Y.encodeStateAsUpdate(f))
    expect(checkUpdate(ada, server, Y.encodeStateAsUpdate(client))).toMatchObject({ ok: true })
  })

  it('accepts an edit of a post-it someone else deleted meanwhile', () => {
    const { server, client } = setup()
    const before = Y.encodeStateVector(client)
    updateItem(client, 'free', { x: 42 }, LOCAL_ORIGIN)
    ;(client.getMap<Y.Map<unknown>>('items').get('free')!.get('text') as Y.Text).insert(0, 'late ')
    const edit = Y.encodeStateAsUpdate(client, before)
    deleteItems(server, ['free'], LOCAL_ORIGIN)
    expect(checkUpdate(ada, server, edit)).toMatchObject({ ok: true })
  })

  it('accepts the old shape of a migrated field from an old client', () => {
    const { server, next } = setup()
    rounds(server).add([record('round', 'r1')], LOCAL_ORIGIN)
    const { client } = { client: next }
    void client
    const old = new Y.Doc()
    Y.applyUpdate(old, Y.encodeStateAsUpdate(server))
    const before = Y.encodeStateVector(old)
    old.getMap<Y.Map<unknown>>('rounds').get('r1')!.set('allowStacking', false)
    expect(checkUpdate(fac, server, Y.encodeStateAsUpdate(old, before))).toMatchObject({ ok: true })
  })

  it('refuses an update it cannot place', () => {
    const { server } = setup()
    const other = new Y.Doc()
    const rec = new Y.Map()
    other.getMap('items').set('x', rec)
    const before = Y.encodeStateVector(other)
    rec.set('y', 1)
    const orphan = Y.encodeStateAsUpdate(other, before)
    expect(checkUpdate(ada, server, orphan)).toMatchObject({ ok: false, code: CLOSE_MALFORMED })
  })
})
