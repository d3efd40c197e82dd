/**
 * What one connection may send per second, checked before a frame reaches its room: frames and
 * bytes per connection and per address, and presence (awareness) frames by size and rate. Frames
 * are delivered in the order they came; the first frame over a budget closes the connection
 * (4429, or 4413 for one presence frame that is too large) and nothing after it is handled.
 * Large updates are then sized off the main thread (guard/update-screen.ts) before delivery.
 */
import {
  CLOSE_CONTENT_TOO_LARGE,
  CLOSE_RATE_LIMITED,
  MESSAGE_AWARENESS,
} from '../../shared/protocol/messages.ts'
import type { LimitSettings } from '../config.ts'
import type { Logger } from '../logger.ts'
import { Budget, type LimiterFactory } from './limits.ts'

export interface FrameBudgets {
  connMessages: Budget
  connBytes: Budget
  addressMessages: Budget
  addressBytes: Budget
  awarenessMessages: Budget
  awarenessBytes: Budget
  awarenessMaxBytes: number
}

export function frameBudgets(
  limits: LimitSettings,
  factory: LimiterFactory,
  log: Logger,
): FrameBudgets {
  const budget = (keyPrefix: string, points: number) =>
    new Budget(factory, { keyPrefix, points, duration: 1 }, log)
  return {
    connMessages: budget('ws-conn-msg', limits.messagesPerSecond),
    connBytes: budget('ws-conn-bytes', limits.bytesPerSecond),
    addressMessages: budget('ws-addr-msg', limits.addressMessagesPerSecond),
    addressBytes: budget('ws-addr-bytes', limits.addressBytesPerSecond),
    awarenessMessages: budget('ws-aw-msg', limits.awarenessPerSecond),
    awarenessBytes: budget('ws-aw-bytes', limits.awarenessBytesPerSecond),
    awarenessMaxBytes: limits.awarenessMaxBytes,
  }
}

export type Refusal = { code: number; reason: string }

/** Work on one connection's frames before other sockets get their turn. */
const YIELD_AFTER_MS = 5

/** Frames waiting for their budget check at most; a client that far ahead is flooding. */
const MAX_WAITING = 4096

export class FrameGate {
  private waiting: Uint8Array[] = []
  private draining = false
  private stopped = false

  constructor(
    private readonly budgets: FrameBudgets,
    /** Unique per connection. */
    private readonly connKey: string,
    private readonly addressKey: string,
    private readonly deliver: (frame: Uint8Array) => void,
    private readonly refuse: (refusal: Refusal) => void,
    /** Frames that change nothing (presence echoes): dropped without costing any budget. */
    private readonly changesNothing: (frame: Uint8Array) => boolean = () => false,
    /** A verdict on a frame's content that takes a while (a large update, sized elsewhere). */
    private readonly screen: (frame: Uint8Array) => Promise<Refusal | null> | null = () => null,
  ) {}

  push(frame: Uint8Array): void {
    if (this.stopped) return
    const presence = frame[0] === MESSAGE_AWARENESS
    const max = this.budgets.awarenessMaxBytes
    if (presence && max > 0 && frame.length > max)
      return this.stop({
        code: CLOSE_CONTENT_TOO_LARGE,
        reason: `presence frame larger than ${max} bytes`,
      })
    if (presence && this.changesNothing(frame)) return
    if (this.waiting.length >= MAX_WAITING)
      return this.stop({ code: CLOSE_RATE_LIMITED, reason: 'too many messages' })
    this.waiting.push(frame)
    if (!this.draining) void this.drain()
  }

  /**
   * Delivers the waiting frames in order. Checks that are settled at once (budgets turned off,
   * frames too small to screen) are not awaited: a frame is then handled in the turn it came.
   */
  private async drain(): Promise<void> {
    this.draining = true
    try {
      let since = performance.now()
      while (this.waiting.length > 0 && !this.stopped) {
        const frame = this.waiting.shift()!
        // Later frames wait for this one's verdict: they may build on it.
        const checked = this.check(frame)
        let refusal = checked && (await checked)
        if (!refusal) {
          const screened = this.screen(frame)
          refusal = screened && (await screened)
        }
        if (this.stopped) return
        if (refusal) return this.stop(refusal)
        this.deliver(frame)
        // Budget checks resolve as microtasks: without a pause now and then, one client's
        // backlog would be handled in one go while every other socket waits.
        if (performance.now() - since > YIELD_AFTER_MS) {
          await new Promise((resolve) => setImmediate(resolve))
          since = performance.now()
        }
      }
    } finally {
      this.draining = false
    }
  }

  /** The first budget the frame is over; null at once when no budget is on. */
  private check(frame: Uint8Array): Promise<Refusal | null> | null {
    const b = this.budgets
    const size = frame.length
    const checks: [Budget, string, number, string][] = []
    const add = (budget: Budget, key: string, points: number, what: string) => {
      if (budget.enabled) checks.push([budget, key, points, what])
    }
    add(b.connMessages, this.connKey, 1, 'messages per second')
    add(b.connBytes, this.connKey, size, 'bytes per second')
    add(b.addressMessages, this.addressKey, 1, 'messages per second from this address')
    add(b.addressBytes, this.addressKey, size, 'bytes per second from this address')
    if (frame[0] === MESSAGE_AWARENESS) {
      add(b.awarenessMessages, this.connKey, 1, 'presence updates per second')
      add(b.awarenessBytes, this.connKey, size, 'presence bytes per second')
    }
    if (checks.length === 0) return null
    return Promise.all(checks.map(([budget, key, points]) => budget.spend(key, points))).then(
      (spent) => {
        const over = spent.findIndex((s) => !s.ok)
        return over < 0
          ? null
          : { code: CLOSE_RATE_LIMITED, reason: `too many ${checks[over]![3]}` }
      },
    )
  }

  private stop(refusal: Refusal): void {
    if (this.stopped) return
    this.stopped = true
    this.waiting = []
    this.refuse(refusal)
  }
}
