import { describe, expect, it } from 'vitest'
import { createLogger } from '../logger.ts'
import { MemoryStore } from '../persistence/memory.ts'
import { ActivityLog, COALESCE_MS, type Actor } from './log.ts'

const ana: Actor = { personId: 'ana0000000000000', name: 'Ana', key: 'ana' }
const ben: Actor = { personId: 'ben0000000000000', name: 'Ben', key: 'ben' }
const change = (recordId: string, kind: 'added' | 'changed' | 'moved' | 'deleted' = 'changed') => ({
  collection: 'items',
  recordId,
  kind,
  recordKind: 'note',
  frameId: null,
})

/** The memory store, counting how often the activity was trimmed. */
class CountingStore extends MemoryStore {
  compactions = 0
  constructor() {
    super()
    const trim = this.activity.trim.bind(this.activity)
    this.activity.trim = (...args) => {
      this.compactions++
      return trim(...args)
    }
  }
}

describe('ActivityLog', () => {
  it('coalesces one person’s consecutive edits of a record within a minute, and no others', async () => {
    let now = 1_000_000
    const log = new ActivityLog(new MemoryStore(), createLogger('silent'), () => now)
    log.record('b', ana, change('n1', 'added'))
    now += 10_000
    log.record('b', ana, change('n1', 'moved'))
    await log.flush()
    // After a flush too: the stored entry is written again.
    now += 10_000
    log.record('b', ana, change('n1', 'changed'))
    log.record('b', ben, change('n1'))
    now += 1000
    log.record('b', ana, change('n2'))
    log.record('b', ana, change('n1'))
    now += COALESCE_MS
    log.record('b', ana, change('n1'))
    const entries = await log.query('b')
    expect(entries.map((e) => `${e.name}:${e.recordId}:${e.kind}:${e.count}`)).toEqual([
      'Ana:n1:added:3',
      'Ben:n1:changed:1',
      'Ana:n2:changed:1',
      'Ana:n1:changed:1',
      'Ana:n1:changed:1',
    ])
    expect(entries[0]).toMatchObject({ firstAt: 1_000_000, at: 1_020_000 })
  })

  it('trims a board’s entries when asked (its room left memory), once per change', async () => {
    let now = 0
    const store = new CountingStore()
    const log = new ActivityLog(store, createLogger('silent'), () => now)
    for (let i = 0; i < 3; i++) {
      now += COALESCE_MS
      log.record('b', ana, change(`n${i}`))
      await log.flush()
    }
    now += COALESCE_MS
    log.record('b', ben, change('pending'))
    const before = await log.query('b')
    expect(before).toHaveLength(4)
    await log.compact('b')
    expect(await log.query('b')).toEqual(before)
    expect(store.compactions).toBe(1)
    // Nothing new: nothing to compact.
    await log.compact('b')
    expect(store.compactions).toBe(1)
  })

  it('keeps only the newest entries once compacted', async () => {
    let now = 0
    const store = new MemoryStore()
    const log = new ActivityLog(store, createLogger('silent'), () => now, {
      maxEntries: 50,
      compactEvery: 10,
    })
    for (let i = 0; i < 200; i++) {
      now += COALESCE_MS
      log.record('b', ana, change(`n${i}`))
      await log.flush()
    }
    const entries = await log.query('b')
    expect(entries.length).toBeGreaterThanOrEqual(50)
    expect(entries.length).toBeLessThan(60)
    expect(entries.at(-1)?.recordId).toBe('n199')
    expect((await log.query('b', { since: now - 1 })).map((e) => e.recordId)).toEqual(['n199'])
  })
})
