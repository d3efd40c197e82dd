import { describe, expect, it } from 'vitest'
import { shallowEqual, Store } from './store.ts'

describe('store', () => {
  it('compares plain objects and arrays by content, everything else by identity', () => {
    expect(shallowEqual({ a: 1 }, { a: 1 })).toBe(true)
    expect(shallowEqual([1, 2], [1, 2])).toBe(true)
    expect(shallowEqual({ a: 1 }, { a: 2 })).toBe(false)
    expect(shallowEqual(new Set([1]), new Set([2]))).toBe(false)
  })

  it('notifies on set', () => {
    const s = new Store({ n: 1 })
    let calls = 0
    s.subscribe(() => calls++)
    s.set({ n: 2 })
    expect(s.get().n).toBe(2)
    expect(calls).toBe(1)
  })
})
