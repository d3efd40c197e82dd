import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { touchedPaths, UnresolvableUpdate } from './update-paths.ts'

/** A server-side doc and a client synced with it; returns the client's next update. */
function pair() {
  const server = new Y.Doc()
  const client = new Y.Doc()
  const sync = () =>
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client, Y.encodeStateVector(server)))
  const nextUpdate = (edit: (doc: Y.Doc) => void): Uint8Array => {
    const before = Y.encodeStateVector(client)
    edit(client)
    return Y.encodeStateAsUpdate(client, before)
  }
  return { server, client, sync, nextUpdate }
}

const keys = (paths: readonly (readonly (string | null)[])[]) =>
  [...new Set(paths.map((p) => p.join('/')))].sort()

describe('touchedPaths', () => {
  it('names the record and field a new record writes', () => {
    const { server, nextUpdate } = pair()
    const update = nextUpdate((doc) => {
      const rec = new Y.Map()
      doc.getMap('items').set('n1', rec)
      rec.set('x', 1)
      rec.set('text', new Y.Text('hello'))
    })
    expect(keys(touchedPaths(server, update))).toEqual([
      'items/n1',
      'items/n1/text',
      'items/n1/text/',
      'items/n1/x',
    ])
  })

  it('resolves edits that carry no parent info through the document', () => {
    const { server, client, sync, nextUpdate } = pair()
    client.transact(() => {
      const rec = new Y.Map()
      client.getMap('rounds').set('r1', rec)
      rec.set('title', new Y.Text('Vote'))
      rec.set('state', 'open')
    })
    sync()
    const update = nextUpdate((doc) => {
      const rec = doc.getMap<Y.Map<unknown>>('rounds').get('r1')!
      ;(rec.get('title') as Y.Text).insert(4, ' now')
      rec.set('state', 'revealed')
    })
    expect(keys(touchedPaths(server, update))).toEqual(['rounds/r1/state', 'rounds/r1/title/'])
  })

  it('reports deletions at the place of the deleted content', () => {
    const { server, client, sync, nextUpdate } = pair()
    client.getMap('meta').set('title', 'x')
    client.getMap('items').set('a', new Y.Map())
    sync()
    const update = nextUpdate((doc) => doc.getMap('items').delete('a'))
    expect(keys(touchedPaths(server, update))).toEqual(['items/a'])
  })

  it('does not change the document it inspects', () => {
    const { server, nextUpdate } = pair()
    const before = Y.encodeStateAsUpdate(server)
    touchedPaths(
      server,
      nextUpdate((doc) => doc.getMap('items').set('a', 1)),
    )
    expect(Y.encodeStateAsUpdate(server)).toEqual(before)
  })

  it('follows a long chain of typed characters without recursion', () => {
    const { server, client, sync, nextUpdate } = pair()
    client.getMap('items').set('n', new Y.Text(''))
    sync()
    const update = nextUpdate((doc) => {
      const text = doc.getMap('items').get('n') as Y.Text
      // Separate transactions-worth of inserts at alternating ends make many small structs.
      for (let i = 0; i < 20_000; i++) text.insert(i % 2 ? 0 : text.length, 'x')
    })
    expect(keys(touchedPaths(server, update))).toEqual(['items/n/'])
  })

  it('refuses an update that refers to content the board does not have', () => {
    const { server, client, nextUpdate } = pair()
    client.getMap('items').set('a', new Y.Map())
    // Never synced: the server does not know record a.
    const update = nextUpdate((doc) => (doc.getMap('items').get('a') as Y.Map<unknown>).set('x', 1))
    expect(() => touchedPaths(server, update)).toThrow(UnresolvableUpdate)
  })
})
