/**
 * Dot voting goes through the server: it keeps each voter to the round's rules under concurrent
 * voters, and an anonymous round lets nobody learn who voted for what, in any frame or export.
 */
import { rmSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addItems, dots, LOCAL_ORIGIN, readVoters, rounds } from '../../shared/doc/index.ts'
import { recordTypes, type RoundRecord } from '../../shared/schema/index.ts'
import { note } from '../helpers/board.ts'
import { eventually } from '../helpers/eventually.ts'
import type { CreatedBoard } from '../helpers/http.ts'
import { openRawSocket } from '../helpers/raw-socket.ts'
import { startTestServer, tempDir, type TestServer } from '../helpers/server.ts'
import { connectPerson, newPerson, type Person, type PersonClient } from './facilitation-client.ts'

let server: TestServer
let board: CreatedBoard
let facilitator: PersonClient
const clients: PersonClient[] = []

beforeAll(async () => {
  server = await startTestServer()
  board = await server.createBoard({ title: 'votes' })
  facilitator = connectPerson(server.url, board.id, board.tokens.facilitator, await newPerson())
  await facilitator.synced()
  const frame = { ...recordTypes.frame.defaults(), id: 'f1', kind: 'frame' as const, title: 'P' }
  addItems(
    facilitator.doc,
    [
      frame,
      note('n1'),
      note('n2'),
      note('n3'),
      note('t1', 'take', { takeaway: 'Takeaways', parentId: 'f1' }),
    ],
    LOCAL_ORIGIN,
  )
})
afterAll(async () => {
  for (const c of clients) c.destroy()
  facilitator.destroy()
  await server.stop()
})

async function participant(person?: Person): Promise<PersonClient> {
  const c = connectPerson(
    server.url,
    board.id,
    board.tokens.participant,
    person ?? (await newPerson()),
  )
  clients.push(c)
  await c.synced()
  return c
}

let roundSeq = 0
/** The facilitator opens a round; resolves once the server has it. */
async function openRound(rules: Partial<RoundRecord> = {}): Promise<string> {
  const id = `r${++roundSeq}`
  rounds(facilitator.doc).add(
    [{ ...recordTypes.round.defaults(), id, kind: 'round', openedAt: Date.now(), ...rules }],
    LOCAL_ORIGIN,
  )
  await eventually(async () => {
    const room = await server.rooms.loaded(board.id)
    expect(room && rounds(room.doc).get(id)).toBeTruthy()
  })
  return id
}

const setRound = (id: string, patch: Partial<RoundRecord>) =>
  rounds(facilitator.doc).update([[id, patch]], LOCAL_ORIGIN)

