/**
 * Retries an assertion until it passes or `timeoutMs` runs out, then throws its last error.
 * Polls instead of sleeping, so tests are as fast as the system and fail with a real message.
 */
export async function eventually<T>(
  fn: () => T | Promise<T>,
  timeoutMs = 5000,
  intervalMs = 10,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    try {
      return await fn()
    } catch (err) {
      if (Date.now() > deadline) throw err
      await new Promise((resolve) => setTimeout(resolve, intervalMs))
    }
  }
}
