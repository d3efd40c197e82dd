import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { utf8TextDecoder } from 'lib0/string'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { installFastStrings } from './fastStrings.ts'

const SAMPLES = [
  '',
  'x',
  'updatedAt',
  'Post-it 1: who owns the deploy of feature 12?',
  'a'.repeat(128),
  'a'.repeat(129),
  'Grüße, 日本語, עברית',
  '\uFEFFbom first',
  '😀 emoji',
  'ascii then é',
]

describe('fast strings', () => {
  it('decode every string as the native decoder does', () => {
    const plain = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    const fast = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
    installFastStrings(fast)
    expect(Object.hasOwn(fast, 'decode')).toBe(true)
    const enc = new TextEncoder()
    for (const s of SAMPLES) expect(fast.decode(enc.encode(s)), s).toBe(plain.decode(enc.encode(s)))
    // Still fatal on bytes that are not UTF-8.
    expect(() => fast.decode(new Uint8Array([0x61, 0xff]))).toThrow()
  })

  it('are what lib0 (and so Yjs) decodes with, and Yjs reads the same document', () => {
    installFastStrings()
    expect(Object.hasOwn(utf8TextDecoder!, 'decode')).toBe(true)
    const e = encoding.createEncoder()
    for (const s of SAMPLES) encoding.writeVarString(e, s)
    const d = decoding.createDecoder(encoding.toUint8Array(e))
    expect(SAMPLES.map(() => decoding.readVarString(d))).toEqual(SAMPLES)

    const doc = new Y.Doc()
    const map = doc.getMap('items')
    for (const s of SAMPLES) map.set(`k-${s}`, { text: s, list: [s] })
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    expect(copy.getMap('items').toJSON()).toEqual(map.toJSON())
  })
})
