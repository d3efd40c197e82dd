import type { Role } from '../../shared/protocol/messages.ts'

export interface CreatedBoard {
  id: string
  tokens: Record<Role, string>
  links: Record<Role, string>
}

export interface JsonResponse<T = unknown> {
  status: number
  headers: Headers
  body: T
}

/** POSTs `body` (an object is sent as JSON, a string as is) and parses the JSON answer. */
export async function postJson<T = unknown>(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : null) as T }
}

/** Creates a board through the API and fails loudly when the server refuses. */
export async function createBoard(
  baseUrl: string,
  body: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<CreatedBoard> {
  const res = await postJson<CreatedBoard>(`${baseUrl}/api/boards`, body, headers)
  if (res.status !== 201)
    throw new Error(`creating a board: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
