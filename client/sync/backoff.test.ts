import { WebSocketServer } from 'ws'
import { WebSocket } from 'ws'
import { WebsocketProvider } from 'y-websocket'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MAX_DELAY_MS, reconnectDelay, withJitter } from './backoff.ts'

describe('reconnectDelay', () => {
  it('grows exponentially up to a ceiling, between half and all of it', () => {
    expect(reconnectDelay(1, () => 0)).toBe(150)
    expect(reconnectDelay(1, () => 1)).toBe(300)
    expect(reconnectDelay(3, () => 0)).toBe(600)
    expect(reconnectDelay(3, () => 1)).toBe(1200)
    expect(reconnectDelay(50, () => 1)).toBe(MAX_DELAY_MS)
    expect(reconnectDelay(50, () => 0)).toBe(MAX_DELAY_MS / 2)
  })

  it('spreads the clients of one closed server out instead of bringing them back at once', () => {
    const delays = Array.from({ length: 200 }, () => reconnectDelay(1))
    const distinct = new Set(delays)
    expect(distinct.size).toBeGreaterThan(50)
    expect(Math.min(...delays)).toBeGreaterThanOrEqual(150)
    expect(Math.max(...delays)).toBeLessThanOrEqual(300)
  })
})

describe('withJitter on a stock provider', () => {
  it('makes the provider wait the drawn delay before it reconnects', async () => {
    // A server that closes every connection at once, like a draining one (4503).
    const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' })
    const opened: number[] = []
    wss.on('connection', (ws) => {
      opened.push(Date.now())
      ws.close(4503, 'draining')
    })
    await new Promise((resolve) => wss.once('listening', resolve))
    const port = (wss.address() as { port: number }).port
    const provider: WebsocketProvider = new WebsocketProvider(
      `ws://127.0.0.1:${port}`,
      'b',
      new Y.Doc(),
      {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
        // The largest wait of the first attempt, every time.
        shouldReconnect: () => withJitter(provider, true, () => 1),
      },
    )
    try {
      const deadline = Date.now() + 10_000
      while (opened.length < 3 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20))
      expect(opened.length).toBeGreaterThanOrEqual(3)
      // Never synced: attempts 1 and 2 wait 300 and 600 ms (the provider's own wait is 200, 400).
      expect(opened[1]! - opened[0]!).toBeGreaterThanOrEqual(280)
      expect(opened[2]! - opened[1]!).toBeGreaterThanOrEqual(560)
    } finally {
      provider.destroy()
      await new Promise((resolve) => wss.close(resolve))
    }
  })
})
