/**
 * The WebSocket endpoint `/ws/<boardId>?token=...`. Authentication happens here, at the
 * upgrade, before any board is loaded; the role is decided once and kept by the connection.
 * Before that, cheap refusals as plain HTTP answers: an unknown path (404), a foreign Origin
 * (403), an address whose upgrade attempts were refused too often this second (429, checked
 * before its token; only refused attempts count, so a roomful behind one NAT joins at once). Refused tokens are accepted and then
 * closed with 4401 (4410 for a rotated or expired link), so that browsers see the code.
 * Live connections are checked against their link's lifecycle: one opened with a link that was
 * rotated or has expired is closed with 4410 (at once when rotated here, else within seconds).
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import {
  CLOSE_FORBIDDEN,
  CLOSE_LINK_REVOKED,
  CLOSE_NOT_FOUND,
  CLOSE_RATE_LIMITED,
  CLOSE_UNAUTHORIZED,
} from '../../shared/protocol/messages.ts'
import { idSchema } from '../../shared/schema/index.ts'
import { personIdOf } from '../auth/person.ts'
import type { LinkRegistry, LinkVerdict } from '../auth/link-registry.ts'
import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'
import type { LimitSettings } from '../config.ts'
import type { Logger } from '../logger.ts'
import { Connection, type ConnectionInfo } from '../sync/connection.ts'
import { BoardNotFoundError } from '../sync/errors.ts'
import type { Room } from '../sync/room.ts'
import type { RoomManager } from '../sync/room-manager.ts'
import { clientAddress } from './client-address.ts'
import { FrameGate, frameBudgets } from './frame-gate.ts'
import { Budget, type LimiterFactory } from './limits.ts'
import { originAllowed } from './origin.ts'
import { isPresenceEcho } from './presence-echo.ts'
import { UpdateScreen } from '../guard/update-screen.ts'
import { WorkBudget } from '../sync/work-budget.ts'

export interface WebSocketEndpointOptions {
  rooms: RoomManager
  links: LinkRegistry
  log: Logger
  limits: LimitSettings
  limiterFactory: LimiterFactory
  /** PUBLIC_URL, whose origin may open sockets. */
  publicUrl?: string
  /** Ping interval; a socket that did not answer the previous ping is terminated. */
  heartbeatMs: number
  /** Told the code of every closed socket (metrics). */
  onClosed?: (code: number) => void
}

/** Frames a client may send before its board is loaded (a stock client sends two). */
const MAX_QUEUED = 256
const CLOSE_GOING_AWAY = 1001
/** How often live connections are checked against their links (rotations elsewhere, expiry). */
const LINK_RECHECK_MS = 1000

export interface CloseOptions {
  code: number
  reason: string
  /** Sockets are closed one by one in random order over this many ms, not all at once. */
  spreadMs: number
}

export interface WebSocketEndpoint {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Closes every socket (1001 by default) and waits (briefly) until they are gone. */
  close(options?: CloseOptions): Promise<void>
}

