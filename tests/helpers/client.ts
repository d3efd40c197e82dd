import * as decoding from 'lib0/decoding'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { MESSAGE_SAVED } from '../../shared/protocol/messages.ts'
import { eventually } from './eventually.ts'

export interface CloseInfo {
  code: number
  reason: string
}

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** Every close the provider saw, in order. */
  closes: CloseInfo[]
  /** State vectors received in MESSAGE_SAVED frames (only with `acks`). */
  acks: Uint8Array[]
  /** Resolves once the first sync with the server is done. */
  synced(timeoutMs?: number): Promise<void>
  /** Resolves with the first close of the connection. */
  closed(timeoutMs?: number): Promise<CloseInfo>
  destroy(): void
}

export interface ConnectOptions {
  acks?: boolean
  doc?: Y.Doc
  /** The device secret the server derives the person id from (`?user=`). */
  user?: string
}

/** The ws:// base that WebsocketProvider appends `/<boardId>` to. */
export const wsBase = (httpUrl: string) => `${httpUrl.replace(/^http/, 'ws')}/ws`

/**
 * A stock y-websocket client, as a browser would run it, on the `ws` package. BroadcastChannel
 * is off: two clients in one test process must talk through the server, not past it.
 */
export function connectClient(
  url: string,
  boardId: string,
  token: string,
  options: ConnectOptions = {},
): TestClient {
  const doc = options.doc ?? new Y.Doc()
  const params: Record<string, string> = { token }
  if (options.acks) params.acks = '1'
  if (options.user) params.user = options.user
  const provider = new WebsocketProvider(wsBase(url), boardId, doc, {
    params,
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  })
  const closes: CloseInfo[] = []
  const acks: Uint8Array[] = []
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  // Our extension to the protocol; a stock client without this handler would log an error.
  provider.messageHandlers[MESSAGE_SAVED] = (_encoder, decoder) => {
    acks.push(decoding.readVarUint8Array(decoder))
  }
  return {
    doc,
    provider,
    closes,
    acks,
    synced: (timeoutMs = 5000) =>
      eventually(() => {
        if (!provider.synced) throw new Error(`client did not sync with ${provider.url}`)
      }, timeoutMs),
    closed: (timeoutMs = 5000) =>
      eventually(() => {
        const close = closes[0]
        if (!close) throw new Error('connection was not closed')
        return close
      }, timeoutMs),
    destroy: () => {
      provider.destroy()
      provider.awareness.destroy()
      doc.destroy()
    },
  }
}
