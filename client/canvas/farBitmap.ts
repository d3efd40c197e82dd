/**
 * A bitmap of what a far-zoom layer draws, so that panning a whole board redraws one image
 * instead of 10,000 boxes and 2,000 arrows. It covers the view plus a quarter view on each side at
 * the current zoom, and is repainted when what it shows changes (its key), the zoom changes, or
 * the view leaves the covered region.
 */
import type { Rect } from '../../shared/geometry/index.ts'
import { shallowEqual } from '../lib/store.ts'

/** Bitmaps above this many pixels are not worth their memory: paint directly instead. */
const MAX_PIXELS = 6_000_000

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
      paint: (c: CanvasRenderingContext2D, region: Rect) => void
    },
  ): void {
    const { key, view, resolution, paint } = args
    const fresh =
      this.canvas &&
      this.region &&
      this.resolution === resolution &&
      shallowEqual(key, this.key) &&
      view.x >= this.region.x &&
      view.y >= this.region.y &&
      view.x + view.w <= this.region.x + this.region.w &&
      view.y + view.h <= this.region.y + this.region.h
    if (!fresh) {
      const region = {
        x: view.x - view.w / 4,
        y: view.y - view.h / 4,
        w: view.w * 1.5,
        h: view.h * 1.5,
      }
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
