/**
 * Where each board's link lifecycle lives: per role, the current generation (how often its link
 * was rotated) and an optional expiry. The interface is all a server needs, so a dedicated
 * table (PostgreSQL) can stand in for the default, which keeps the state beside the board in the
 * board store under `<boardId>~links` as a log of JSON operations: a rotation appends
 * "rotate", so concurrent rotations from several processes each count, and the generation is
 * the number of rotations. A board nobody rotated has no entry at all (generation 0 for all).
 */
import { z } from 'zod'
import { ROLES, type Role } from '../../shared/protocol/messages.ts'
import type { BoardStore } from '../persistence/store.ts'

export interface LinkState {
  /** 0 for the board's first link; +1 per rotation. Only the current generation is accepted. */
  generation: number
  /** Epoch ms after which the link no longer opens the board; null for never. */
  expiresAt: number | null
}

export type BoardLinkStates = Record<Role, LinkState>

export interface LinkStore {
  read(boardId: string): Promise<BoardLinkStates>
  /** Replaces one role's link; resolves with the board's states after it. */
  rotate(boardId: string, role: Role): Promise<BoardLinkStates>
  /** Sets or clears (null) the expiry of one role's current link. */
  setExpiry(boardId: string, role: Role, expiresAt: number | null): Promise<BoardLinkStates>
}

export const initialLinkStates = (): BoardLinkStates =>
  Object.fromEntries(ROLES.map((r) => [r, { generation: 0, expiresAt: null }])) as BoardLinkStates

export const linksId = (boardId: string) => `${boardId}~links`

const roleSchema = z.enum(ROLES as [Role, ...Role[]])
const opSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('rotate'), role: roleSchema }),
  z.object({ op: z.literal('expire'), role: roleSchema, expiresAt: z.number().nullable() }),
  z.object({
    op: z.literal('state'),
    states: z.record(
      roleSchema,
      z.object({ generation: z.number().int().min(0), expiresAt: z.number().nullable() }),
    ),
  }),
])
type LinkOp = z.infer<typeof opSchema>

/** Folds the logged operations (oldest first) into the states they leave. */
export function foldLinkOps(ops: readonly LinkOp[]): BoardLinkStates {
  const states = initialLinkStates()
  for (const op of ops) {
    if (op.op === 'state') {
      for (const role of ROLES) if (op.states[role]) states[role] = { ...op.states[role] }
    } else if (op.op === 'rotate') {
      // A new link starts without the old one's expiry.
      states[op.role] = { generation: states[op.role].generation + 1, expiresAt: null }
    } else states[op.role] = { ...states[op.role], expiresAt: op.expiresAt }
  }
  return states
}

/** Rotations are rare: the log is folded into one state entry once it holds this many. */
const COMPACT_AFTER = 32

export class BoardStoreLinkStore implements LinkStore {
  constructor(private readonly store: BoardStore) {}

  async read(boardId: string): Promise<BoardLinkStates> {
    return foldLinkOps((await this.ops(boardId)).ops)
  }

  rotate(boardId: string, role: Role): Promise<BoardLinkStates> {
    return this.append(boardId, { op: 'rotate', role })
  }

  setExpiry(boardId: string, role: Role, expiresAt: number | null): Promise<BoardLinkStates> {
    return this.append(boardId, { op: 'expire', role, expiresAt })
  }

  private async ops(boardId: string): Promise<{ ops: LinkOp[]; seq: number }> {
    const stored = await this.store.load(linksId(boardId))
    if (!stored) return { ops: [], seq: 0 }
    const ops = stored.updates.flatMap((bytes) => {
      try {
        return [opSchema.parse(JSON.parse(new TextDecoder().decode(bytes)))]
      } catch {
        return [] // Not ours to trip over: an unreadable entry is skipped.
      }
    })
    return { ops, seq: stored.seq }
  }

  private async append(boardId: string, op: LinkOp): Promise<BoardLinkStates> {
    const seq = await this.store.append(linksId(boardId), [encode(op)])
    const { ops, seq: readSeq } = await this.ops(boardId)
    const states = foldLinkOps(ops)
    // Only when nothing was appended meanwhile, or the snapshot would count it twice.
    if (ops.length >= COMPACT_AFTER && readSeq === seq)
      await this.store.compact(linksId(boardId), encode({ op: 'state', states }), seq)
    return states
  }
}

const encode = (op: LinkOp) => new TextEncoder().encode(JSON.stringify(op))