describe('dot voting through the server', () => {
  it('keeps every one of many concurrent voters to their dots', async () => {
    const roundId = await openRound({ dotsPerPerson: 3, maxPerItem: 3 })
    const voters = await Promise.all([1, 2, 3, 4, 5].map(() => participant()))
    // Each sends 6 requests at once, from two connections of the same person for one of them.
    const answers = await Promise.all(
      voters.flatMap((v) =>
        [1, 2, 3, 4, 5, 6].map((k) => v.vote({ op: 'place', roundId, itemId: `n${(k % 3) + 1}` })),
      ),
    )
    expect(answers.filter((a) => !a.error)).toHaveLength(15)
    expect(answers.filter((a) => a.error === 'no dots left')).toHaveLength(15)
    for (const v of voters) {
      const mine = await v.vote({ op: 'mine', roundId })
      expect(mine.dots).toHaveLength(3)
      expect(mine.left).toBe(0)
    }
    await eventually(() => {
      expect(
        dots(facilitator.doc)
          .all()
          .filter((d) => d.roundId === roundId),
      ).toHaveLength(15)
      expect(readVoters(facilitator.doc, roundId).count).toBe(5)
    })
  })

  it('lets a person spend their dots once, whichever of their devices or tabs asks', async () => {
    const roundId = await openRound({ dotsPerPerson: 2 })
    const person = await newPerson()
    const [a, b] = [await participant(person), await participant(person)]
    // A third connection of the same person that never used voting hears nothing unasked.
    const quiet = await participant(person)
    await b.vote({ op: 'mine', roundId })
    const answers = await Promise.all([
      a.vote({ op: 'place', roundId, itemId: 'n1' }),
      b.vote({ op: 'place', roundId, itemId: 'n2' }),
      a.vote({ op: 'place', roundId, itemId: 'n3' }),
      b.vote({ op: 'place', roundId, itemId: 'n3' }),
    ])
    expect(answers.filter((x) => !x.error)).toHaveLength(2)
    // The other tab hears about the dots too.
    await eventually(() => expect(b.votes.at(-1)?.left).toBe(0))
    expect(quiet.votes).toEqual([])
  })

  it('refuses a second dot on one item when stacking is off, and gives a dot back', async () => {
    const roundId = await openRound({ dotsPerPerson: 3, maxPerItem: 1 })
    const v = await participant()
    expect((await v.vote({ op: 'place', roundId, itemId: 'n1' })).error).toBeUndefined()
    const again = await v.vote({ op: 'place', roundId, itemId: 'n1' })
    expect(again.error).toBe('one dot per item in this round')
    expect(again.dots).toHaveLength(1)
    const back = await v.vote({ op: 'remove', roundId, itemId: 'n1' })
    expect(back).toMatchObject({ dots: [], left: 3 })
    expect((await v.vote({ op: 'remove', roundId, itemId: 'n1' })).error).toBe(
      'no dot of yours there',
    )
  })

  it("cannot take back someone else's dot", async () => {
    const roundId = await openRound()
    const [alice, bob] = [await participant(), await participant()]
    await alice.vote({ op: 'place', roundId, itemId: 'n2' })
    expect((await bob.vote({ op: 'remove', roundId, itemId: 'n2' })).error).toBe(
      'no dot of yours there',
    )
    expect((await alice.vote({ op: 'mine', roundId })).dots).toHaveLength(1)
  })

  it('refuses votes outside the round: unknown, closed, past its deadline, out of scope', async () => {
    const v = await participant()
    expect((await v.vote({ op: 'place', roundId: 'nosuch', itemId: 'n1' })).error).toBe(
      'no such round',
    )
    const scoped = await openRound({ scope: 'takeaways' })
    expect((await v.vote({ op: 'place', roundId: scoped, itemId: 'n1' })).error).toMatch(/not part/)
    expect((await v.vote({ op: 'place', roundId: scoped, itemId: 't1' })).error).toBeUndefined()
    expect((await v.vote({ op: 'place', roundId: scoped, itemId: 'gone' })).error).toBe(
      'no such item',
    )
    const framed = await openRound({ scope: 'frames', frameIds: ['f1'] })
    expect((await v.vote({ op: 'place', roundId: framed, itemId: 'n1' })).error).toMatch(/not part/)
    const late = await openRound({ deadline: Date.now() - 1000 })
    expect((await v.vote({ op: 'place', roundId: late, itemId: 'n1' })).error).toBe(
      'the deadline has passed',
    )
    const closing = await openRound()
    setRound(closing, { state: 'closed', closedAt: Date.now() })
    await eventually(async () => {
      const answer = await v.vote({ op: 'place', roundId: closing, itemId: 'n1' })
      expect(answer.error).toBe('the round is closed')
    })
  })

  it('needs a person: a connection without a secret cannot vote', async () => {
    const roundId = await openRound()
    const anon = connectPerson(server.url, board.id, board.tokens.participant, null)
    clients.push(anon)
    await anon.synced()
    expect((await anon.vote({ op: 'place', roundId, itemId: 'n1' })).error).toBe('no identity')
  })

  it('a viewer that votes is closed with 4403', async () => {
    const roundId = await openRound()
    const viewer = connectPerson(server.url, board.id, board.tokens.viewer, await newPerson())
    clients.push(viewer)
    await viewer.synced()
    void viewer.vote({ op: 'place', roundId, itemId: 'n1' }).catch(() => {})
    await eventually(() => expect(viewer.closes[0]?.code).toBe(4403))
  })

  it('hides dots until the reveal when asked, then shows them with their voters', async () => {
    const roundId = await openRound({ hideUntilReveal: true })
    const [alice, bob] = [await participant(), await participant()]
    await alice.vote({ op: 'place', roundId, itemId: 'n1' })
    await bob.vote({ op: 'place', roundId, itemId: 'n1' })
    await eventually(() => expect(readVoters(facilitator.doc, roundId).count).toBe(2))
    expect(
      dots(facilitator.doc)
        .all()
        .filter((d) => d.roundId === roundId),
    ).toEqual([])
    setRound(roundId, { state: 'revealed', revealedAt: Date.now() })
    await eventually(() =>
      expect(
        dots(alice.doc)
          .all()
          .filter((d) => d.roundId === roundId),
      ).toHaveLength(2),
    )
  })
})

