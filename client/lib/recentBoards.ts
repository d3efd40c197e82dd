/** Boards this device has opened, with the token it opened them with (scope: session/device). */
import { z } from 'zod'
import type { Role } from '../../shared/protocol/messages.ts'
import { readStored, writeStored } from './storage.ts'

const KEY = 'wb.boards'
const MAX = 50

const entrySchema = z.object({
  id: z.string(),
  title: z.string(),
  role: z.enum(['facilitator', 'participant', 'viewer']),
  token: z.string(),
  lastOpened: z.number(),
})
export type RecentBoard = z.infer<typeof entrySchema>

export function listRecentBoards(): RecentBoard[] {
  return readStored(KEY, z.array(entrySchema), []).sort((a, b) => b.lastOpened - a.lastOpened)
}

export function findRecentBoard(id: string): RecentBoard | undefined {
  return listRecentBoards().find((b) => b.id === id)
}

export function rememberBoard(entry: {
  id: string
  token: string
  role: Role
  title?: string
}): RecentBoard {
  const others = listRecentBoards().filter((b) => b.id !== entry.id)
  const previous = findRecentBoard(entry.id)
  const next: RecentBoard = {
    id: entry.id,
    token: entry.token,
    role: entry.role,
    title: entry.title ?? previous?.title ?? '',
    lastOpened: Date.now(),
  }
  writeStored(KEY, [next, ...others].slice(0, MAX))
  return next
}

export function updateRecentTitle(id: string, title: string): void {
  const list = listRecentBoards()
  const entry = list.find((b) => b.id === id)
  if (!entry || entry.title === title) return
  entry.title = title
  writeStored(KEY, list)
}

export function forgetBoard(id: string): void {
  writeStored(
    KEY,
    listRecentBoards().filter((b) => b.id !== id),
  )
}
