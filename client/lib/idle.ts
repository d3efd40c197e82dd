/**
 * Runs `fn` when the browser has a moment (or after `timeoutMs` at the latest), for work that
 * must not hold up drawing the board. Returns a function that cancels it.
 */
export function whenIdle(fn: (deadline?: IdleDeadline) => void, timeoutMs = 2000): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback((deadline) => fn(deadline), { timeout: timeoutMs })
    return () => cancelIdleCallback(handle)
  }
  const handle = setTimeout(() => fn(), 0)
  return () => clearTimeout(handle)
}