export function createWebSocketEndpoint(options: WebSocketEndpointOptions): WebSocketEndpoint {
  const { rooms, links, log, limits } = options
  const wss = new WebSocketServer({ noServer: true, maxPayload: limits.maxMessageBytes })
  const alive = new WeakSet<WebSocket>()
  const live = new Set<Connection>()
  const perAddress = new Map<string, number>()
  const upgrades = new Budget(
    options.limiterFactory,
    { keyPrefix: 'ws-upgrade', points: limits.upgradesPerSecond, duration: 1 },
    log,
  )
  const budgets = frameBudgets(limits, options.limiterFactory, log)
  const screen = new UpdateScreen()
  // Kept while an address has sockets, and a heartbeat beyond: reconnecting does not refill it.
  const addressItems = new Map<string, WorkBudget>()
  const itemBudget = (address: string) => {
    const own = new WorkBudget(limits.itemsPerSecond)
    let shared = addressItems.get(address)
    if (!shared) addressItems.set(address, (shared = new WorkBudget(limits.addressItemsPerSecond)))
    return (items: number) =>
      !own.spend(items)
        ? 'too many changed items per second'
        : !shared.spend(items)
          ? 'too many changed items per second from this address'
          : null
  }

  const heartbeat = setInterval(() => {
    for (const address of addressItems.keys())
      if (!perAddress.has(address)) addressItems.delete(address)
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        log.info('terminating unresponsive socket')
        ws.terminate()
        continue
      }
      alive.delete(ws)
      ws.ping()
    }
  }, options.heartbeatMs)
  heartbeat.unref()

  /** Closes the connections whose link no longer holds; `boardId` narrows it to one board. */
  async function recheckLinks(boardId?: string): Promise<void> {
    const byBoard = new Map<string, Connection[]>()
    for (const conn of live) {
      if (boardId && conn.link.boardId !== boardId) continue
      byBoard.set(conn.link.boardId, [...(byBoard.get(conn.link.boardId) ?? []), conn])
    }
    await Promise.all(
      [...byBoard].map(async ([board, conns]) => {
        try {
          for (const conn of conns) {
            const grant = { role: conn.role, generation: conn.link.generation }
            const refusal = await links.recheck(board, grant)
            if (refusal) conn.close(CLOSE_LINK_REVOKED, linkMessage(refusal))
          }
        } catch (err) {
          // The store is failing: the sockets stay as they are until it answers again.
          log.warn({ err, boardId: board }, 'could not check the links of live sockets')
        }
      }),
    )
  }
  const stopListening = links.onChange((boardId) => void recheckLinks(boardId))
  const linkTimer = setInterval(() => {
    links.prune()
    void recheckLinks()
  }, LINK_RECHECK_MS)
  linkTimer.unref()

  let closing = false

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => {}) // A peer gone mid-handshake is not our error.
    // Shutting down: a socket opened now would keep the server from closing.
    if (closing) return refuseHttp(socket, 503, 'Service Unavailable')
    const url = new URL(req.url ?? '/', 'http://localhost')
    const match = /^\/ws\/([^/]+)$/.exec(url.pathname)
    if (!match) return refuseHttp(socket, 404, 'Not Found')
    if (!originAllowed(req, options.publicUrl, limits.allowedOrigins)) {
      log.warn({ origin: req.headers.origin }, 'refused socket: foreign origin')
      return refuseHttp(socket, 403, 'Forbidden')
    }
    const address = clientAddress(req, limits.trustProxy)
    // An address whose attempts keep being refused is answered before any token is checked.
    void upgrades.exhausted(address).then(async (spent) => {
      if (!spent.ok) return refuseHttp(socket, 429, 'Too Many Requests', spent.retryAfterMs)
      const boardId = safeDecode(match[1]!)
      // A person's private room during private writing is reached with the board's token.
      const privateRoom = boardId ? parsePrivateRoomId(boardId) : null
      const tokenBoard = privateRoom?.boardId ?? boardId
      let verdict: LinkVerdict = { ok: false, refusal: 'invalid' }
      if (tokenBoard && idSchema.safeParse(tokenBoard).success) {
        try {
          verdict = await links.authorize(tokenBoard, url.searchParams.get('token'))
        } catch (err) {
          log.error({ err }, 'reading the links failed')
          return refuseHttp(socket, 503, 'Service Unavailable')
        }
      }
      // The checks above wait: the server may have begun shutting down meanwhile.
      if (socket.destroyed) return
      if (closing) return refuseHttp(socket, 503, 'Service Unavailable')
      const personId = personIdOf(url.searchParams.get('user'))
      wss.handleUpgrade(req, socket, head, (ws) => {
        alive.add(ws)
        ws.on('pong', () => alive.add(ws))
        if (!verdict.ok || !boardId || !tokenBoard) {
          void upgrades.spend(address)
          const refusal = verdict.ok ? 'invalid' : verdict.refusal
          const code = refusal === 'invalid' ? CLOSE_UNAUTHORIZED : CLOSE_LINK_REVOKED
          log.warn({ boardId, code }, `refused socket: ${linkMessage(refusal)}`)
          ws.close(code, linkMessage(refusal))
          return
        }
        const { role, generation } = verdict
        if (privateRoom && (role === 'viewer' || personId !== privateRoom.personId)) {
          // Nobody but its owner reads a private room, facilitators included.
          void upgrades.spend(address)
          log.warn({ boardId, code: CLOSE_FORBIDDEN }, 'refused socket: not this private room')
          ws.close(CLOSE_FORBIDDEN, 'forbidden: not your private room')
          return
        }
        const open = perAddress.get(address) ?? 0
        if (limits.connectionsPerAddress > 0 && open >= limits.connectionsPerAddress) {
          log.warn({ boardId, code: CLOSE_RATE_LIMITED }, 'refused socket: too many from address')
          ws.close(CLOSE_RATE_LIMITED, 'too many connections from this address')
          return
        }
        perAddress.set(address, open + 1)
        ws.once('close', () => {
          const left = (perAddress.get(address) ?? 1) - 1
          if (left > 0) perAddress.set(address, left)
          else perAddress.delete(address)
        })
        attach(ws, {
          boardId,
          role,
          personId,
          wantsAcks: url.searchParams.get('acks') === '1',
          link: { boardId: tokenBoard, generation },
          address,
          spendItems: itemBudget(address),
        })
      })
    })
  }

  function attach(ws: WebSocket, info: ConnectionInfo): void {
    const conn = new Connection(ws, info, log)
    live.add(conn)
    const lease = rooms.acquire(info.boardId)
    // A private room's connection keeps its board loaded: whether private writing runs is read
    // there before each write (FacilitationService.refusePrivateWrite).
    const boardOfPrivate = parsePrivateRoomId(info.boardId)?.boardId
    const boardLease = boardOfPrivate ? rooms.acquire(boardOfPrivate) : null
    let room: Room | null = null
    const queue: Uint8Array[] = []
    conn.log.info('connection opened')

    const gate = new FrameGate(
      budgets,
      conn.id,
      conn.address,
      (frame) => {
        if (conn.closed) return
        if (room) return room.receive(conn, frame)
        if (queue.length >= MAX_QUEUED) return conn.close(1008, 'too many frames before sync')
        queue.push(frame)
      },
      ({ code, reason }) => {
        conn.log.warn({ code, reason }, 'connection over its limits')
        conn.close(code, reason)
      },
      (frame) => room !== null && isPresenceEcho(frame, room.awareness, conn.presenceIds),
      (frame) => screen.screen(frame),
    )
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (conn.closed) return
      // A copy, exactly sized: ws may hand us a view into a larger pooled buffer.
      const frame = toBytes(data)
      if (!isBinary) return conn.close(4400, 'text frames are not part of the protocol')
      gate.push(frame)
    })
    ws.on('error', (err) => conn.log.warn({ err: err.message }, 'socket error'))
    ws.on('close', (code: number) => {
      live.delete(conn)
      room?.remove(conn)
      lease.release()
      boardLease?.release()
      conn.log.info({ code }, 'connection closed')
      options.onClosed?.(code)
    })

    Promise.all([lease.room, boardLease?.room]).then(
      ([loaded]) => {
        if (conn.closed) return
        room = loaded
        loaded.add(conn)
        for (const frame of queue.splice(0)) loaded.receive(conn, frame)
      },
      (err: unknown) => {
        if (err instanceof BoardNotFoundError) return conn.close(CLOSE_NOT_FOUND, 'no such board')
        conn.log.error({ err }, 'loading the board failed')
        conn.close(1011, 'could not load the board')
      },
    )
  }

  async function close(
    how: CloseOptions = { code: CLOSE_GOING_AWAY, reason: 'server shutting down', spreadMs: 0 },
  ): Promise<void> {
    closing = true
    clearInterval(heartbeat)
    clearInterval(linkTimer)
    stopListening()
    const sockets = shuffled([...wss.clients])
    const gone = sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve()
          ws.once('close', () => resolve())
        }),
    )
    // Staggered, so that the clients of a draining process do not all reconnect at one instant.
    const step = sockets.length > 1 ? how.spreadMs / (sockets.length - 1) : 0
    const timers = sockets.map((ws, i) =>
      setTimeout(() => ws.close(how.code, how.reason), Math.round(i * step)),
    )
    const timer = setTimeout(() => sockets.forEach((ws) => ws.terminate()), how.spreadMs + 2000)
    await Promise.all(gone)
    clearTimeout(timer)
    timers.forEach(clearTimeout)
    // Upgrades already under way when closing began finish after the list was taken.
    for (const ws of wss.clients) ws.terminate()
    await new Promise<void>((resolve) => wss.close(() => resolve()))
    await screen.close()
  }

  return { handleUpgrade, close }
}

function shuffled<T>(list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1))
    ;[list[i], list[j]] = [list[j]!, list[i]!]
  }
  return list
}

const linkMessage = (refusal: 'invalid' | 'replaced' | 'expired'): string =>
  refusal === 'invalid'
    ? 'missing or invalid token'
    : refusal === 'replaced'
      ? 'this link was replaced by a new one'
      : 'this link has expired'

/** A plain HTTP answer on a socket that asked to upgrade, then the socket is closed. */
function refuseHttp(socket: Duplex, status: number, text: string, retryAfterMs?: number): void {
  if (socket.destroyed) return
  const retry = retryAfterMs
    ? `Retry-After: ${Math.max(1, Math.ceil(retryAfterMs / 1000))}\r\n`
    : ''
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\n${retry}Content-Length: 0\r\n\r\n`)
}

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data))
  return new Uint8Array(data instanceof ArrayBuffer ? data.slice(0) : data)
}

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment)
  } catch {
    return null
  }
}
