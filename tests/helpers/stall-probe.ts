import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { MESSAGE_TIME } from '../../shared/protocol/messages.ts'
import { openRawSocket } from './raw-socket.ts'

export interface StallProbe {
  /**
   * Stops pinging and reports the longest stall seen: the longest wait for an answer (pending
   * pings included) or, for a server in this process, the longest its own 10 ms timer ran late.
   */
  stop(): { maxRttMs: number; answered: number }
}

const PING_EVERY_MS = 10

/**
 * A client on another board that sends a clock frame every 10 ms and times the answers: how
 * long the server's event loop (shared by every board) was kept from answering. When the server
 * runs in this process, a stall also holds up the probe's own timer, so that no ping is in
 * flight to see it: the timer's lateness is counted too.
 */
export async function startStallProbe(
  url: string,
  boardId: string,
  token: string,
): Promise<StallProbe> {
  const socket = openRawSocket(url, boardId, token)
  await socket.opened
  let maxRttMs = 0
  let answered = 0
  const pending = new Set<number>()
  socket.ws.on('message', (data: Buffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    if (decoding.readVarUint(decoder) !== MESSAGE_TIME) return
    const sentAt = decoding.readFloat64(decoder)
    pending.delete(sentAt)
    answered++
    maxRttMs = Math.max(maxRttMs, performance.now() - sentAt)
  })
  let lastTick = performance.now()
  const timer = setInterval(() => {
    const sentAt = performance.now()
    maxRttMs = Math.max(maxRttMs, sentAt - lastTick - PING_EVERY_MS)
    lastTick = sentAt
    pending.add(sentAt)
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, MESSAGE_TIME)
    encoding.writeFloat64(encoder, sentAt)
    socket.send(encoding.toUint8Array(encoder))
  }, PING_EVERY_MS)
  return {
    stop: () => {
      clearInterval(timer)
      const now = performance.now()
      for (const sentAt of pending) maxRttMs = Math.max(maxRttMs, now - sentAt)
      socket.ws.close()
      return { maxRttMs: Math.round(maxRttMs), answered }
    },
  }
}
