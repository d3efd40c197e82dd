/**
 * Pictures of a board (photos of paper posters) live in the board store (see
 * persistence/store.ts `ImageStore`), so that every server process on it serves them. Servers
 * before that kept them as files under `DATA_DIR/images/<boardId>/<hash>`: those are still
 * found, and moved into the store the first time they are asked for.
 */
import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { ImageStore } from '../persistence/store.ts'
import { hashImage, IMAGE_HASH } from './hash.ts'

export type { ImageStore }
export { hashImage, IMAGE_HASH }

/** Board ids come from verified tokens; still, only safe characters reach a path. */
const safeDir = (boardId: string) => /^[A-Za-z0-9_-]{1,64}$/.test(boardId)

/** The store's pictures, then the files an older server left in `dir`, copied in when found. */
export class WithLegacyFiles implements ImageStore {
  constructor(
    private readonly store: ImageStore,
    private readonly dir: string,
  ) {}

  put(boardId: string, bytes: Uint8Array): Promise<string> {
    return this.store.put(boardId, bytes)
  }

  async get(boardId: string, hash: string): Promise<Uint8Array | null> {
    if (!IMAGE_HASH.test(hash)) return null
    const stored = await this.store.get(boardId, hash)
    if (stored || !safeDir(boardId)) return stored
    let bytes: Uint8Array
    try {
      bytes = new Uint8Array(await readFile(join(this.dir, boardId, hash)))
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw err
    }
    // A file whose bytes are not its name is not the picture asked for.
    if (hashImage(bytes) !== hash) return null
    await this.store.put(boardId, bytes)
    return bytes
  }
}
