/**
 * Text exports come from the server (GET /api/boards/<id>/export), which renders them with the
 * same shared renderers; the board's token goes in the Authorization header, not the URL.
 */
import type { ExportFormat } from '../../shared/export/index.ts'

export class ExportError extends Error {
  override name = 'ExportError'
}

export async function fetchTextExport(
  boardId: string,
  token: string,
  format: ExportFormat,
): Promise<{ blob: Blob; filename: string }> {
  const url = `/api/boards/${encodeURIComponent(boardId)}/export?format=${format}`
  const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } })
  if (!res.ok) {
    let message = `${res.status} ${res.statusText}`
    try {
      const body = (await res.json()) as { error?: unknown }
      if (typeof body.error === 'string') message = body.error
    } catch {
      // Not JSON: the status line says enough.
    }
    throw new ExportError(message)
  }
  return { blob: await res.blob(), filename: filenameOf(res, format) }
}

const EXTENSIONS: Record<ExportFormat, string> = {
  wikitext: 'wiki',
  markdown: 'md',
  json: 'json',
  csv: 'csv',
}

/** The server's file name from Content-Disposition, else a plain one. */
function filenameOf(res: Response, format: ExportFormat): string {
  const header = res.headers.get('Content-Disposition') ?? ''
  const star = /filename\*=UTF-8''([^;]+)/i.exec(header)
  if (star) {
    try {
      return decodeURIComponent(star[1]!)
    } catch {
      // Fall through to the plain name.
    }
  }
  const plain = /filename="?([^";]+)"?/i.exec(header)
  return plain?.[1] ?? `board.${EXTENSIONS[format]}`
}
