/** Hand-crafted updates against a test server's live board, as a client outside our app makes. */
import * as Y from 'yjs'
import type { TestServer } from './server.ts'

export function forger(server: () => TestServer, boardId: () => string) {
  /** The server's document of the board (loaded while someone stays connected). */
  const serverDoc = async (): Promise<Y.Doc> => {
    const room = await server().rooms.loaded(boardId())
    if (!room) throw new Error('board not loaded')
    return room.doc
  }
  /** An update made on a copy of the server's state. */
  const forge = async (edit: (doc: Y.Doc) => void): Promise<Uint8Array> => {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(await serverDoc()))
    const before = Y.encodeStateVector(copy)
    edit(copy)
    return Y.encodeStateAsUpdate(copy, before)
  }
  return { serverDoc, forge }
}
