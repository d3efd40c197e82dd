import { describe, expect, it } from 'vitest'
import { tinyPng } from '../../tests/helpers/png.ts'
import { sniffImage } from './sniff.ts'

describe('sniffImage', () => {
  it('reads a PNG’s type and size', () => {
    expect(sniffImage(tinyPng(30, 20))).toEqual({ mime: 'image/png', width: 30, height: 20 })
  })

  it('reads a JPEG’s size from its start-of-frame', () => {
    const jpeg = new Uint8Array([
      0xff,
      0xd8,
      0xff,
      0xe0,
      0x00,
      0x10,
      ...new Array(14).fill(0),
      0xff,
      0xc0,
      0x00,
      0x11,
      0x08,
      0x02,
      0x58,
      0x03,
      0x20,
      0x03,
      ...new Array(12).fill(0),
    ])
    expect(sniffImage(jpeg)).toEqual({ mime: 'image/jpeg', width: 800, height: 600 })
  })

  it('reads a lossless WebP’s size', () => {
    const b = new Uint8Array(40)
    b.set(
      [...'RIFF'].map((c) => c.charCodeAt(0)),
      0,
    )
    b.set(
      [...'WEBPVP8L'].map((c) => c.charCodeAt(0)),
      8,
    )
    const bits = (640 - 1) | ((480 - 1) << 14)
    new DataView(b.buffer).setUint32(21, bits, true)
    expect(sniffImage(b)).toEqual({ mime: 'image/webp', width: 640, height: 480 })
  })

  it('takes nothing else, whatever it claims to be', () => {
    expect(sniffImage(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
      null,
    )
    expect(sniffImage(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).toBe(null)
    expect(sniffImage(new Uint8Array(0))).toBe(null)
  })
})
