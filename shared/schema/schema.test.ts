import { describe, expect, it } from 'vitest'
import { ITEM_KINDS, parseItem, recordTypes, restoreItem, SchemaError } from './index.ts'

describe('record registry', () => {
  it('declares a migration for every version below the current one of each kind', () => {
    for (const kind of ITEM_KINDS) {
      const type = recordTypes[kind]
      for (let v = 1; v < type.version; v++)
        expect(type.migrations[v], `${kind} v${v}`).toBeTypeOf('function')
    }
  })

  it('migrations never mutate their input', () => {
    for (const kind of ITEM_KINDS) {
      const type = recordTypes[kind]
      for (const step of Object.values(type.migrations)) {
        const input = Object.freeze({ id: 'a', kind, ...type.defaults() })
        expect(() => step(input)).not.toThrow()
      }
    }
  })

  it('defaults of every kind pass its own validator', () => {
    for (const kind of ITEM_KINDS) {
      const rec = { id: 'x1', kind, ...recordTypes[kind].defaults() }
      expect(recordTypes[kind].schema.safeParse(rec).success, kind).toBe(true)
    }
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
