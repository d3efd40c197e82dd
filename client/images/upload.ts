/** Pictures to and from the server: uploaded once by their bytes, then named by their hash. */
import type { ImageRecord } from '../../shared/schema/index.ts'

export interface UploadedImage {
  hash: string
  mime: ImageRecord['mime']
  width: number
  height: number
}

export const IMAGE_TYPES = ['image/png', 'image/jpeg', 'image/webp'] as const

/** Uploads a picture to the board; a refusal (too large, not a picture) throws its reason. */
export async function uploadImage(
  boardId: string,
  token: string,
  file: Blob,
): Promise<UploadedImage> {
  const res = await fetch(`/api/boards/${encodeURIComponent(boardId)}/images`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': file.type || 'application/octet-stream',
    },
    body: file,
  })
  const body = (await res.json().catch(() => null)) as (UploadedImage & { error?: string }) | null
  if (!res.ok || !body) throw new Error(body?.error ?? `HTTP ${res.status}`)
  return body
}

/** Where the canvas loads a picture from (an <img> cannot send the token as a header). */
export const imageUrl = (boardId: string, token: string, hash: string): string =>
  `/api/boards/${encodeURIComponent(boardId)}/images/${hash}?token=${encodeURIComponent(token)}`
