import type { IncomingMessage, ServerResponse } from 'node:http'

/** A request the route refuses, with the status and message the client gets as JSON. */
export class HttpError extends Error {
  override name = 'HttpError'
  constructor(
    readonly status: number,
    message: string,
    /** For 429: when to try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-store',
  })
  res.end(text)
}

export const sendError = (res: ServerResponse, status: number, error: string): void =>
  sendJson(res, status, { error })

/** Silence within a body longer than this ends the request with 408 (see HTTP_BODY_IDLE_TIMEOUT_MS). */
export const DEFAULT_BODY_IDLE_MS = 10_000

/**
 * Reads and parses a JSON body of at most `limit` bytes; an empty body is `undefined`. A body
 * must be sent as `application/json` (415 otherwise: a form or `text/plain` post from another
 * page is no API call), and a client that stops sending it mid-way gets 408.
 */
export async function readJsonBody(
  req: IncomingMessage,
  limit: number,
  idleTimeoutMs = DEFAULT_BODY_IDLE_MS,
): Promise<unknown> {
  const declared = Number(req.headers['content-length'])
  const hasBody = declared > 0 || req.headers['transfer-encoding'] !== undefined
  if (hasBody && !isJson(req.headers['content-type']))
    throw new HttpError(415, 'the body must be sent as application/json')
  if (declared > limit) throw new HttpError(413, `request body is larger than ${limit} bytes`)
  const text = (await readBody(req, limit, idleTimeoutMs)).toString('utf8')
  if (text.trim() === '') return undefined
  try {
    return JSON.parse(text)
  } catch (err) {
    throw new HttpError(400, `body is not valid JSON: ${(err as Error).message}`)
  }
}

const isJson = (type: string | undefined) =>
  type?.split(';')[0]?.trim().toLowerCase() === 'application/json'

function readBody(req: IncomingMessage, limit: number, idleTimeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let timer: NodeJS.Timeout | null = null
    const finish = (err: Error | null) => {
      if (timer) clearTimeout(timer)
      req.off('data', onData).off('end', onEnd).off('error', onError)
      if (err) {
        req.pause() // Nothing more of it is read; the answer closes the connection.
        reject(err)
      } else resolve(Buffer.concat(chunks))
    }
    const idle = () => {
      if (timer) clearTimeout(timer)
      timer = setTimeout(
        () => finish(new HttpError(408, 'the request body stopped arriving')),
        idleTimeoutMs,
      )
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > limit)
        return finish(new HttpError(413, `request body is larger than ${limit} bytes`))
      chunks.push(chunk)
      idle()
    }
    const onEnd = () => finish(null)
    const onError = (err: Error) => finish(err)
    req.on('data', onData).on('end', onEnd).on('error', onError)
    idle()
  })
}
