/**
 * Works out which token a board page uses: the one in the link's fragment (then remembered for
 * this board on this device, and removed from the address bar so it does not show on a projector),
 * or the one remembered from before.
 */
import type { Role } from '../../shared/protocol/messages.ts'
import { findRecentBoard, rememberBoard } from '../lib/recentBoards.ts'
import { roleHintFromToken } from '../lib/role.ts'
import { tokenFromHash } from '../lib/route.ts'

export interface BoardAccess {
  token: string
  role: Role
}

export function resolveAccess(boardId: string): BoardAccess | null {
  const fromLink = tokenFromHash(location.hash)
  const known = findRecentBoard(boardId)
  if (fromLink) {
    const role =
      roleHintFromToken(fromLink) ?? (known?.token === fromLink ? known.role : 'participant')
    rememberBoard({ id: boardId, token: fromLink, role })
    history.replaceState(history.state, '', location.pathname + location.search)
    return { token: fromLink, role }
  }
  if (!known) return null
  rememberBoard({ id: boardId, token: known.token, role: known.role })
  return { token: known.token, role: known.role }
}
