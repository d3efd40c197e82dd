/**
 * This device's catch-up on one board (scope: session, kept in localStorage so it survives
 * reloads): the last look, the changes since, and which one "next change" showed last.
 */
import type * as Y from 'yjs'
import { comments, connectors, items, LOCAL_ORIGIN } from '../../shared/doc/index.ts'
import { whenIdle } from '../lib/idle.ts'
import { readStored, writeStored } from '../lib/storage.ts'
import { Store } from '../lib/store.ts'
import type { BoardSession } from '../sync/session.ts'
import {
  absorb,
  changesSince,
  lastSeenSchema,
  resummarise,
  summarise,
  summariseInSlices,
  takeLook,
  type CatchUpChange,
  type LastSeen,
  type Summary,
} from './catchUp.ts'

export interface CatchUpState {
  /** When this device last marked the board seen; null until the first look is taken. */
  since: number | null
  changes: CatchUpChange[]
  /** Index into changes of the one last walked to, or -1. */
  current: number
}

const RECOMPUTE_MS = 150

export class CatchUpStore extends Store<CatchUpState> {
  private seen: LastSeen | null
  private readonly key: string
  private timer: ReturnType<typeof setTimeout> | null = null
  /** The board now, once first needed; brought up to date with the ids changed since. */
  private now: Summary | null = null
  private readonly dirty = new Set<string>()
  private cancelIdle: (() => void) | null = null
  /** Set while the first look at the board is being taken, slice by slice. */
  private cancelLook: (() => void) | null = null
  private readonly cleanup: (() => void)[] = []
  /** Set once the changes since the last look were shown; cleared when the page is hidden. */
  private live = false

  constructor(
    private readonly session: BoardSession,
    boardId: string,
  ) {
    super({ since: null, changes: [], current: -1 })
    this.key = `wb.seen.${boardId}`
    this.seen = readStored<LastSeen | null>(this.key, lastSeenSchema, null)
    const doc = session.doc
    const onChange = (changed: Set<string>, origin: unknown) => {
      if (this.now || this.cancelLook) for (const id of changed) this.dirty.add(id)
      // One's own edits are not news, nor are others' edits made while one is watching
      // (connected, synced and with the page in view): fold them into the look as they happen.
      // Catch-up is for what arrives after being away: on the first sync, or while hidden.
      if (this.seen && (origin === LOCAL_ORIGIN || this.watching())) {
        this.seen = absorb(this.seen, doc, changed)
        this.save()
      }
      this.schedule()
    }
    for (const coll of [items(doc), connectors(doc), comments(doc)])
      this.cleanup.push(coll.observe(onChange))
    // Looking at a big board takes a while: after the board is drawn, not before.
    const ready = () => {
      if (session.provider.synced) this.idle(this.settle)
    }
    session.provider.on('sync', ready)
    this.cleanup.push(() => session.provider.off('sync', ready))
    // Away from the page or the server: what arrives meanwhile is news again on return.
    const away = () => {
      if (document.visibilityState === 'hidden') this.live = false
      else this.idle(this.settle)
    }
    const disconnected = ({ status }: { status: string }) => {
      if (status !== 'connected') this.live = false
    }
    document.addEventListener('visibilitychange', away)
    session.provider.on('status', disconnected)
    this.cleanup.push(() => {
      document.removeEventListener('visibilitychange', away)
      session.provider.off('status', disconnected)
    })
    ready()
    if (this.seen) this.idle(this.settle)
  }

  /** Whether changes arriving now are seen as they happen (the board is live and in view). */
  private watching(): boolean {
    return this.live && this.session.provider.synced && document.visibilityState === 'visible'
  }

  private readonly settle = (): void => {
    if (!this.now) return this.lookInSlices()
    if (this.seen) {
      this.recompute()
      // From the first settled look after a sync on, what arrives is watched live.
      if (this.session.provider.synced) this.live = true
    }
    // The first visit: everything there once synced is the starting point, nothing is news.
    else if (this.session.provider.synced) this.markAllSeen()
  }

  /** Takes the first look at the board in idle slices, then settles. */
  private lookInSlices(): void {
    if (this.cancelLook) return
    this.dirty.clear()
    this.cancelLook = summariseInSlices(this.doc, (summary) => {
      this.cancelLook = null
      // Unless a look was needed at once meanwhile (and taken whole).
      this.now ??= summary
      this.settle()
    })
  }

  private idle(fn: () => void): void {
    this.cancelIdle?.()
    this.cancelIdle = whenIdle(() => {
      this.cancelIdle = null
      fn()
    })
  }

  private current(): Summary {
    if (!this.now) this.now = summarise(this.doc)
    else if (this.dirty.size > 0) resummarise(this.now, this.doc, this.dirty)
    this.dirty.clear()
    return this.now
  }

  private get doc(): Y.Doc {
    return this.session.doc
  }

  markAllSeen(): void {
    this.seen = takeLook(this.doc, Date.now(), this.current())
    this.save()
    this.recompute()
  }

  /** The next change after the current one (wrapping), or null when there is none. */
  next(step = 1): CatchUpChange | null {
    const { changes, current } = this.get()
    if (changes.length === 0) return null
    const index = (((current + step) % changes.length) + changes.length) % changes.length
    this.set({ current: index })
    return changes[index]!
  }

  private save(): void {
    if (this.seen) writeStored(this.key, this.seen)
  }

  private schedule(): void {
    this.timer ??= setTimeout(() => {
      this.timer = null
      this.idle(this.settle)
    }, RECOMPUTE_MS)
  }

  private recompute(): void {
    if (!this.seen) return
    const changes = changesSince(this.seen, this.current())
    const prev = this.get()
    const currentId = prev.changes[prev.current]?.id
    const current = currentId ? changes.findIndex((c) => c.id === currentId) : -1
    this.set({ since: this.seen.at, changes, current })
  }

  destroy(): void {
    if (this.timer) clearTimeout(this.timer)
    this.cancelIdle?.()
    this.cancelLook?.()
    for (const fn of this.cleanup) fn()
  }
}
