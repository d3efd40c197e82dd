import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { compileFastCheck } from './fastCheck.ts'
import { isValidRecord, RECORD_KINDS, recordTypes, type RecordKind } from './index.ts'

const valid = (kind: RecordKind): Record<string, unknown> => ({
  id: 'abc_1-Z',
  kind,
  ...recordTypes[kind].defaults(),
})

/** Values that break one check or another of the fields we have. */
const ODD: unknown[] = [
  undefined,
  null,
  true,
  0,
  -1,
  0.5,
  1e7,
  1e7 + 1,
  -1e7 - 1,
  1e12,
  Number.MAX_SAFE_INTEGER + 2,
  NaN,
  Infinity,
  -Infinity,
  '',
  'x',
  'has space',
  'a'.repeat(65),
  'a'.repeat(5001),
  'yellow',
  'black',
  'none',
  [],
  ['x'],
  ['bad id'],
  Array.from({ length: 51 }, (_, i) => `t${i}`),
  {},
  { itemId: null, x: 0, y: 0 },
  { itemId: 'a', x: NaN, y: 0 },
  [{ id: 'l1', title: 'Lane' }],
]

describe('fast checks derived from the schemas', () => {
  it('exist for every record kind', () => {
    for (const kind of RECORD_KINDS)
      expect(compileFastCheck(recordTypes[kind].schema), kind).not.toBeNull()
  })

  it('agree with zod on every field of every kind set to odd values', () => {
    let rejected = 0
    for (const kind of RECORD_KINDS) {
      const schema = recordTypes[kind].schema
      expect(isValidRecord(kind, valid(kind)), kind).toBe(true)
      for (const field of Object.keys(schema.shape)) {
        for (const value of ODD) {
          const rec = { ...valid(kind), [field]: value }
          const zod = schema.safeParse(rec).success
          if (!zod) rejected++
          expect(isValidRecord(kind, rec), `${kind}.${field} = ${String(value)}`).toBe(zod)
        }
        const { [field]: _gone, ...without } = valid(kind)
        expect(isValidRecord(kind, without), `${kind} without ${field}`).toBe(
          schema.safeParse(without).success,
        )
      }
    }
    // Not a loop over things that all pass.
    expect(rejected).toBeGreaterThan(500)
  })

  it('agree with zod on random values of every field', () => {
    for (const kind of RECORD_KINDS) {
      const schema = recordTypes[kind].schema
      const fields = Object.keys(schema.shape)
      fc.assert(
        fc.property(fc.constantFrom(...fields), fc.anything(), (field, value) => {
          const rec = { ...valid(kind), [field]: value }
          expect(isValidRecord(kind, rec)).toBe(schema.safeParse(rec).success)
        }),
        { numRuns: 200, seed: 16 },
      )
    }
  })

  it('keep unknown fields passing, as zod does, and reject what is not an object', () => {
    expect(isValidRecord('note', { ...valid('note'), future: 1 })).toBe(true)
    for (const v of [null, [], 'note', 1]) expect(isValidRecord('note', v)).toBe(false)
  })

  it('give up (null) on schemas they do not understand', () => {
    expect(compileFastCheck(z.string().email())).toBeNull()
    expect(compileFastCheck(z.object({ a: z.string() }).refine(() => true))).toBeNull()
    expect(compileFastCheck(z.object({ a: z.date() }))).toBeNull()
    expect(compileFastCheck(z.object({ a: z.string() }).catchall(z.number()))).toBeNull()
  })
})
