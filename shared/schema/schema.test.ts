import { describe, expect, it } from 'vitest'
import {
  COLLECTION_KINDS,
  COLLECTION_NAMES,
  parseItem,
  RECORD_KINDS,
  recordTypes,
  restoreItem,
  restoreRecord,
  SchemaError,
} from './index.ts'

describe('record registry', () => {
  it('declares a migration for every version below the current one of each kind', () => {
    for (const kind of RECORD_KINDS) {
      const type = recordTypes[kind]
      for (let v = 1; v < type.version; v++)
        expect(type.migrations[v], `${kind} v${v}`).toBeTypeOf('function')
    }
    // Not a loop over nothing: at least one kind has been migrated.
    expect(RECORD_KINDS.some((k) => recordTypes[k].version > 1)).toBe(true)
  })

  it('migrations never mutate their input and are idempotent', () => {
    for (const kind of RECORD_KINDS) {
      const type = recordTypes[kind]
      for (const step of Object.values(type.migrations)) {
        const current = Object.freeze({ id: 'a', kind, ...type.defaults() })
        expect(step(current), `${kind}: a current record passes unchanged`).toEqual(current)
        const legacy = Object.freeze({
          id: 'a',
          kind,
          ...Object.fromEntries(Object.keys(type.legacyFields ?? {}).map((f) => [f, false])),
        })
        const once = step(legacy)
        expect(step(Object.freeze(once))).toEqual(once)
      }
    }
  })

  it('defaults of every kind pass its own validator', () => {
    for (const kind of RECORD_KINDS) {
      const rec = { id: 'x1', kind, ...recordTypes[kind].defaults() }
      expect(recordTypes[kind].schema.safeParse(rec).success, kind).toBe(true)
    }
  })

  it('every collection holds at least one kind, and every kind one collection', () => {
    for (const name of COLLECTION_NAMES)
      expect(COLLECTION_KINDS[name].length, name).toBeGreaterThan(0)
    expect(COLLECTION_NAMES.flatMap((n) => COLLECTION_KINDS[n]).sort()).toEqual(
      [...RECORD_KINDS].sort(),
    )
  })
})

describe('round v2', () => {
  it('turns the yes/no stacking flag into a per-item limit', () => {
    const v1 = { id: 'r', kind: 'round', dotsPerPerson: 5, allowStacking: true }
    expect(restoreRecord(v1)).toMatchObject({ maxPerItem: 5 })
    expect(restoreRecord({ ...v1, allowStacking: false })).toMatchObject({ maxPerItem: 1 })
    expect(restoreRecord({ ...v1, allowStacking: false })).not.toHaveProperty('allowStacking')
  })
})

describe('restoreItem', () => {
  it('fills missing and invalid fields with defaults and keeps unknown ones', () => {
    const item = restoreItem({ id: 'n1', kind: 'note', x: 'far', text: 'hi', future: 42 })
    expect(item).toMatchObject({
      id: 'n1',
      kind: 'note',
      x: 0,
      w: 160,
      text: 'hi',
      color: 'yellow',
    })
    expect((item as unknown as Record<string, unknown>).future).toBe(42)
  })

  it('returns null for what cannot be an item, without throwing', () => {
    expect(restoreItem(null)).toBeNull()
    expect(restoreItem({ kind: 'note' })).toBeNull()
    expect(restoreItem({ id: 'a', kind: 'spaceship' })).toBeNull()
    expect(restoreItem({ id: 'bad id!', kind: 'note' })).toBeNull()
    expect(restoreItem({ id: 'a', kind: 'note' }, 99)).toBeNull()
  })
})

describe('parseItem', () => {
  it('accepts a valid record and rejects a bad one with a readable message', () => {
    const ok = { id: 'n1', kind: 'note', ...recordTypes.note.defaults(), text: 'x' }
    expect(parseItem(ok).id).toBe('n1')
    expect(() => parseItem({ ...ok, color: 'chartreuse' })).toThrow(SchemaError)
    expect(() => parseItem({ ...ok, w: -5 })).toThrow(/w:/)
  })
})
