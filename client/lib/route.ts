import { boardIdFromPath, boardPath } from '../../shared/protocol/paths.ts'

/** The app's two pages, read from the path; no router library needed for two routes. */
export type Route = { page: 'start' } | { page: 'board'; boardId: string } | { page: 'missing' }

export function parseRoute(pathname: string): Route {
  if (pathname === '/' || pathname === '') return { page: 'start' }
  const boardId = boardIdFromPath(pathname)
  return boardId ? { page: 'board', boardId } : { page: 'missing' }
}

/** Reads `#token=...` from a fragment; the fragment never reaches the server in a request. */
export function tokenFromHash(hash: string): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''))
  const token = params.get('token')
  return token && token.length <= 512 ? token : null
}

export { boardPath }

const listeners = new Set<() => void>()

export function navigate(to: string): void {
  history.pushState(null, '', to)
  for (const l of listeners) l()
}

export function subscribeLocation(onChange: () => void): () => void {
  listeners.add(onChange)
  window.addEventListener('popstate', onChange)
  return () => {
    listeners.delete(onChange)
    window.removeEventListener('popstate', onChange)
  }
}
