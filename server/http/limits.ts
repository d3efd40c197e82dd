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
    private readonly spec: LimiterSpec,
    private readonly log?: Logger,
  ) {
    this.limiter = spec.points > 0 ? factory(spec) : null
  }

  /** Whether the key has spent its budget already, without spending anything. */
  async exhausted(key: string): Promise<Spent> {
    if (!this.limiter) return OK
    try {
      const res = await this.limiter.get(key)
      if (!res || res.consumedPoints < this.spec.points) return OK
      return { ok: false, retryAfterMs: res.msBeforeNext }
    } catch (err) {
      this.log?.warn({ err }, 'rate limiter failed; not limiting')
      return OK
    }
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
}
