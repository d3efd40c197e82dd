import { describe, expect, it } from 'vitest'
import type { WebSocket } from 'ws'
import { CLOSE_BEHIND } from '../../shared/protocol/messages.ts'
import { createLogger } from '../logger.ts'
import { Connection, PRESENCE_CEILING_BYTES, RELAY_CEILING_BYTES } from './connection.ts'

/** A socket whose send buffer the test fills by hand; answers are "written" when told. */
function fakeSocket() {
  const sent: Uint8Array[] = []
  const written: (() => void)[] = []
  const socket = {
    readyState: 1,
    bufferedAmount: 0,
    closedWith: null as number | null,
    send(data: Uint8Array, cb?: () => void) {
      sent.push(data)
      socket.bufferedAmount += data.length
      if (cb) written.push(cb)
    },
    close(code: number) {
      socket.closedWith = code
      socket.readyState = 2
    },
    terminate() {
      socket.readyState = 3
    },
  }
  return { socket, sent, written }
}

const connect = (socket: ReturnType<typeof fakeSocket>['socket']) =>
  new Connection(
    socket as unknown as WebSocket,
    { boardId: 'b', role: 'participant', wantsAcks: false },
    createLogger('silent'),
  )

describe('connection backpressure', () => {
  it('drops presence first, then closes with CLOSE_BEHIND when relayed updates pile up', () => {
    const { socket } = fakeSocket()
    const conn = connect(socket)
    expect(conn.relay(new Uint8Array(10), 'presence')).toBe(true)

    socket.bufferedAmount = PRESENCE_CEILING_BYTES + 1
    expect(conn.relay(new Uint8Array(10), 'presence')).toBe(false)
    expect(conn.presenceBehind).toBe(true)
    // Updates still go out: only presence is dropped at this level.
    expect(conn.relay(new Uint8Array(10), 'update')).toBe(true)
    expect(socket.closedWith).toBeNull()

    socket.bufferedAmount = RELAY_CEILING_BYTES + 1
    expect(conn.relay(new Uint8Array(10), 'update')).toBe(false)
    expect(socket.closedWith).toBe(CLOSE_BEHIND)
    expect(conn.closed).toBe(true)
  })

  it("does not count the connection's own sync answer against the relay ceilings", () => {
    const { socket, written } = fakeSocket()
    const conn = connect(socket)
    // A whole board as the answer to its first sync: far more than either ceiling.
    conn.send(new Uint8Array(RELAY_CEILING_BYTES * 3))
    expect(conn.relay(new Uint8Array(10), 'presence')).toBe(true)
    expect(conn.relay(new Uint8Array(10), 'update')).toBe(true)
    // Once the answer is written out, only what is still queued counts.
    for (const cb of written) cb()
    socket.bufferedAmount = 20
    expect(conn.relayBytesQueued).toBe(20)
    expect(socket.closedWith).toBeNull()
  })
})
