/**
 * Grid buckets over item boxes: "what lies in this rectangle" without looking at every item, so
 * culling and hit tests on a board of 10,000 post-its cost what is on screen, not the board.
 */
import { bounds, type Rect } from '../../shared/geometry/index.ts'

const CELL = 512

export class SpatialIndex {
  private readonly cells = new Map<number, Set<string>>()
  private readonly boxes = new Map<string, Rect>()
  /** Boxes too large for buckets (spanning many cells) are checked one by one. */
  private readonly large = new Set<string>()

  private static key(cx: number, cy: number): number {
    // Cells within ±2^20 of the origin map to distinct keys.
    return (cx + 1048576) * 2097152 + (cy + 1048576)
  }

  private cellRange(r: Rect) {
    return {
      x0: Math.floor(r.x / CELL),
      y0: Math.floor(r.y / CELL),
      x1: Math.floor((r.x + r.w) / CELL),
      y1: Math.floor((r.y + r.h) / CELL),
    }
  }

  set(id: string, r: Rect): void {
    const old = this.boxes.get(id)
    if (old && old.x === r.x && old.y === r.y && old.w === r.w && old.h === r.h) return
    if (old) this.delete(id)
    const box = { x: r.x, y: r.y, w: r.w, h: r.h }
    this.boxes.set(id, box)
    const { x0, y0, x1, y1 } = this.cellRange(box)
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > 64) {
      this.large.add(id)
      return
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const k = SpatialIndex.key(cx, cy)
        let set = this.cells.get(k)
        if (!set) this.cells.set(k, (set = new Set()))
        set.add(id)
      }
    }
  }

  delete(id: string): void {
    const box = this.boxes.get(id)
    if (!box) return
    this.boxes.delete(id)
    if (this.large.delete(id)) return
    const { x0, y0, x1, y1 } = this.cellRange(box)
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        const k = SpatialIndex.key(cx, cy)
        const set = this.cells.get(k)
        set?.delete(id)
        if (set?.size === 0) this.cells.delete(k)
      }
    }
  }

  /** The smallest rectangle around every box, or null when empty. */
  bounds(): Rect | null {
    return bounds(this.boxes.values())
  }

  /** Ids whose boxes meet `r` (unordered). */
  query(r: Rect): Set<string> {
    const out = new Set<string>()
    const hit = (id: string) => {
      const b = this.boxes.get(id)!
      if (b.x < r.x + r.w && r.x < b.x + b.w && b.y < r.y + r.h && r.y < b.y + b.h) out.add(id)
    }
    const { x0, y0, x1, y1 } = this.cellRange(r)
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > this.cells.size) {
      // Looking at most of the board: walking the boxes is cheaper than the cells.
      for (const id of this.boxes.keys()) hit(id)
      return out
    }
    for (let cx = x0; cx <= x1; cx++) {
      for (let cy = y0; cy <= y1; cy++) {
        for (const id of this.cells.get(SpatialIndex.key(cx, cy)) ?? []) if (!out.has(id)) hit(id)
      }
    }
    for (const id of this.large) hit(id)
    return out
  }
}
