/**
 * One open board: the Y.Doc, its local copy in IndexedDB, the WebSocket provider, awareness,
 * undo and the save tracker. Everything that talks to the network or to storage lives here.
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import { withJitter } from './backoff.ts'
import * as Y from 'yjs'
import { z } from 'zod'
import {
  connectors,
  items,
  LOCAL_ORIGIN,
  metaMap,
  schemaState,
  tags,
} from '../../shared/doc/index.ts'
import {
  CLOSE_CONTENT_TOO_LARGE,
  CLOSE_FORBIDDEN,
  CLOSE_LINK_REVOKED,
  CLOSE_RATE_LIMITED,
  CLOSE_UNAUTHORIZED,
  MESSAGE_SAVED,
  MESSAGE_SYNC,
} from '../../shared/protocol/messages.ts'
import { userSecret } from '../lib/identity.ts'
import { Store } from '../lib/store.ts'
import { readStored, writeStored } from '../lib/storage.ts'
import type { SessionStatus } from './connection.ts'
import { changedRecords } from './changedRecords.ts'
import { installFastStrings } from './fastStrings.ts'
import { sendOwnPresenceOnly } from './ownPresence.ts'
import { SaveTracker, type PendingChange } from './saveTracker.ts'

type Handler = WebsocketProvider['messageHandlers'][number]

// Before any board's first sync is decoded.
installFastStrings()

const pendingSchema = z.array(
  z.object({
    client: z.number(),
    clock: z.number(),
    sentAt: z.number().nullable(),
    advanced: z.boolean(),
    records: z.array(z.string()).optional(),
  }),
)

export interface SessionOptions {
  boardId: string
  token: string
  /** The UI hint from the link; the server enforces the real role. */
  readOnly: boolean
}

export class BoardSession {
  readonly doc = new Y.Doc()
  readonly provider: WebsocketProvider
  readonly local: IndexeddbPersistence
  readonly undo: Y.UndoManager
  readonly saves: SaveTracker
  readonly status: Store<SessionStatus>
  private readonly pendingKey: string
  private forbiddenCloses = 0
  private readonly cleanup: (() => void)[] = []

  constructor(readonly options: SessionOptions) {
    const { boardId, token } = options
    this.pendingKey = `wb.pending.${boardId}`
    this.saves = new SaveTracker(readStored(this.pendingKey, pendingSchema, [] as PendingChange[]))
    this.status = new Store<SessionStatus>({
      connection: 'connecting',
      readOnly: options.readOnly,
      loaded: false,
      newerSchema: false,
    })
    this.undo = new Y.UndoManager(
      [items(this.doc).map, connectors(this.doc).map, tags(this.doc).map, metaMap(this.doc)],
      {
        trackedOrigins: new Set([LOCAL_ORIGIN]),
        captureTimeout: 600,
      },
    )

    this.local = new IndexeddbPersistence(`board-${boardId}`, this.doc)
    const protocol = location.protocol === 'https:' ? 'wss' : 'ws'
    this.provider = new WebsocketProvider(`${protocol}://${location.host}/ws`, boardId, this.doc, {
      connect: false,
      // The device's secret: the server derives this person's id from it (votes, private notes).
      params: { token, acks: '1', user: userSecret() },
      // Jittered waits: the clients of a drained or crashed server do not return in lockstep.
      shouldReconnect: (event) => withJitter(this.provider, this.shouldReconnect(event)),
      // Tabs of one browser would otherwise sync among themselves past the server's role checks.
      disableBc: true,
    })
    this.installHandlers()
    sendOwnPresenceOnly(this.provider)
    this.trackLocalChanges()
    this.trackConnection()

    // A device that opened this board before has a local copy: load it first so that the first
    // sync sends only what the server lacks. A first visit has nothing to wait for.
    const localKey = `wb.local.${boardId}`
    const hasLocalCopy = readStored(localKey, z.boolean(), false)
    writeStored(localKey, true)
    let started = false
    performance.mark('board:session')
    const start = () => {
      if (started) return
      started = true
      performance.mark('board:connect')
      // A local copy with content is enough to show; an empty one waits for the server.
      if (items(this.doc).map.size > 0) this.onLoaded()
      this.provider.connect()
    }
    if (!hasLocalCopy) start()
    void this.local.whenSynced.then(start, start)
    const fallback = setTimeout(start, 1500)
    this.cleanup.push(() => clearTimeout(fallback))
  }

  get awareness() {
    return this.provider.awareness
  }

  private onLoaded(): void {
    if (this.status.get().loaded) return
    performance.mark('board:loaded')
    this.status.set({ loaded: true, newerSchema: schemaState(this.doc).result === 'newer' })
  }

