/**
 * Presence through awareness (scope: presence): who is here, their cursors and selections.
 * Peers' states are validated on read because anyone can put anything there.
 */
import type { Awareness } from 'y-protocols/awareness'
import { readPresence, type Presence } from '../../shared/schema/index.ts'
import type { Point } from '../canvas/viewport.ts'

export interface Peer extends Presence {
  clientId: number
}

export class PresenceStore {
  private peers: Peer[] = []
  private readonly listeners = new Set<() => void>()
  private cursorTimer: ReturnType<typeof setTimeout> | null = null
  private nextCursor: Point | null = null

  constructor(
    private readonly awareness: Awareness,
    user: Presence['user'],
  ) {
    awareness.setLocalState({ user, cursor: null, selection: [] } satisfies Presence)
    awareness.on('change', this.refresh)
    this.refresh()
  }

  private refresh = (): void => {
    const next: Peer[] = []
    this.awareness.getStates().forEach((state, clientId) => {
      if (clientId === this.awareness.clientID) return
      const p = readPresence(state)
      if (p) next.push({ ...p, clientId })
    })
    this.peers = next.sort(
      (a, b) => a.user.name.localeCompare(b.user.name) || a.clientId - b.clientId,
    )
    for (const l of this.listeners) l()
  }

  get = (): Peer[] => this.peers

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  setUser(user: Presence['user']): void {
    this.awareness.setLocalStateField('user', user)
  }

  /** Cursor moves are sent at most every 50 ms; the last position always goes out. */
  setCursor(cursor: Point | null): void {
    this.nextCursor = cursor && { x: Math.round(cursor.x), y: Math.round(cursor.y) }
    if (this.cursorTimer) return
    this.cursorTimer = setTimeout(() => {
      this.cursorTimer = null
      this.awareness.setLocalStateField('cursor', this.nextCursor)
    }, 50)
  }

  setSelection(ids: readonly string[]): void {
    this.awareness.setLocalStateField('selection', ids.slice(0, 10_000))
  }

  destroy(): void {
    if (this.cursorTimer) clearTimeout(this.cursorTimer)
    this.awareness.off('change', this.refresh)
    this.awareness.setLocalState(null)
  }
}
