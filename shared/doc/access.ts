/**
 * Reading the server-written parts of a board (who voted) and the facilitation switches the
 * server checks on its hot path. Who may write what is declared in shared/schema.
 */
import type * as Y from 'yjs'
import { FACILITATION } from './board-doc.ts'

/** Who has voted in each round (person ids, never what they chose); only the server writes it. */
const VOTERS = 'voters'

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
