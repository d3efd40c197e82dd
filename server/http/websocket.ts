/**
 * The WebSocket endpoint `/ws/<boardId>?token=...`. Authentication happens here, at the
 * upgrade, before any board is loaded; the role is decided once and kept by the connection.
 * Refused sockets are accepted and then closed with 4401, so that browsers see the code.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocket, WebSocketServer, type RawData } from 'ws'
import {
  CLOSE_FORBIDDEN,
  CLOSE_NOT_FOUND,
  CLOSE_UNAUTHORIZED,
} from '../../shared/protocol/messages.ts'
import { idSchema } from '../../shared/schema/index.ts'
import { personIdOf } from '../auth/person.ts'
import { verifyToken } from '../auth/tokens.ts'
import { parsePrivateRoomId } from '../../shared/facilitation/identity.ts'
import type { Logger } from '../logger.ts'
import { Connection, type ConnectionInfo } from '../sync/connection.ts'
import { BoardNotFoundError } from '../sync/errors.ts'
import type { Room } from '../sync/room.ts'
import type { RoomManager } from '../sync/room-manager.ts'

export interface WebSocketEndpointOptions {
  rooms: RoomManager
  secret: string
  log: Logger
  /** Larger frames close the socket with 1009 before we see them. */
  maxPayload: number
  /** Ping interval; a socket that did not answer the previous ping is terminated. */
  heartbeatMs: number
}

/** Frames a client may send before its board is loaded (a stock client sends two). */
const MAX_QUEUED = 256
const CLOSE_GOING_AWAY = 1001

export interface WebSocketEndpoint {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /** Closes every socket with 1001 and waits (briefly) until they are gone. */
  close(): Promise<void>
}

export function createWebSocketEndpoint(options: WebSocketEndpointOptions): WebSocketEndpoint {
  const { rooms, secret, log } = options
  const wss = new WebSocketServer({ noServer: true, maxPayload: options.maxPayload })
  const alive = new WeakSet<WebSocket>()

  const heartbeat = setInterval(() => {
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

  let closing = false

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    // Shutting down: a socket opened now would keep the server from closing.
    if (closing) {
      socket.end(
        'HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nContent-Length: 0\r\n\r\n',
      )
      return
    }
    const url = new URL(req.url ?? '/', 'http://localhost')
    const match = /^\/ws\/([^/]+)$/.exec(url.pathname)
    if (!match) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
      return
    }
    const boardId = safeDecode(match[1]!)
    // A person's private room during private writing is reached with the board's token.
    const privateRoom = boardId ? parsePrivateRoomId(boardId) : null
    const tokenBoard = privateRoom?.boardId ?? boardId
    const role =
      tokenBoard && idSchema.safeParse(tokenBoard).success
        ? verifyToken(secret, tokenBoard, url.searchParams.get('token'))
        : null
    const personId = personIdOf(url.searchParams.get('user'))
    wss.handleUpgrade(req, socket, head, (ws) => {
      alive.add(ws)
      ws.on('pong', () => alive.add(ws))
      if (!role || !boardId) {
        log.warn({ boardId, code: CLOSE_UNAUTHORIZED }, 'refused socket: missing or bad token')
        ws.close(CLOSE_UNAUTHORIZED, 'missing or invalid token')
        return
      }
      if (privateRoom && (role === 'viewer' || personId !== privateRoom.personId)) {
        // Nobody but its owner reads a private room, facilitators included.
        log.warn({ boardId, code: CLOSE_FORBIDDEN }, 'refused socket: not this private room')
        ws.close(CLOSE_FORBIDDEN, 'forbidden: not your private room')
        return
      }
      attach(ws, { boardId, role, personId, wantsAcks: url.searchParams.get('acks') === '1' })
    })
  }

  function attach(ws: WebSocket, info: ConnectionInfo): void {
    const conn = new Connection(ws, info, log)
    const lease = rooms.acquire(info.boardId)
    // A private room's connection keeps its board loaded: whether private writing runs is read
    // there before each write (FacilitationService.refusePrivateWrite).
    const boardOfPrivate = parsePrivateRoomId(info.boardId)?.boardId
    const boardLease = boardOfPrivate ? rooms.acquire(boardOfPrivate) : null
    let room: Room | null = null
    const queue: Uint8Array[] = []
    conn.log.info('connection opened')

    ws.on('message', (data: RawData, isBinary: boolean) => {
      // A copy, exactly sized: ws may hand us a view into a larger pooled buffer.
      const frame = toBytes(data)
      if (!isBinary) return conn.close(4400, 'text frames are not part of the protocol')
      if (room) return room.receive(conn, frame)
      if (queue.length >= MAX_QUEUED) return conn.close(1008, 'too many frames before sync')
      queue.push(frame)
    })
    ws.on('error', (err) => conn.log.warn({ err: err.message }, 'socket error'))
    ws.on('close', (code: number) => {
      room?.remove(conn)
      lease.release()
      boardLease?.release()
      conn.log.info({ code }, 'connection closed')
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

  async function close(): Promise<void> {
    closing = true
    clearInterval(heartbeat)
    const sockets = [...wss.clients]
    const gone = sockets.map(
      (ws) =>
        new Promise<void>((resolve) => {
          if (ws.readyState === WebSocket.CLOSED) return resolve()
          ws.once('close', () => resolve())
        }),
    )
    for (const ws of sockets) ws.close(CLOSE_GOING_AWAY, 'server shutting down')
    const timer = setTimeout(() => sockets.forEach((ws) => ws.terminate()), 2000)
    await Promise.all(gone)
    clearTimeout(timer)
    // Upgrades already under way when closing began finish after the list was taken.
    for (const ws of wss.clients) ws.terminate()
    await new Promise<void>((resolve) => wss.close(() => resolve()))
  }

  return { handleUpgrade, close }
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
