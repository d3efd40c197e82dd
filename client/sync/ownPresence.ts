/**
 * y-websocket's provider sends every presence change it sees to the server, other people's too
 * (the server drops those echoes). In a room of fifty moving cursors that is a thousand frames a
 * second from every laptop: the provider is made to send only this client's own presence.
 */
import type { WebsocketProvider } from 'y-websocket'

interface PresenceChanges {
  added: number[]
  updated: number[]
  removed: number[]
}

export function sendOwnPresenceOnly(provider: WebsocketProvider): void {
  const { awareness } = provider
  const send = provider._awarenessUpdateHandler
  awareness.off('update', send)
  const own = (ids: number[]) => ids.filter((id) => id === awareness.clientID)
  // Under the provider's own name, so that its destroy() removes this one.
  provider._awarenessUpdateHandler = (changes: PresenceChanges, origin: unknown) => {
    const mine = {
      added: own(changes.added),
      updated: own(changes.updated),
      removed: own(changes.removed),
    }
    if (mine.added.length + mine.updated.length + mine.removed.length > 0) send(mine, origin)
  }
  awareness.on('update', provider._awarenessUpdateHandler)
}
