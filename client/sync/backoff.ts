/**
 * Reconnecting with jitter. y-websocket waits min(2^n * 100, maxBackoffTime) ms after the n-th
 * failed attempt, the same for every client: when a server process drains (4503) or dies, all of
 * its clients would come back in lockstep. Each wait here is drawn at random between half and
 * all of an exponentially growing ceiling, and handed to the provider through the attempt counter
 * it reads right after `shouldReconnect` (y-websocket is pinned; a test covers that internal).
 */
import type { WebsocketProvider } from 'y-websocket'

export const BASE_DELAY_MS = 300
export const MAX_DELAY_MS = 5000

/** The wait before the `attempt`-th reconnect (1, 2, ...): "equal jitter". */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1))
  return Math.round(ceiling / 2 + (random() * ceiling) / 2)
}

const attempts = new WeakMap<WebsocketProvider, number>()

/**
 * Call from `shouldReconnect` with its verdict: when the provider will reconnect, its next wait
 * becomes a jittered one. The count starts again once a connection has synced.
 */
export function withJitter(
  provider: WebsocketProvider,
  reconnect: boolean,
  random: () => number = Math.random,
): boolean {
  if (!reconnect) return false
  if (!attempts.has(provider))
    provider.on('sync', (synced: boolean) => {
      if (synced) attempts.set(provider, 0)
    })
  const attempt = (attempts.get(provider) ?? 0) + 1
  attempts.set(provider, attempt)
  const delay = reconnectDelay(attempt, random)
  provider.maxBackoffTime = MAX_DELAY_MS
  provider.wsUnsuccessfulReconnects = Math.log2(delay / 100)
  return true
}
