/** The board page's address, read by the client's router and by the server (to warm the board). */
const BOARD_PATH = /^\/b\/([A-Za-z0-9_-]{1,64})\/?$/

/** The board id of a board page's path, or null for any other path. */
export function boardIdFromPath(pathname: string): string | null {
  return BOARD_PATH.exec(pathname)?.[1] ?? null
}

export const boardPath = (boardId: string) => `/b/${encodeURIComponent(boardId)}`
