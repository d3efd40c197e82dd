/**
 * A board link opens its session as the app starts, before React renders the page: the socket
 * connects and the board streams in while the page is being built, instead of after it. The board
 * page takes what was opened here (once); anything it does not take is closed.
 */
import { BoardSession, type SessionOptions } from '../sync/session.ts'
import { resolveAccess, type BoardAccess } from './openBoard.ts'

interface Early {
  boardId: string
  access: BoardAccess | null
  session: BoardSession | null
}

let early: Early | null = null

export function openEarly(boardId: string): void {
  const access = resolveAccess(boardId)
  const session = access ? new BoardSession(sessionOptions(boardId, access)) : null
  early = { boardId, access, session }
}

/** How the board page reaches this board: worked out at start (the first time) or now. */
export function takeAccess(boardId: string): BoardAccess | null {
  const found = early?.boardId === boardId ? early.access : undefined
  if (early) early.access = null
  return found ?? resolveAccess(boardId)
}

/** The session opened at start when it is the one asked for, else a new one. */
export function takeSession(options: SessionOptions): BoardSession {
  const session = early?.session ?? null
  early = null
  if (session && sameOptions(session.options, options)) return session
  session?.destroy()
  return new BoardSession(options)
}

export const sessionOptions = (boardId: string, access: BoardAccess): SessionOptions => ({
  boardId,
  token: access.token,
  readOnly: access.role === 'viewer',
})

const sameOptions = (a: SessionOptions, b: SessionOptions) =>
  a.boardId === b.boardId && a.token === b.token && a.readOnly === b.readOnly
