/** Pictures are named by the SHA-256 of their bytes, in lowercase hex. */
import { createHash } from 'node:crypto'

export const hashImage = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex')

/** A lowercase hex SHA-256: the only names a request may ask for. */
export const IMAGE_HASH = /^[0-9a-f]{64}$/
