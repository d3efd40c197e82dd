/** One record of a store by id, re-rendering only when that record changes. */
import { useCallback, useSyncExternalStore } from 'react'
import type { AnyRecord } from '../../shared/schema/index.ts'
import type { RecordStore } from '../editor/recordStore.ts'

export function useRecord<T extends AnyRecord>(
  store: RecordStore<T>,
  id: string | null | undefined,
): T | undefined {
  const subscribe = useCallback(
    (onChange: () => void) => (id ? store.subscribeId(id, onChange) : () => {}),
    [store, id],
  )
  return useSyncExternalStore(subscribe, () => (id ? store.get(id) : undefined))
}
