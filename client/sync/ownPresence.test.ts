import { describe, expect, it } from 'vitest'
import * as awarenessProtocol from 'y-protocols/awareness'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { sendOwnPresenceOnly } from './ownPresence.ts'

describe('sendOwnPresenceOnly', () => {
  it("sends this client's presence changes and none of the others' it receives", () => {
    const provider = new WebsocketProvider('ws://127.0.0.1:9', 'b', new Y.Doc(), {
      connect: false,
      disableBc: true,
      WebSocketPolyfill: class {} as unknown as typeof WebSocket,
    })
    const { awareness } = provider
    // Stand in for the provider's sending, as it is registered.
    const sent: number[][] = []
    awareness.off('update', provider._awarenessUpdateHandler)
    provider._awarenessUpdateHandler = (c: { added: number[]; updated: number[] }) =>
      sent.push([...c.added, ...c.updated])
    awareness.on('update', provider._awarenessUpdateHandler)
    sendOwnPresenceOnly(provider)

    awareness.setLocalState({ user: 'me' })
    expect(sent).toEqual([[awareness.clientID]])
    const other = new awarenessProtocol.Awareness(new Y.Doc())
    other.setLocalState({ user: 'someone else' })
    const update = awarenessProtocol.encodeAwarenessUpdate(other, [other.clientID])
    awarenessProtocol.applyAwarenessUpdate(awareness, update, provider)
    expect(awareness.getStates().get(other.clientID)).toEqual({ user: 'someone else' })
    expect(sent).toHaveLength(1)
    provider.destroy()
    other.destroy()
  })
})
