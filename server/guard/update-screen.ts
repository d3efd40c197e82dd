/**
 * Large updates are sized off the main thread before anyone decodes them here. Decoding is the
 * one part of judging an update that Yjs does in a single uninterruptible step: a crafted update
 * of a few megabytes (hundreds of thousands of tiny items) holds the event loop for hundreds of
 * milliseconds, and every board on the process with it. A worker counts its items and deletions;
 * only updates within UPDATE_LIMITS reach the room, whose own decode, check and apply are then
 * bounded. Small frames cannot hold many items and are not sent to the worker.
 */
import { Worker } from 'node:worker_threads'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'
import {
  CLOSE_CONTENT_TOO_LARGE,
  CLOSE_MALFORMED,
  MESSAGE_SYNC,
} from '../../shared/protocol/messages.ts'
import { UPDATE_LIMITS, updateTooLarge } from './policy.ts'

/**
 * Updates from this size on are sized by the worker. Below it an update holds at most a few
 * thousand items (each takes at least a few bytes), which the main thread decodes in a few ms.
 */
export const SCREEN_FROM_BYTES = 32 * 1024

export type Refusal = { code: number; reason: string }

type Answer = { id: number; structs: number; deleteRanges: number } | { id: number; error: string }

export class UpdateScreen {
  private worker: Worker | null = null
  private nextId = 0
  private readonly waiting = new Map<number, (answer: Refusal | null) => void>()

  /** Started now: a worker takes a few hundred ms to start, which the first large update would wait. */
  constructor() {
    this.started()
  }

  /**
   * The verdict on a frame's update, or null (synchronously) when the frame needs no screening:
   * anything but a sync update, or one too small to be costly.
   */
  screen(frame: Uint8Array): Promise<Refusal | null> | null {
    const update = largeUpdateOf(frame)
    if (!update) return null
    const id = this.nextId++
    return new Promise((resolve) => {
      this.waiting.set(id, resolve)
      this.started().postMessage({ id, update })
    })
  }

  /** Stops the worker; frames still being screened are refused. */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = null
    this.refuseWaiting('the server is shutting down')
    await worker?.terminate()
  }

  private started(): Worker {
    if (this.worker) return this.worker
    const worker = new Worker(new URL('./update-screen-worker.js', import.meta.url), {
      // An update that makes Yjs allocate without end kills the worker, not the server.
      resourceLimits: { maxOldGenerationSizeMb: 512 },
    })
    worker.unref()
    worker.on('message', (answer: Answer) => {
      const resolve = this.waiting.get(answer.id)
      this.waiting.delete(answer.id)
      resolve?.(verdictOf(answer))
    })
    const lost = (why: string) => {
      if (this.worker !== worker) return
      this.worker = null
      this.refuseWaiting(`malformed update: ${why}`)
    }
    worker.on('error', (err) => lost(err.message))
    worker.on('exit', (code) => lost(`could not be read (worker exit ${code})`))
    this.worker = worker
    return worker
  }

  private refuseWaiting(reason: string): void {
    for (const resolve of this.waiting.values()) resolve({ code: CLOSE_MALFORMED, reason })
    this.waiting.clear()
  }
}

function verdictOf(answer: Answer): Refusal | null {
  if ('error' in answer)
    return { code: CLOSE_MALFORMED, reason: `malformed update: ${answer.error}` }
  const { structs, deleteRanges } = answer
  if (structs > UPDATE_LIMITS.structs || deleteRanges > UPDATE_LIMITS.deleteRanges)
    return { code: CLOSE_CONTENT_TOO_LARGE, reason: updateTooLarge(structs, deleteRanges) }
  return null
}

/** The update a sync step 2 or update frame carries, when it is large enough to screen. */
function largeUpdateOf(frame: Uint8Array): Uint8Array | null {
  if (frame.length < SCREEN_FROM_BYTES || frame[0] !== MESSAGE_SYNC) return null
  try {
    const decoder = decoding.createDecoder(frame)
    decoding.readVarUint(decoder)
    const step = decoding.readVarUint(decoder)
    if (step !== syncProtocol.messageYjsSyncStep2 && step !== syncProtocol.messageYjsUpdate)
      return null
    return decoding.readVarUint8Array(decoder)
  } catch {
    // Not even a frame: the room's own reading refuses it, cheaply.
    return null
  }
}
