import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { dots, readVoters } from '../../shared/doc/index.ts'
import { recordTypes, type Item, type RoundRecord } from '../../shared/schema/index.ts'
import type { LedgerDot } from './ledger.ts'
import { inScope, mayPlace, publishReveal, publishVoter } from './voting.ts'

const round = (patch: Partial<RoundRecord> = {}): RoundRecord => ({
  ...recordTypes.round.defaults(),
  id: 'r1',
  kind: 'round',
  ...patch,
})
const note = (id: string, patch: Partial<Item> = {}): Item =>
  ({ ...recordTypes.note.defaults(), id, kind: 'note', ...patch }) as Item
const dot = (id: string, voterId: string, itemId: string): LedgerDot => ({
  id,
  roundId: 'r1',
  itemId,
  voterId,
  createdAt: Number(id.slice(1)),
})

describe('mayPlace', () => {
  it('keeps to dots per person and stacking', () => {
    const r = round({ dotsPerPerson: 2, maxPerItem: 1 })
    expect(mayPlace(r, note('a'), [], 0)).toEqual({ ok: true })
    expect(mayPlace(r, note('a'), [dot('d1', 'v', 'a')], 0)).toEqual({
      ok: false,
      error: 'one dot per item in this round',
    })
    const two = [dot('d1', 'v', 'a'), dot('d2', 'v', 'b')]
    expect(mayPlace(r, note('c'), two, 0)).toEqual({ ok: false, error: 'no dots left' })
  })

  it('refuses outside the round', () => {
    expect(mayPlace(null, note('a'), [], 0).ok).toBe(false)
    expect(mayPlace(round({ state: 'closed' }), note('a'), [], 0).ok).toBe(false)
    expect(mayPlace(round({ deadline: 10 }), note('a'), [], 11).ok).toBe(false)
    expect(mayPlace(round({ deadline: 10 }), note('a'), [], 10).ok).toBe(true)
    expect(mayPlace(round(), null, [], 0).ok).toBe(false)
  })

  it('knows the scope', () => {
    const frame = { ...recordTypes.frame.defaults(), id: 'f1', kind: 'frame' } as Item
    expect(inScope(round(), frame)).toBe(false)
    expect(inScope(round({ scope: 'frames', frameIds: ['f1'] }), note('a'))).toBe(false)
    expect(
      inScope(round({ scope: 'frames', frameIds: ['f1'] }), note('a', { parentId: 'f1' })),
    ).toBe(true)
    expect(inScope(round({ scope: 'takeaways' }), note('a'))).toBe(false)
    expect(
      inScope(round({ scope: 'takeaways' }), note('a', { takeaway: 'T' } as Partial<Item>)),
    ).toBe(true)
  })
})

describe('what the board shows', () => {
  const ledger = [dot('d1', 'alice', 'a'), dot('d2', 'alice', 'b'), dot('d3', 'bob', 'a')]

  it('named live rounds: each dot with its voter', () => {
    const doc = new Y.Doc()
    publishVoter(doc, round(), ledger, 'alice')
    expect(
      dots(doc)
        .all()
        .map((d) => `${d.voterId}:${d.itemId}`)
        .sort(),
    ).toEqual(['alice:a', 'alice:b'])
    expect(readVoters(doc, 'r1')).toEqual({ count: 2, ids: ['alice', 'bob'] })
    // Alice takes one back.
    publishVoter(doc, round(), ledger.slice(1), 'alice')
    expect(
      dots(doc)
        .all()
        .map((d) => d.id),
    ).toEqual(['d2'])
  })

  it('anonymous rounds: a count, no dots, until a reveal under stand-ins', () => {
    const doc = new Y.Doc()
    const r = round({ anonymous: true, revealedAt: 500 })
    publishVoter(doc, r, ledger, 'alice')
    expect(dots(doc).all()).toEqual([])
    expect(readVoters(doc, 'r1')).toEqual({ count: 2, ids: null })
    publishReveal(doc, r, ledger, 999)
    const shown = dots(doc).all()
    expect(shown).toHaveLength(3)
    // Two stand-ins, one with two dots; which is which is shuffled.
    const perVoter = new Map<string, number>()
    for (const d of shown) perVoter.set(d.voterId, (perVoter.get(d.voterId) ?? 0) + 1)
    expect([...perVoter.keys()].sort()).toEqual(['voter-1', 'voter-2'])
    expect([...perVoter.values()].sort()).toEqual([1, 2])
    expect(new Set(shown.map((d) => d.createdAt))).toEqual(new Set([500]))
    expect(shown.some((d) => ['d1', 'd2', 'd3'].includes(d.id))).toBe(false)
    const bytes = Buffer.from(Y.encodeStateAsUpdate(doc))
    expect(bytes.includes('alice') || bytes.includes('bob')).toBe(false)
    expect(bytes.includes('voter-1')).toBe(true)
  })

  it('hidden named rounds show nothing per voter until the reveal, then everything', () => {
    const doc = new Y.Doc()
    const r = round({ hideUntilReveal: true })
    publishVoter(doc, r, ledger, 'bob')
    expect(dots(doc).all()).toEqual([])
    publishReveal(doc, r, ledger, 1)
    expect(
      dots(doc)
        .all()
        .map((d) => d.voterId)
        .sort(),
    ).toEqual(['alice', 'alice', 'bob'])
  })
})
