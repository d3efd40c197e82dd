/**
 * Pictures of the board and its posters, made in the browser: the shared SVG renderer draws from
 * the records (so off-screen items are in it too), a canvas rasterises it for PNG, and pdf-lib
 * puts one poster picture on each page of a PDF.
 */
import type * as Y from 'yjs'
import { items } from '../../shared/doc/index.ts'
import { pictureScene, posters } from '../../shared/export/picture.ts'
import { PICTURE_FONT, renderSvg, type SvgPicture } from '../../shared/export/svg.ts'
import type { Measure } from '../../shared/export/text-wrap.ts'

/** Pixels per board unit for PNGs: sharp on a projector, readable when zoomed in. */
export const PNG_PIXEL_RATIO = 2
/** Canvas limits browsers share: side and area of the bitmap. */
const MAX_SIDE = 8192
const MAX_AREA = 48_000_000

export type Progress = (done: number, total: number) => void

let measureCtx: CanvasRenderingContext2D | null = null
/** Text widths from the browser's own font metrics, so wrapping matches what is drawn. */
const measure: Measure = (text, size, bold) => {
  measureCtx ??= document.createElement('canvas').getContext('2d')
  if (!measureCtx) return [...text].length * size * 0.55
  measureCtx.font = `${bold ? '700 ' : ''}${size}px ${PICTURE_FONT}`
  return measureCtx.measureText(text).width
}

/** The SVG of the whole board (frameId null) or of one poster; null if the poster is gone. */
export function svgPicture(
  doc: Y.Doc,
  frameId: string | null,
  images?: ReadonlyMap<string, string>,
): SvgPicture | null {
  const scene = pictureScene(doc, frameId)
  return scene && renderSvg(scene, { measure, images })
}

/**
 * The board's photos as data URLs by hash, to embed in pictures: an SVG drawn as an image (for
 * PNG and PDF) loads nothing from outside. A photo that cannot be fetched is left out.
 */
export async function loadImages(
  doc: Y.Doc,
  url: (hash: string) => string,
): Promise<Map<string, string>> {
  const hashes = new Set(
    items(doc)
      .all()
      .flatMap((i) => (i.kind === 'image' ? [i.hash] : [])),
  )
  const out = new Map<string, string>()
  await Promise.all(
    [...hashes].map(async (hash) => {
      const res = await fetch(url(hash)).catch(() => null)
      if (!res?.ok) return
      const blob = await res.blob()
      out.set(
        hash,
        await new Promise<string>((resolve, reject) => {
          const reader = new FileReader()
          reader.onload = () => resolve(String(reader.result))
          reader.onerror = () => reject(reader.error ?? new Error('could not read a photo'))
          reader.readAsDataURL(blob)
        }),
      )
    }),
  )
  return out
}

/** The pixel ratio for a picture, lowered for very large boards to stay within canvas limits. */
export function pixelRatioFor(width: number, height: number, wanted = PNG_PIXEL_RATIO): number {
  const bySide = MAX_SIDE / Math.max(width, height)
  const byArea = Math.sqrt(MAX_AREA / (width * height))
  return Math.max(0.05, Math.min(wanted, bySide, byArea))
}

export const pngFromSvg = (picture: SvgPicture, ratio?: number): Promise<Blob> =>
  rasterise(picture, 'image/png', ratio)

/** Draws the SVG on a canvas at `ratio` pixels per unit and encodes it. */
async function rasterise(
  picture: SvgPicture,
  type: 'image/png' | 'image/jpeg',
  ratio?: number,
): Promise<Blob> {
  const scale = ratio ?? pixelRatioFor(picture.width, picture.height)
  const url = URL.createObjectURL(new Blob([picture.svg], { type: 'image/svg+xml' }))
  try {
    const img = new Image()
    img.decoding = 'async'
    img.src = url
    await img.decode()
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(picture.width * scale))
    canvas.height = Math.max(1, Math.round(picture.height * scale))
    const ctx = canvas.getContext('2d')
    if (!ctx) throw new Error('no 2D canvas')
    ctx.drawImage(img, 0, 0, canvas.width, canvas.height)
    return await new Promise<Blob>((resolve, reject) =>
      canvas.toBlob(
        (b) => (b ? resolve(b) : reject(new Error(`${type} encoding failed`))),
        type,
        // JPEG quality; PNG ignores it.
        0.92,
      ),
    )
  } finally {
    URL.revokeObjectURL(url)
  }
}

export const svgBlob = (picture: SvgPicture): Blob =>
  new Blob([picture.svg], { type: 'image/svg+xml;charset=utf-8' })

/** Longest side of a PDF page in points (A3). Posters keep their proportions. */
const PAGE_SIDE = 1191

/**
 * A PDF with one poster a page, each page a photo of the poster. JPEG, because pdf-lib embeds it
 * as it is, while a PNG would be decoded and re-compressed in JavaScript, seconds per poster.
 */
export async function postersPdf(
  doc: Y.Doc,
  title: string,
  onProgress?: Progress,
  images?: ReadonlyMap<string, string>,
): Promise<Blob> {
  const { PDFDocument } = await import('pdf-lib')
  const pdf = await PDFDocument.create()
  pdf.setTitle(title || 'Posters')
  pdf.setCreator('Workshop board')
  const list = posters(doc)
  onProgress?.(0, list.length)
  for (const [i, frame] of list.entries()) {
    const picture = svgPicture(doc, frame.id, images)
    if (picture) {
      const jpeg = await rasterise(picture, 'image/jpeg')
      const image = await pdf.embedJpg(new Uint8Array(await jpeg.arrayBuffer()))
      const k = PAGE_SIDE / Math.max(picture.width, picture.height)
      const page = pdf.addPage([picture.width * k, picture.height * k])
      page.drawImage(image, { x: 0, y: 0, width: picture.width * k, height: picture.height * k })
    }
    onProgress?.(i + 1, list.length)
    // Let the progress bar paint between posters.
    await new Promise((r) => setTimeout(r, 0))
  }
  const bytes = await pdf.save()
  return new Blob([bytes as BlobPart], { type: 'application/pdf' })
}
