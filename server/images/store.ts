/**
 * Pictures of a board (photos of paper posters), stored beside it and named by the SHA-256 of
 * their bytes: the same photo dropped twice is stored once, and a name never changes meaning,
 * so versions and restores that refer to it keep working. They never enter the Yjs updates.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'

export interface ImageStore {
  /** Stores the bytes (once) and resolves with their hash. */
  put(boardId: string, bytes: Uint8Array): Promise<string>
  /** The stored bytes, or null when this board has no picture of that hash. */
  get(boardId: string, hash: string): Promise<Uint8Array | null>
}

export const hashImage = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex')

/** A lowercase hex SHA-256: the only names a request may ask for. */
export const IMAGE_HASH = /^[0-9a-f]{64}$/

/** Board ids come from verified tokens; still, only safe characters reach a path. */
const safeDir = (boardId: string) => {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(boardId)) throw new Error(`unsafe board id: ${boardId}`)
  return boardId
}

/** Files under `<dir>/<boardId>/<hash>`, written whole (temporary file, then renamed). */
export class FileImageStore implements ImageStore {
  constructor(private readonly dir: string) {}

  async put(boardId: string, bytes: Uint8Array): Promise<string> {
    const hash = hashImage(bytes)
    const folder = join(this.dir, safeDir(boardId))
    await mkdir(folder, { recursive: true })
    const path = join(folder, hash)
    const temp = `${path}.${process.pid}.${Date.now()}.tmp`
    await writeFile(temp, bytes)
    await rename(temp, path)
    return hash
  }

  async get(boardId: string, hash: string): Promise<Uint8Array | null> {
    if (!IMAGE_HASH.test(hash)) return null
    try {
      return await readFile(join(this.dir, safeDir(boardId), hash))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
  }
}

export class MemoryImageStore implements ImageStore {
  private readonly images = new Map<string, Uint8Array>()

  async put(boardId: string, bytes: Uint8Array): Promise<string> {
    const hash = hashImage(bytes)
    this.images.set(`${boardId}/${hash}`, bytes.slice())
    return hash
  }

  async get(boardId: string, hash: string): Promise<Uint8Array | null> {
    return this.images.get(`${boardId}/${hash}`) ?? null
  }
}
