/**
 * Functions evaluated inside the page: frame times from requestAnimationFrame while something
 * moves the view or a post-it once per frame. Kept free of imports: they run in the browser.
 */
export interface FrameStats {
  frames: number
  p50Ms: number
  p95Ms: number
  maxMs: number
  fps: number
  /** Frames that missed their display refresh (took over 1.5 refresh intervals). */
  dropped: number
}

/**
 * Calls `step(i)` at the start of each of `count` frames and returns the intervals between
 * frames (ms). The first intervals (warm-up) are dropped.
 */
export interface FrameArgs {
  count: number
  kind: 'pan' | 'drag'
  /** Screen pixels per frame. */
  dx: number
}

export function framesWhile(args: FrameArgs) {
  return new Promise<number[]>((resolve) => {
    const el = document.querySelector('[data-testid=board-canvas] .konvajs-content')!
    const rect = el.getBoundingClientRect()
    const cx = rect.left + rect.width / 2
    const cy = rect.top + rect.height / 2
    const times: number[] = []
    let i = 0
    const step = (t: number) => {
      times.push(t)
      if (args.kind === 'pan') {
        // A trackpad pan: a wheel event without ctrl moves the camera.
        const back = Math.floor(i / 60) % 2 === 1 ? -1 : 1
        el.dispatchEvent(
          new WheelEvent('wheel', {
            deltaX: args.dx * back,
            deltaY: (args.dx / 3) * back,
            clientX: cx,
            clientY: cy,
            bubbles: true,
            cancelable: true,
          }),
        )
      } else {
        // Out and back again, so the post-it stays near where it started.
        const phase = i % 120
        const offset = (phase < 60 ? phase : 120 - phase) * args.dx
        window.dispatchEvent(
          new PointerEvent('pointermove', {
            clientX: cx + offset,
            clientY: cy + offset / 2,
            bubbles: true,
            pointerId: 1,
            isPrimary: true,
          }),
        )
      }
      if (++i <= args.count) requestAnimationFrame(step)
      else {
        const deltas = times.slice(1).map((v, k) => v - times[k]!)
        resolve(deltas.slice(5))
      }
    }
    requestAnimationFrame(step)
  })
}

/** The headless display's refresh interval (60 Hz); frame times come in multiples of it. */
const REFRESH_MS = 1000 / 60

export function stats(deltas: number[]): FrameStats {
  const sorted = [...deltas].sort((a, b) => a - b)
  const q = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0
  const mean = deltas.reduce((s, d) => s + d, 0) / Math.max(1, deltas.length)
  const r = (n: number) => Math.round(n * 10) / 10
  return {
    frames: deltas.length,
    p50Ms: r(q(0.5)),
    p95Ms: r(q(0.95)),
    maxMs: r(sorted[sorted.length - 1] ?? 0),
    fps: r(1000 / mean),
    dropped: deltas.filter((d) => d > REFRESH_MS * 1.5).length,
  }
}
