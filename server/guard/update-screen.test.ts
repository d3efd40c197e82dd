import * as encoding from 'lib0/encoding'
import { afterAll, describe, expect, it } from 'vitest'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import {
  CLOSE_CONTENT_TOO_LARGE,
  CLOSE_MALFORMED,
  MESSAGE_AWARENESS,
  MESSAGE_SYNC,
} from '../../shared/protocol/messages.ts'
import { UPDATE_LIMITS } from './policy.ts'
import { SCREEN_FROM_BYTES, UpdateScreen } from './update-screen.ts'

const screen = new UpdateScreen()
afterAll(() => screen.close())

function frame(step: number, update: Uint8Array): Uint8Array {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, MESSAGE_SYNC)
  encoding.writeVarUint(e, step)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** An update of `n` items that do not merge (each prepended), padded to at least `bytes`. */
function itemsUpdate(n: number, bytes = 0): Uint8Array {
  const doc = new Y.Doc()
  const list = doc.getArray<string>('list')
  const pad = 'p'.repeat(Math.ceil(bytes / Math.max(n, 1)))
  doc.transact(() => {
    for (let i = 0; i < n; i++) list.insert(0, [pad])
  })
  return Y.encodeStateAsUpdate(doc)
}

describe('UpdateScreen', () => {
  it('leaves small frames and frames that carry no update to the room, without waiting', () => {
    expect(screen.screen(frame(syncProtocol.messageYjsUpdate, itemsUpdate(10)))).toBeNull()
    const big = itemsUpdate(1, SCREEN_FROM_BYTES * 2)
    expect(screen.screen(frame(syncProtocol.messageYjsSyncStep1, big))).toBeNull()
    const presence = new Uint8Array(SCREEN_FROM_BYTES * 2)
    presence[0] = MESSAGE_AWARENESS
    expect(screen.screen(presence)).toBeNull()
  })

  it('passes a large update within the limits, as a sync answer or as an update', async () => {
    const update = itemsUpdate(UPDATE_LIMITS.structs, SCREEN_FROM_BYTES * 2)
    await expect(screen.screen(frame(syncProtocol.messageYjsUpdate, update))).resolves.toBeNull()
    await expect(screen.screen(frame(syncProtocol.messageYjsSyncStep2, update))).resolves.toBeNull()
  })

  it('refuses an update with more items than one edit makes with 4413', async () => {
    const verdict = await screen.screen(
      frame(syncProtocol.messageYjsUpdate, itemsUpdate(UPDATE_LIMITS.structs + 1)),
    )
    expect(verdict?.code).toBe(CLOSE_CONTENT_TOO_LARGE)
    expect(verdict?.reason).toMatch(/10001 items and 0 deletions is more than one edit/)
  })

  it('refuses bytes that are no update with 4400', async () => {
    const garbage = new Uint8Array(SCREEN_FROM_BYTES * 4).map((_, i) => (i * 31) % 256)
    const verdict = await screen.screen(frame(syncProtocol.messageYjsUpdate, garbage))
    expect(verdict?.code).toBe(CLOSE_MALFORMED)
    expect(verdict?.reason).toMatch(/^malformed update/)
  })

  it('answers every frame it was given, in any number at once', async () => {
    const update = frame(syncProtocol.messageYjsUpdate, itemsUpdate(200, SCREEN_FROM_BYTES))
    const over = frame(syncProtocol.messageYjsUpdate, itemsUpdate(UPDATE_LIMITS.structs + 5))
    const verdicts = await Promise.all(
      Array.from({ length: 20 }, (_, i) => screen.screen(i % 2 ? over : update)),
    )
    expect(verdicts.map((v) => v?.code ?? 'ok')).toEqual(
      Array.from({ length: 20 }, (_, i) => (i % 2 ? CLOSE_CONTENT_TOO_LARGE : 'ok')),
    )
  })

  it('starts again after being closed', async () => {
    const other = new UpdateScreen()
    const update = frame(syncProtocol.messageYjsUpdate, itemsUpdate(5, SCREEN_FROM_BYTES))
    await expect(other.screen(update)).resolves.toBeNull()
    await other.close()
    await expect(other.screen(update)).resolves.toBeNull()
    await other.close()
  })
})
