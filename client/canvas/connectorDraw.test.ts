import { describe, expect, it } from 'vitest'
import { markScale } from './connectorDraw.ts'

describe('markScale', () => {
  it('keeps marks at their size close up and grows them in steps when zoomed out', () => {
    expect(markScale(1)).toBe(1)
    expect(markScale(0.7)).toBe(1)
    expect(markScale(0.35)).toBeGreaterThanOrEqual(2)
    // A heart (2.2 × 14 units × k) stays at least 18 screen pixels wide far out.
    for (const scale of [0.5, 0.2, 0.1, 0.05]) {
      expect(2.2 * 14 * markScale(scale) * scale).toBeGreaterThanOrEqual(18)
    }
    // Few distinct values: zooming re-renders arrows only when a step is crossed.
    const steps = new Set([0.05, 0.06, 0.07, 0.08, 0.09, 0.1].map(markScale))
    expect(steps.size).toBeLessThanOrEqual(3)
  })
})
