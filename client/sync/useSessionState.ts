import { useSyncExternalStore } from 'react'
import { useStore } from '../lib/store.ts'
import type { SessionStatus } from './connection.ts'
import type { SaveState } from './saveTracker.ts'
import type { BoardSession } from './session.ts'

export function useSessionStatus(session: BoardSession): SessionStatus {
  return useStore(session.status, (s) => s)
}

/**
 * Save status from the server's acks: saved, saving (online) or waiting (not connected). Away
 * from the server nothing is "saved": what is done now waits on this device (pending 0).
 */
export function useSaveState(session: BoardSession): SaveState {
  const online = useStore(session.status, (s) => s.connection === 'online')
  const pending = useSyncExternalStore(session.saves.subscribe, () => session.saves.count())
  if (!online) return { kind: 'waiting', pending }
  if (pending === 0) return { kind: 'saved' }
  return online ? { kind: 'saving', pending } : { kind: 'waiting', pending }
}
