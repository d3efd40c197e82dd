import { describe, expect, it } from 'vitest'
import { MemoryStore } from '../persistence/memory.ts'
import { LinkRegistry } from './link-registry.ts'
import { BoardStoreLinkStore, foldLinkOps, initialLinkStates, linksId } from './link-store.ts'
import { createToken } from './tokens.ts'

const SECRET = 'unit-test-secret-0123456789'

describe('link states', () => {
  it('start at generation 0 without expiry, and a rotation clears the expiry', () => {
    expect(foldLinkOps([])).toEqual(initialLinkStates())
    const states = foldLinkOps([
      { op: 'expire', role: 'viewer', expiresAt: 1000 },
      { op: 'rotate', role: 'participant' },
      { op: 'rotate', role: 'participant' },
      { op: 'rotate', role: 'viewer' },
      { op: 'expire', role: 'participant', expiresAt: 5000 },
    ])
    expect(states).toEqual({
      facilitator: { generation: 0, expiresAt: null },
      participant: { generation: 2, expiresAt: 5000 },
      viewer: { generation: 1, expiresAt: null },
    })
  })

  it('count every rotation, also from two stores (processes) on one board store', async () => {
    const store = new MemoryStore()
    const a = new BoardStoreLinkStore(store)
    const b = new BoardStoreLinkStore(store)
    await Promise.all([a.rotate('b1', 'viewer'), b.rotate('b1', 'viewer')])
    expect((await a.read('b1')).viewer.generation).toBe(2)
    expect((await a.read('other')).viewer.generation).toBe(0)
  })

  it('fold a long log into one entry without changing what it says', async () => {
    const store = new MemoryStore()
    const links = new BoardStoreLinkStore(store)
    for (let i = 0; i < 40; i++) await links.rotate('b1', 'participant')
    await links.setExpiry('b1', 'viewer', 123)
    expect((await store.load(linksId('b1')))!.updates.length).toBeLessThan(32)
    expect(await links.read('b1')).toMatchObject({
      participant: { generation: 40, expiresAt: null },
      viewer: { generation: 0, expiresAt: 123 },
    })
  })

  it('skip an unreadable entry', async () => {
    const store = new MemoryStore()
    await store.append(linksId('b1'), [new TextEncoder().encode('not json')])
    expect(await new BoardStoreLinkStore(store).read('b1')).toEqual(initialLinkStates())
  })
})

describe('LinkRegistry', () => {
  it('accepts the current generation only, until it expires', async () => {
    let now = 1_000
    const registry = new LinkRegistry(SECRET, new BoardStoreLinkStore(new MemoryStore()), () => now)
    const first = createToken(SECRET, 'b1', 'participant')
    expect(await registry.authorize('b1', first)).toEqual({
      ok: true,
      role: 'participant',
      generation: 0,
    })
    const states = await registry.rotate('b1', 'participant')
    const second = registry.tokens('b1', states).participant
    expect(second).toMatch(/^p1\.[A-Za-z0-9_-]{43}$/)
    expect(await registry.authorize('b1', first)).toEqual({ ok: false, refusal: 'replaced' })
    expect(await registry.authorize('b1', second)).toMatchObject({ ok: true, generation: 1 })
    await registry.setExpiry('b1', 'participant', 2_000)
    now = 2_000
    expect(await registry.authorize('b1', second)).toEqual({ ok: false, refusal: 'expired' })
    expect(await registry.authorize('b1', 'p1.' + 'A'.repeat(43))).toEqual({
      ok: false,
      refusal: 'invalid',
    })
    // Another board's current token is not this board's.
    expect(await registry.authorize('b2', second)).toEqual({ ok: false, refusal: 'invalid' })
  })
})
