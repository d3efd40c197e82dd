/** Hooks that re-render when part of the Y.Doc changes, reading through the shared/doc API. */
import type * as Y from 'yjs'
import { useRef, useSyncExternalStore } from 'react'

/**
 * `read()` again after every change to `types` (deep); the value is kept while its JSON is
 * unchanged, so unrelated edits elsewhere in those types do not re-render.
 */
interface Observable {
  observeDeep(f: () => void): void
  unobserveDeep(f: () => void): void
}

export function useDocValue<T>(types: () => Observable[], read: () => T): T {
  const cache = useRef<{ json: string; value: T } | null>(null)
  return useSyncExternalStore(
    (cb) => {
      const list = types()
      for (const t of list) t.observeDeep(cb)
      return () => {
        for (const t of list) t.unobserveDeep(cb)
      }
    },
    () => {
      const value = read()
      const json = JSON.stringify(value)
      if (cache.current?.json === json) return cache.current.value
      cache.current = { json, value }
      return value
    },
  )
}

/** Like useDocValue, for reads that span the whole document (any transaction re-reads). */
export function useDocRead<T>(doc: Y.Doc, read: () => T): T {
  const cache = useRef<{ json: string; value: T } | null>(null)
  return useSyncExternalStore(
    (cb) => {
      doc.on('afterTransaction', cb)
      return () => doc.off('afterTransaction', cb)
    },
    () => {
      const value = read()
      const json = JSON.stringify(value)
      if (cache.current?.json === json) return cache.current.value
      cache.current = { json, value }
      return value
    },
  )
}
