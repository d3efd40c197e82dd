/**
 * Which links open a board now: a token's signature (tokens.ts) names its role and generation,
 * and the registry tells whether that generation is the board's current one and not expired.
 * States are cached briefly (another process may rotate a link: the cache and the periodic
 * check of live connections together notice within LINK_RECHECK_MS + CACHE_MS); a rotation or
 * expiry change made here is seen at once, and listeners hear about it to close old sockets.
 */
import type { Role } from '../../shared/protocol/messages.ts'
import { createTokens, readToken, type TokenGrant } from './tokens.ts'
import type { BoardLinkStates, LinkStore } from './link-store.ts'

export type LinkRefusal = 'invalid' | 'replaced' | 'expired'

export type LinkVerdict = ({ ok: true } & TokenGrant) | { ok: false; refusal: LinkRefusal }

const CACHE_MS = 1500

export class LinkRegistry {
  private readonly cache = new Map<string, { states: BoardLinkStates; readAt: number }>()
  private readonly listeners = new Set<(boardId: string) => void>()
  /** Reads under way, shared by everyone asking meanwhile (a roomful joining at once). */
  private readonly reading = new Map<string, Promise<BoardLinkStates>>()

  constructor(
    private readonly secret: string,
    private readonly store: LinkStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** The board's link states, from the cache when fresh. */
  async states(boardId: string): Promise<BoardLinkStates> {
    const hit = this.cache.get(boardId)
    if (hit && this.now() - hit.readAt < CACHE_MS) return hit.states
    let read = this.reading.get(boardId)
    if (!read) {
      read = this.store.read(boardId)
      this.reading.set(boardId, read)
      void read
        .then(
          (states) => {
            // Unless a change made here meanwhile replaced it: that one is newer.
            if (this.reading.get(boardId) === read) this.remember(boardId, states)
          },
          () => {},
        )
        .finally(() => {
          if (this.reading.get(boardId) === read) this.reading.delete(boardId)
        })
    }
    const states = await read
    const fresh = this.cache.get(boardId)
    return fresh && this.now() - fresh.readAt < CACHE_MS ? fresh.states : states
  }

  /** Checks the signature first (no store read for forged tokens), then the board's states. */
  async authorize(boardId: string, token: unknown): Promise<LinkVerdict> {
    const grant = readToken(this.secret, boardId, token)
    if (!grant) return { ok: false, refusal: 'invalid' }
    const refusal = judge(await this.states(boardId), grant, this.now())
    return refusal ? { ok: false, refusal } : { ok: true, ...grant }
  }

  /** Whether a grant given earlier still holds (for live connections). */
  async recheck(boardId: string, grant: TokenGrant): Promise<LinkRefusal | null> {
    return judge(await this.states(boardId), grant, this.now())
  }

  async rotate(boardId: string, role: Role): Promise<BoardLinkStates> {
    return this.changed(boardId, await this.store.rotate(boardId, role))
  }

  async setExpiry(boardId: string, role: Role, expiresAt: number | null): Promise<BoardLinkStates> {
    return this.changed(boardId, await this.store.setExpiry(boardId, role, expiresAt))
  }

  /** The board's current tokens, one per role. */
  tokens(boardId: string, states: BoardLinkStates): Record<Role, string> {
    return createTokens(this.secret, boardId, {
      facilitator: states.facilitator.generation,
      participant: states.participant.generation,
      viewer: states.viewer.generation,
    })
  }

  /** Called with the board's id after one of its links changed in this process. */
  onChange(listener: (boardId: string) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Boards with cached states nobody asked about for a while are forgotten. */
  prune(): void {
    const now = this.now()
    for (const [id, entry] of this.cache) if (now - entry.readAt > 60_000) this.cache.delete(id)
  }

  private remember(boardId: string, states: BoardLinkStates): void {
    this.cache.set(boardId, { states, readAt: this.now() })
  }

  private changed(boardId: string, states: BoardLinkStates): BoardLinkStates {
    this.reading.delete(boardId) // A read under way is older than this.
    this.remember(boardId, states)
    for (const listener of this.listeners) listener(boardId)
    return states
  }
}

function judge(states: BoardLinkStates, grant: TokenGrant, now: number): LinkRefusal | null {
  const state = states[grant.role]
  if (grant.generation !== state.generation) return 'replaced'
  if (state.expiresAt !== null && now >= state.expiresAt) return 'expired'
  return null
}
