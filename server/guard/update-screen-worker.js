// Reads the size of a Yjs update off the main thread (see update-screen.ts): a crafted update of
// a few megabytes takes Yjs hundreds of milliseconds to decode, which must not stall every board.
// Plain JavaScript, so that it runs the same under tsx, vitest and node.
import { parentPort } from 'node:worker_threads'
import * as Y from 'yjs'

parentPort.on('message', (/** @type {{ id: number, update: Uint8Array }} */ { id, update }) => {
  try {
    const { structs, ds } = Y.decodeUpdate(update)
    let deleteRanges = 0
    ds.clients.forEach((ranges) => (deleteRanges += ranges.length))
    parentPort.postMessage({ id, structs: structs.length, deleteRanges })
  } catch (err) {
    parentPort.postMessage({ id, error: String(err instanceof Error ? err.message : err) })
  }
})
