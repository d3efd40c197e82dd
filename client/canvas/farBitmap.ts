/**
 * A bitmap of what a far-zoom layer draws, so that panning a whole board redraws one image
 * instead of 10,000 boxes and 2,000 arrows. It covers everything there is to draw when that fits
 * in memory at the current zoom (then panning never repaints), else the view plus a quarter view
 * on each side. It is repainted when what it shows changes (its key), the zoom changes, or the
 * view reaches content it does not cover.
 */
import { containsRect, type Rect } from '../../shared/geometry/index.ts'
import { shallowEqual } from '../lib/store.ts'

/** Bitmaps above this many pixels are not worth their memory: paint directly instead. */
const MAX_PIXELS = 6_000_000
/** Room around the content's bounds, in device pixels. */
const EDGE_PX = 24

export class FarBitmap {
  private canvas: HTMLCanvasElement | null = null
  private key: unknown[] = []
  private region: Rect | null = null
  private resolution = 0

  /**
   * Draws onto `ctx` (already in board coordinates) what `paint` draws inside a region around
   * `view`, from the cached bitmap when it is still good.
   */
  draw(
    ctx: CanvasRenderingContext2D,
    args: {
      key: unknown[]
      view: Rect
      /** Device pixels per board unit (zoom × pixel ratio). */
      resolution: number
      /** Bounds of everything `paint` may draw, when known (null: nothing to draw). */
      content?: Rect | null
      paint: (c: CanvasRenderingContext2D, region: Rect) => void
    },
  ): void {
    const { key, view, resolution, paint } = args
    // Strokes and marks reach a little past the boxes they are measured by.
    const margin = EDGE_PX / resolution
    const content = args.content && {
      x: args.content.x - margin,
      y: args.content.y - margin,
      w: args.content.w + 2 * margin,
      h: args.content.h + 2 * margin,
    }
    // Only the part of the view with something in it needs to be covered.
    const needed = content === undefined ? view : content && intersection(view, content)
    const fresh =
      this.canvas &&
      this.region &&
      this.resolution === resolution &&
      shallowEqual(key, this.key) &&
      (!needed || containsRect(this.region, needed))
    if (!fresh) {
      const all = content && content.w * content.h * resolution ** 2 <= MAX_PIXELS
      const region = all
        ? content
        : { x: view.x - view.w / 4, y: view.y - view.h / 4, w: view.w * 1.5, h: view.h * 1.5 }
      const w = Math.ceil(region.w * resolution)
      const h = Math.ceil(region.h * resolution)
      if (w * h > MAX_PIXELS || w < 1 || h < 1) {
        this.release()
        paint(ctx, view)
        return
      }
      this.canvas ??= document.createElement('canvas')
      if (this.canvas.width !== w || this.canvas.height !== h) {
        this.canvas.width = w
        this.canvas.height = h
      }
      const c = this.canvas.getContext('2d')!
      c.setTransform(1, 0, 0, 1, 0, 0)
      c.clearRect(0, 0, w, h)
      c.setTransform(resolution, 0, 0, resolution, -region.x * resolution, -region.y * resolution)
      paint(c, region)
      this.key = key
      this.region = region
      this.resolution = resolution
    }
    const r = this.region!
    ctx.drawImage(this.canvas!, r.x, r.y, r.w, r.h)
  }

  release(): void {
    this.canvas = null
    this.region = null
    this.key = []
  }
}

function intersection(a: Rect, b: Rect): Rect | null {
  const x = Math.max(a.x, b.x)
  const y = Math.max(a.y, b.y)
  const w = Math.min(a.x + a.w, b.x + b.w) - x
  const h = Math.min(a.y + a.h, b.y + b.h) - y
  return w > 0 && h > 0 ? { x, y, w, h } : null
}
