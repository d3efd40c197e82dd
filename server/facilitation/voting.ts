/**
 * Dot-voting rules and what the board document shows of the votes. The rules are checked here
 * against the round as the facilitator set it; the board shows, written by the server:
 * - `voters`: how many have voted in a round, and in named rounds who (never what), for the
 *   facilitator's "not voted yet";
 * - for named rounds not hidden until the reveal, each dot with its voter, live;
 * - on the reveal, every dot; in anonymous rounds under stand-in voter ids that are shuffled,
 *   unrelated to anyone's id and stamped with the reveal time, so nothing says who chose what.
 */
import { randomInt } from 'node:crypto'
import type * as Y from 'yjs'
import { dots, readVoters, SYSTEM_ORIGIN, votersMap } from '../../shared/doc/index.ts'
import { newId, type DotRecord, type Item, type RoundRecord } from '../../shared/schema/index.ts'
import type { LedgerDot } from './ledger.ts'

export type VoteDecision = { ok: true } | { ok: false; error: string }

const no = (error: string): VoteDecision => ({ ok: false, error })

/** Whether this voter may place a dot on this item now. */
export function mayPlace(
  round: RoundRecord | null,
  item: Item | null,
  mine: readonly LedgerDot[],
  now: number,
): VoteDecision {
  const open = isOpen(round, now)
  if (!open.ok) return open
  const r = round!
  if (!item) return no('no such item')
  if (!inScope(r, item)) return no('this item is not part of the round')
  if (mine.length >= r.dotsPerPerson) return no('no dots left')
  const onItem = mine.filter((d) => d.itemId === item.id).length
  if (onItem >= r.maxPerItem)
    return no(r.maxPerItem === 1 ? 'one dot per item in this round' : 'no more dots on this item')
  return { ok: true }
}

/** Rounds take and give back dots only while open and before their deadline. */
export function isOpen(round: RoundRecord | null, now: number): VoteDecision {
  if (!round) return no('no such round')
  if (round.state !== 'open') return no('the round is closed')
  if (round.deadline !== null && now > round.deadline) return no('the deadline has passed')
  return { ok: true }
}

export function inScope(round: RoundRecord, item: Item): boolean {
  if (item.kind === 'frame') return false
  const inFrames = round.frameIds.length === 0 || round.frameIds.includes(item.parentId ?? '')
  switch (round.scope) {
    case 'board':
      return true
    case 'frames':
      return item.parentId !== null && round.frameIds.includes(item.parentId)
    case 'takeaways':
      return item.kind === 'note' && item.takeaway !== null && inFrames
  }
}

/** Dots are shown one by one (with their voter) only in named rounds that are not hidden. */
export const showsLiveDots = (round: RoundRecord) => !round.anonymous && !round.hideUntilReveal

/** After a voter's change: who has voted, and in live rounds that voter's dots. */
export function publishVoter(
  doc: Y.Doc,
  round: RoundRecord,
  all: readonly LedgerDot[],
  voterId: string,
): void {
  doc.transact(() => {
    const voters = [...new Set(all.map((d) => d.voterId))].sort()
    const entry = { count: voters.length, ids: round.anonymous ? null : voters }
    const current = readVoters(doc, round.id)
    if (current.count !== entry.count || current.ids?.join() !== entry.ids?.join())
      votersMap(doc).set(round.id, entry)
    if (!showsLiveDots(round)) return
    const board = dots(doc)
    const mine = all.filter((d) => d.voterId === voterId)
    const keep = new Set(mine.map((d) => d.id))
    const stale = board
      .all()
      .filter((d) => d.roundId === round.id && d.voterId === voterId && !keep.has(d.id))
    board.delete(
      stale.map((d) => d.id),
      SYSTEM_ORIGIN,
    )
    const shown = new Set(board.all().map((d) => d.id))
    board.add(mine.filter((d) => !shown.has(d.id)).map(toRecord), SYSTEM_ORIGIN)
  }, SYSTEM_ORIGIN)
}

/** The reveal: every dot of the round, replacing whatever was shown before. */
export function publishReveal(
  doc: Y.Doc,
  round: RoundRecord,
  all: readonly LedgerDot[],
  now: number,
  random: () => number = secureRandom,
): void {
  let records: DotRecord[]
  if (!round.anonymous) {
    records = all.map(toRecord)
  } else {
    const voters = shuffle([...new Set(all.map((d) => d.voterId))], random)
    const standIn = new Map(voters.map((v, i) => [v, `voter-${i + 1}`]))
    const at = round.revealedAt ?? now
    records = shuffle([...all], random).map((d) => ({
      id: newId(),
      kind: 'dot',
      roundId: round.id,
      itemId: d.itemId,
      voterId: standIn.get(d.voterId)!,
      createdAt: at,
    }))
  }
  doc.transact(() => {
    const board = dots(doc)
    board.delete(
      board
        .all()
        .filter((d) => d.roundId === round.id)
        .map((d) => d.id),
      SYSTEM_ORIGIN,
    )
    board.add(records, SYSTEM_ORIGIN)
  }, SYSTEM_ORIGIN)
}

const toRecord = (d: LedgerDot): DotRecord => ({
  id: d.id,
  kind: 'dot',
  roundId: d.roundId,
  itemId: d.itemId,
  voterId: d.voterId,
  createdAt: d.createdAt,
})

/** Stand-ins must not be guessable from the order people voted in. */
const secureRandom = () => randomInt(2 ** 47) / 2 ** 47

function shuffle<T>(list: T[], random: () => number): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1))
    ;[list[i], list[j]] = [list[j]!, list[i]!]
  }
  return list
}
