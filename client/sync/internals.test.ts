/**
 * The session reaches into two providers' internals (see BoardSession.applyQuietly): the update
 * listeners they register on the document. Both packages are pinned to exact versions; this test
 * fails when an upgrade renames or re-wires those listeners, before the app silently misbehaves.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

const require = createRequire(import.meta.url)
const source = (pkg: string, file: string) =>
  readFileSync(require.resolve(`${pkg}/package.json`).replace('package.json', file), 'utf8')

describe('provider internals the session relies on', () => {
  it("y-websocket's provider listens to the document's updates with _updateHandler", () => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider('ws://127.0.0.1:9', 'b', doc, {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
    })
    const listeners = (doc as unknown as { _observers: Map<string, Set<unknown>> })._observers
    expect(typeof provider._updateHandler).toBe('function')
    expect(listeners.get('update')?.has(provider._updateHandler)).toBe(true)
    expect(typeof provider.messageHandlers[0]).toBe('function')
    provider.destroy()
    expect(listeners.get('update')?.has(provider._updateHandler) ?? false).toBe(false)
  })

  it("y-websocket's provider sends presence through _awarenessUpdateHandler", () => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider('ws://127.0.0.1:9', 'b', doc, {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
    })
    const listeners = (provider.awareness as unknown as { _observers: Map<string, Set<unknown>> })
      ._observers
    expect(listeners.get('update')?.has(provider._awarenessUpdateHandler)).toBe(true)
    provider.destroy()
    expect(listeners.get('update')?.has(provider._awarenessUpdateHandler) ?? false).toBe(false)
  })

  it('y-indexeddb stores updates through _storeUpdate, registered on the document', () => {
    const code = source('y-indexeddb', 'src/y-indexeddb.js')
    expect(code).toMatch(/this\._storeUpdate = \(update, origin\) =>/)
    expect(code).toMatch(/doc\.on\('update', this\._storeUpdate\)/)
    expect(code).toMatch(/this\.doc\.off\('update', this\._storeUpdate\)/)
  })
})
