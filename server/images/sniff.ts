/**
 * What an uploaded picture is, read from its bytes (never from what the client claims): PNG,
 * JPEG or WebP, with its size in pixels. Anything else is not a picture we take.
 */
export type ImageMime = 'image/png' | 'image/jpeg' | 'image/webp'

export interface ImageInfo {
  mime: ImageMime
  width: number
  height: number
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]

const ascii = (b: Uint8Array, at: number, text: string) =>
  [...text].every((ch, i) => b[at + i] === ch.charCodeAt(0))

function png(b: Uint8Array, view: DataView): ImageInfo | null {
  if (b.length < 24 || !PNG_SIGNATURE.every((v, i) => b[i] === v) || !ascii(b, 12, 'IHDR'))
    return null
  return { mime: 'image/png', width: view.getUint32(16), height: view.getUint32(20) }
}

/** JPEG: walk the markers to the first start-of-frame, which holds the size. */
function jpeg(b: Uint8Array, view: DataView): ImageInfo | null {
  if (b.length < 4 || b[0] !== 0xff || b[1] !== 0xd8) return null
  let at = 2
  while (at + 9 < b.length) {
    if (b[at] !== 0xff) return null
    const marker = b[at + 1]!
    if (marker === 0xff) {
      at++
      continue
    }
    const length = view.getUint16(at + 2)
    const startOfFrame = marker >= 0xc0 && marker <= 0xcf && ![0xc4, 0xc8, 0xcc].includes(marker)
    if (startOfFrame)
      return { mime: 'image/jpeg', height: view.getUint16(at + 5), width: view.getUint16(at + 7) }
    at += 2 + length
  }
  return null
}

/** WebP: a RIFF container with a lossy (VP8), lossless (VP8L) or extended (VP8X) first chunk. */
function webp(b: Uint8Array, view: DataView): ImageInfo | null {
  if (b.length < 30 || !ascii(b, 0, 'RIFF') || !ascii(b, 8, 'WEBP')) return null
  if (ascii(b, 12, 'VP8 '))
    return {
      mime: 'image/webp',
      width: view.getUint16(26, true) & 0x3fff,
      height: view.getUint16(28, true) & 0x3fff,
    }
  if (ascii(b, 12, 'VP8L')) {
    const bits = view.getUint32(21, true)
    return { mime: 'image/webp', width: (bits & 0x3fff) + 1, height: ((bits >> 14) & 0x3fff) + 1 }
  }
  if (ascii(b, 12, 'VP8X')) {
    const w = b[24]! | (b[25]! << 8) | (b[26]! << 16)
    const h = b[27]! | (b[28]! << 8) | (b[29]! << 16)
    return { mime: 'image/webp', width: w + 1, height: h + 1 }
  }
  return null
}

/** The picture's type and size, or null when the bytes are not a PNG, JPEG or WebP. */
export function sniffImage(bytes: Uint8Array): ImageInfo | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  for (const read of [png, jpeg, webp]) {
    const info = read(bytes, view)
    if (info && info.width > 0 && info.height > 0) return info
  }
  return null
}