  private installHandlers(): void {
    const handlers = this.provider.messageHandlers
    // The server follows its answer to our sync step 1 (a step 2) with a handshake ack.
    let afterStep2 = false
    handlers[MESSAGE_SAVED] = ((_encoder, decoder) => {
      this.saves.ack(Y.decodeStateVector(decoding.readVarUint8Array(decoder)), afterStep2)
      afterStep2 = false
    }) as Handler
    const sync = handlers[MESSAGE_SYNC]!
    handlers[MESSAGE_SYNC] = ((encoder, decoder, provider, emitSynced, type) => {
      const kind = decoding.peekVarUint(decoder)
      afterStep2 = kind === syncProtocol.messageYjsSyncStep2
      // The server's answer to our sync step 1: its step 2, and any updates it sends before.
      if (afterStep2 || (kind === syncProtocol.messageYjsUpdate && !provider.synced)) {
        const reader = decoding.clone(decoder)
        decoding.readVarUint(reader)
        const update = decoding.readVarUint8Array(reader)
        this.applyQuietly(update, () => sync(encoder, decoder, provider, emitSynced, type))
      } else sync(encoder, decoder, provider, emitSynced, type)
      // A reply means we answered the server's sync step 1 with everything it lacks.
      if (encoding.length(encoder) > 1) this.saves.markAllSent()
      if (provider.synced && !this.status.get().loaded) this.onLoaded()
    }) as Handler
  }

  /**
   * Applies (part of) the server's answer to our sync step 1, which can be the whole board,
   * without the doc's 'update' listeners: Yjs would re-encode all of it for them, and neither
   * needs that. Those listeners are the providers' own (`_updateHandler`, `_storeUpdate`), not
   * public API: both packages are pinned to exact versions, and internals.test.ts fails when an
   * upgrade changes them. The provider never echoes the server's own updates; the local copy stores the
   * bytes as they came (one still opening stores the whole document when it has opened).
   */
  private applyQuietly(update: Uint8Array, apply: () => void): void {
    const listeners = [this.provider._updateHandler, this.local._storeUpdate]
    for (const l of listeners) this.doc.off('update', l)
    try {
      apply()
    } finally {
      for (const l of listeners) this.doc.on('update', l)
    }
    if (this.local.db) this.local._storeUpdate(update, this.provider)
  }

  private trackLocalChanges(): void {
    const onTransaction = (tr: Y.Transaction) => {
      if (!tr.local) return
      const id = this.doc.clientID
      const before = tr.beforeState.get(id) ?? 0
      const after = tr.afterState.get(id) ?? 0
      if (after === before && tr.deleteSet.clients.size === 0) return
      this.saves.recordLocal(
        id,
        after,
        this.provider.wsconnected,
        after > before,
        changedRecords(tr),
      )
    }
    this.doc.on('afterTransaction', onTransaction)
    const persist = () => writeStored(this.pendingKey, this.saves.snapshot())
    const stop = this.saves.subscribe(persist)
    this.cleanup.push(() => this.doc.off('afterTransaction', onTransaction), stop)
  }

  private shouldReconnect(event: CloseEvent): boolean {
    if (event.code === CLOSE_FORBIDDEN || event.code === CLOSE_CONTENT_TOO_LARGE) {
      // The server refused an edit (not allowed, or more than one update may hold): show the
      // board read-only and keep following it, unless our local copy keeps holding edits the
      // server will refuse again.
      this.status.set({ readOnly: true })
      return ++this.forbiddenCloses < 3
    }
    if (event.code === CLOSE_UNAUTHORIZED || event.code === CLOSE_LINK_REVOKED) {
      // A link rotated or expired is as good as none: the facilitator has a new one.
      this.status.set({ connection: 'invalid' })
      return false
    }
    // Over a rate limit: come back (the provider backs off); a well-behaved client rarely is.
    if (event.code === CLOSE_RATE_LIMITED) return true
    return !(event.code >= 4400 && event.code < 4500)
  }

  private trackConnection(): void {
    let everConnected = false
    const update = () => {
      if (this.status.get().connection === 'invalid') return
      let connection: SessionStatus['connection']
      if (this.provider.wsconnected) {
        everConnected = true
        connection = 'online'
      } else if (!navigator.onLine) connection = 'offline'
      else connection = everConnected ? 'reconnecting' : 'connecting'
      if (!this.provider.shouldConnect && !this.provider.wsconnected) connection = 'offline'
      this.status.set({ connection })
    }
    // A socket can linger after the network went away; drop it and come back with the network.
    const goOffline = () => {
      if (this.status.get().connection === 'invalid') return
      this.provider.disconnect()
      update()
    }
    const goOnline = () => {
      if (this.status.get().connection === 'invalid') return
      this.provider.connect()
      update()
    }
    this.provider.on('status', update)
    this.provider.on('connection-close', update)
    window.addEventListener('online', goOnline)
    window.addEventListener('offline', goOffline)
    this.cleanup.push(() => {
      window.removeEventListener('online', goOnline)
      window.removeEventListener('offline', goOffline)
    })
  }

  destroy(): void {
    for (const c of this.cleanup) c()
    this.undo.destroy()
    this.provider.destroy()
    void this.local.destroy()
    this.doc.destroy()
  }
}
