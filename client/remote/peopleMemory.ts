/**
 * Who was here recently, remembered on this device so that people who have gone can still be
 * listed ("last active 3 h ago"), and this person's own time zone and last activity published
 * in awareness for the others.
 */
import { z } from 'zod'
import type { Editor } from '../editor/editor.ts'
import { readStored, writeStored } from '../lib/storage.ts'
import type { Peer } from '../sync/presence.ts'
import { ownTimeZone } from './time.ts'

const rememberedSchema = z.array(
  z.object({
    id: z.string().max(64),
    name: z.string().max(80),
    color: z.string().max(16),
    timeZone: z.string().max(64).optional(),
    lastActive: z.number(),
  }),
)
export type RememberedPerson = z.infer<typeof rememberedSchema>[number]

const KEEP = 50
/** Activity is published at most this often; enough for "last active" in minutes. */
const PUBLISH_MS = 30_000

const key = (boardId: string) => `wb.people.${boardId}`

export function rememberedPeople(boardId: string): RememberedPerson[] {
  return readStored(key(boardId), rememberedSchema, [])
}

/** Adds the people present now to the remembered ones, newest first. */
export function rememberPeers(boardId: string, peers: readonly Peer[], now = Date.now()): void {
  const byId = new Map(rememberedPeople(boardId).map((p) => [p.id, p]))
  for (const p of peers) {
    byId.set(p.user.id, {
      id: p.user.id,
      name: p.user.name,
      color: p.user.color,
      timeZone: p.timeZone,
      lastActive: Math.min(now, p.lastActive ?? now),
    })
  }
  const list = [...byId.values()].sort((a, b) => b.lastActive - a.lastActive).slice(0, KEEP)
  writeStored(key(boardId), list)
}

/** Publishes time zone and activity; returns a function that stops. */
export function publishPresence(editor: Editor, boardId: string): () => void {
  const awareness = editor.session.awareness
  let last = 0
  const touch = () => {
    const now = Date.now()
    if (now - last < PUBLISH_MS) return
    last = now
    awareness.setLocalStateField('lastActive', now)
  }
  awareness.setLocalStateField('timeZone', ownTimeZone())
  touch()
  const events = ['pointerdown', 'keydown', 'wheel'] as const
  for (const e of events) window.addEventListener(e, touch, { passive: true })
  const remember = () => rememberPeers(boardId, editor.presence.get())
  remember()
  const unsubscribe = editor.presence.subscribe(remember)
  return () => {
    for (const e of events) window.removeEventListener(e, touch)
    unsubscribe()
  }
}