describe('anonymous rounds', () => {
  it('name nobody in any frame another client receives, nor in any export', async () => {
    const roundId = await openRound({ anonymous: true, dotsPerPerson: 2 })
    // A participant's raw socket records every frame from before the first vote to the reveal.
    const observer = openRawSocket(server.url, board.id, board.tokens.participant)
    const projector = openRawSocket(server.url, board.id, board.tokens.viewer)
    const lead = openRawSocket(server.url, board.id, board.tokens.facilitator)
    await Promise.all([observer.opened, projector.opened, lead.opened])
    const people = await Promise.all([1, 2, 3].map(() => newPerson()))
    const voters = await Promise.all(people.map((p) => participant(p)))
    await Promise.all(
      voters.flatMap((v, i) => [
        v.vote({ op: 'place', roundId, itemId: 'n1' }),
        v.vote({ op: 'place', roundId, itemId: i === 0 ? 'n2' : 'n3' }),
      ]),
    )
    await eventually(() =>
      expect(readVoters(facilitator.doc, roundId)).toEqual({ count: 3, ids: null }),
    )
    expect(
      dots(facilitator.doc)
        .all()
        .filter((d) => d.roundId === roundId),
    ).toEqual([])
    setRound(roundId, { state: 'revealed', revealedAt: Date.now() })
    const revealed = () =>
      dots(facilitator.doc)
        .all()
        .filter((d) => d.roundId === roundId)
    await eventually(() => expect(revealed()).toHaveLength(6))
    // Tallies are right, under stand-ins that are no one's id.
    const counts = new Map<string, number>()
    for (const d of revealed()) counts.set(d.itemId, (counts.get(d.itemId) ?? 0) + 1)
    expect(Object.fromEntries(counts)).toEqual({ n1: 3, n2: 1, n3: 2 })
    expect(new Set(revealed().map((d) => d.voterId)).size).toBe(3)
    expect(new Set(revealed().map((d) => d.createdAt)).size).toBe(1)
    await server.rooms.flushAll()
    // Every recording socket has received the reveal, so the frames below are the whole story.
    const dotId = revealed()[0]!.id
    await eventually(() => {
      for (const s of [observer, projector, lead])
        expect(s.frames.some((f) => Buffer.from(f).includes(dotId))).toBe(true)
    })
    const received = [...observer.frames, ...projector.frames, ...lead.frames]
    const exports = await Promise.all(
      ['json', 'csv', 'markdown', 'wikitext'].map(async (format) => {
        const res = await fetch(`${server.url}/api/boards/${board.id}/export?format=${format}`, {
          headers: { authorization: `Bearer ${board.tokens.facilitator}` },
        })
        expect(res.status).toBe(200)
        return res.text()
      }),
    )
    for (const p of people) {
      for (const f of received) expect(Buffer.from(f).includes(p.id)).toBe(false)
      for (const text of exports) expect(text).not.toContain(p.id)
    }
    for (const s of [observer, projector, lead]) s.ws.close()
  })
})

describe('the vote ledger', () => {
  it('keeps every acknowledged dot across a restart', async () => {
    const dataDir = tempDir()
    let restarted: TestServer | null = null
    const first = await startTestServer({ storage: 'sqlite', dataDir })
    try {
      const b = await first.createBoard({ title: 'restart' })
      const f = connectPerson(first.url, b.id, b.tokens.facilitator, await newPerson())
      await f.synced()
      addItems(f.doc, [note('n1')], LOCAL_ORIGIN)
      rounds(f.doc).add(
        [{ ...recordTypes.round.defaults(), id: 'r1', kind: 'round', dotsPerPerson: 2 }],
        LOCAL_ORIGIN,
      )
      const person = await newPerson()
      const v = connectPerson(first.url, b.id, b.tokens.participant, person)
      await v.synced()
      await eventually(async () =>
        expect((await v.vote({ op: 'mine', roundId: 'r1' })).left).toBe(2),
      )
      expect((await v.vote({ op: 'place', roundId: 'r1', itemId: 'n1' })).error).toBeUndefined()
      f.destroy()
      v.destroy()
      await first.close()
      restarted = await startTestServer({ storage: 'sqlite', dataDir })
      const again = connectPerson(restarted.url, b.id, b.tokens.participant, person)
      await again.synced()
      const mine = await again.vote({ op: 'mine', roundId: 'r1' })
      expect(mine).toMatchObject({ left: 1, dots: [{ itemId: 'n1' }] })
      // And the limit still holds.
      await again.vote({ op: 'place', roundId: 'r1', itemId: 'n1' })
      expect((await again.vote({ op: 'place', roundId: 'r1', itemId: 'n1' })).error).toBe(
        'no dots left',
      )
      again.destroy()
    } finally {
      await restarted?.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it("frees a board's ledger when its room unloads, and reloads it on demand", async () => {
    const other = await server.createBoard({ title: 'ledger' })
    const lead = connectPerson(server.url, other.id, other.tokens.facilitator, await newPerson())
    await lead.synced()
    addItems(lead.doc, [note('x1')], LOCAL_ORIGIN)
    rounds(lead.doc).add(
      [{ ...recordTypes.round.defaults(), id: 'rx', kind: 'round', openedAt: Date.now() }],
      LOCAL_ORIGIN,
    )
    await eventually(async () => {
      const room = await server.rooms.loaded(other.id)
      expect(room && rounds(room.doc).get('rx')).toBeTruthy()
    })
    const person = await newPerson()
    const voter = connectPerson(server.url, other.id, other.tokens.participant, person)
    await voter.synced()
    const placed = await voter.vote({ op: 'place', roundId: 'rx', itemId: 'x1' })
    expect(placed.dots).toHaveLength(1)
    expect(server.facilitation.ledgerIds).toContain(other.id)
    lead.destroy()
    voter.destroy()
    await eventually(() => expect(server.rooms.loadedIds).not.toContain(other.id))
    await eventually(() => expect(server.facilitation.ledgerIds).not.toContain(other.id))
    // Back again: the dot is still there, read from the store.
    const back = connectPerson(server.url, other.id, other.tokens.participant, person)
    clients.push(back)
    await back.synced()
    const mine = await back.vote({ op: 'mine', roundId: 'rx' })
    expect(mine.dots.map((d) => d.id)).toEqual(placed.dots.map((d) => d.id))
    expect(server.facilitation.ledgerIds).toContain(other.id)
  })
})
