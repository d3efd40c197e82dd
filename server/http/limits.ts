/**
 * Rate budgets on top of rate-limiter-flexible. Each budget is one limiter made by a factory:
 * in memory by default, or e.g. `new RateLimiterRedis({ storeClient, ...spec })` injected so that
 * several processes share what one address has spent.
 */
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible'
import type { Logger } from '../logger.ts'

export interface LimiterSpec {
  /** Names the budget; keys of different budgets never mix. */
  keyPrefix: string
  points: number
  /** Seconds per window. */
  duration: number
}

export type LimiterFactory = (spec: LimiterSpec) => RateLimiterAbstract

export const memoryLimiters: LimiterFactory = (spec) => new RateLimiterMemory(spec)

export type Spent = { ok: true } | { ok: false; retryAfterMs: number }

const OK: Spent = { ok: true }

/** `points` per `duration` seconds per key; a budget of 0 points never refuses. */
export class Budget {
  private readonly limiter: RateLimiterAbstract | null

  constructor(
    factory: LimiterFactory,
    spec: LimiterSpec,
    private readonly log?: Logger,
  ) {
    this.limiter = spec.points > 0 ? factory(spec) : null
  }

  get enabled(): boolean {
    return this.limiter !== null
  }

  async spend(key: string, points = 1): Promise<Spent> {
    if (!this.limiter) return OK
    try {
      await this.limiter.consume(key, points)
      return OK
    } catch (err) {
      if (err instanceof RateLimiterRes) return { ok: false, retryAfterMs: err.msBeforeNext }
      // A shared store that fails must not lock everyone out: let it pass, and say so.
      this.log?.warn({ err }, 'rate limiter failed; not limiting')
      return OK
    }
  }

  /** Gives points back (a spend that turned out to be legitimate). */
  async refund(key: string, points = 1): Promise<void> {
    try {
      await this.limiter?.reward(key, points)
    } catch (err) {
      this.log?.warn({ err }, 'rate limiter failed')
    }
  }
}
