import { afterEach, describe, expect, it, vi } from 'vitest'
import { WorkBudget } from './work-budget.ts'

describe('WorkBudget', () => {
  afterEach(() => vi.useRealTimers())

  it('gives a second’s worth at once, refuses beyond it, and refills with time', () => {
    vi.useFakeTimers({ toFake: ['performance'] })
    const budget = new WorkBudget(1000)
    expect(budget.spend(600)).toBe(true)
    expect(budget.spend(600)).toBe(false)
    // A refusal takes nothing: what is left is still there.
    expect(budget.spend(400)).toBe(true)
    expect(budget.spend(1)).toBe(false)
    vi.advanceTimersByTime(500)
    expect(budget.spend(500)).toBe(true)
    expect(budget.spend(1)).toBe(false)
    // Never more than a second's worth, however long it rested.
    vi.advanceTimersByTime(60_000)
    expect(budget.spend(1001)).toBe(false)
    expect(budget.spend(1000)).toBe(true)
  })

  it('is off at 0', () => {
    const budget = new WorkBudget(0)
    expect(budget.spend(1e9)).toBe(true)
  })
})
