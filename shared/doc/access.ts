/**
 * Which parts of a board only facilitators or only the server may change. The server's role
 * policy refuses anyone else's update that touches them; the client hides the controls.
 */
import type * as Y from 'yjs'
import { FACILITATION } from './board-doc.ts'

/** Who has voted in each round (person ids, never what they chose); only the server writes it. */
const VOTERS = 'voters'

/** Roots only a facilitator connection may change. */
export const FACILITATOR_ROOTS: readonly string[] = [FACILITATION, 'rounds', 'meta']
/** Roots only the server writes: dot voting goes through the server, never through the doc. */
export const SERVER_ROOTS: readonly string[] = ['dots', VOTERS]

/**
 * Who has voted in a round: how many, and for named rounds who (sorted ids), for the
 * facilitator's "not voted yet". Anonymous rounds name nobody, not even here.
 */
export interface VotersEntry {
  count: number
  ids: string[] | null
}

/** Round id → who has placed at least one dot in it. */
export const votersMap = (doc: Y.Doc): Y.Map<VotersEntry> => doc.getMap(VOTERS)

/** Who has voted in a round, read defensively (any value may be there). */
export function readVoters(doc: Y.Doc, roundId: string): VotersEntry {
  const raw = votersMap(doc).get(roundId) as Partial<VotersEntry> | undefined
  const ids = Array.isArray(raw?.ids) ? raw.ids.filter((v) => typeof v === 'string') : null
  const count = typeof raw?.count === 'number' ? raw.count : (ids?.length ?? 0)
  return { count, ids }
}

/** Whether private writing is on, read cheaply (no validation) for the server's hot path. */
export function privateWritingOn(doc: Y.Doc): boolean {
  const phase = doc.getMap<unknown>(FACILITATION).get('phase') as { private?: unknown } | undefined
  return phase?.private === true
}
