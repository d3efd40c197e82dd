/** The server's HTTP API as the start page uses it. */
import { z } from 'zod'

const createdSchema = z.object({
  id: z.string(),
  tokens: z.object({ facilitator: z.string(), participant: z.string(), viewer: z.string() }),
  links: z.object({ facilitator: z.string(), participant: z.string(), viewer: z.string() }),
})
export type CreatedBoard = z.infer<typeof createdSchema>

export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

export interface CreateRequest {
  template?: string
  options?: Record<string, unknown>
}

export async function createBoard(
  title: string,
  request: CreateRequest = {},
): Promise<CreatedBoard> {
  const res = await fetch('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ ...(title ? { title } : {}), ...request }),
  })
  const body: unknown = await res.json().catch(() => null)
  if (!res.ok) {
    const message = (body as { error?: unknown } | null)?.error
    throw new ApiError(typeof message === 'string' ? message : res.statusText, res.status)
  }
  const parsed = createdSchema.safeParse(body)
  if (!parsed.success) throw new ApiError('unexpected response', res.status)
  return parsed.data
}
