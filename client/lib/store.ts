/** A tiny external store and a selector hook over it (useSyncExternalStore). */
import { useRef, useSyncExternalStore } from 'react'

export interface ReadableStore<T> {
  get(): T
  subscribe(listener: () => void): () => void
}

export class Store<T> implements ReadableStore<T> {
  private listeners = new Set<() => void>()
  constructor(private state: T) {}

  get = (): T => this.state

  set(patch: Partial<T> | ((s: T) => Partial<T>)): void {
    const next = typeof patch === 'function' ? patch(this.state) : patch
    this.state = { ...this.state, ...next }
    for (const l of this.listeners) l()
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

export const shallowEqual = <T>(a: T, b: T): boolean => {
  if (Object.is(a, b)) return true
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((v, i) => Object.is(v, b[i]))
  }
  if (typeof a !== 'object' || typeof b !== 'object' || !a || !b) return false
  // Only plain objects compare by content; Sets, Maps and class instances by identity.
  if (
    Object.getPrototypeOf(a) !== Object.prototype ||
    Object.getPrototypeOf(b) !== Object.prototype
  ) {
    return false
  }
  const ka = Object.keys(a)
  const kb = Object.keys(b)
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.is((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  )
}

/** Re-renders only when the selected slice changes (by `equal`, shallow by default). */
export function useStore<T, S>(
  store: ReadableStore<T>,
  selector: (state: T) => S,
  equal: (a: S, b: S) => boolean = shallowEqual,
): S {
  const last = useRef<{ value: S } | null>(null)
  // A fresh closure each render is fine: the cached value keeps the result stable.
  const getSnapshot = () => {
    const next = selector(store.get())
    if (last.current && equal(last.current.value, next)) return last.current.value
    last.current = { value: next }
    return next
  }
  return useSyncExternalStore(store.subscribe, getSnapshot, getSnapshot)
}
