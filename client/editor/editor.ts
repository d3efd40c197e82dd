/**
 * The editor ties one open board together for the UI: document records (ItemsStore), view state,
 * presence and the session. Tools and actions work through it; it knows neither of them.
 */
import type * as Y from 'yjs'
import { LOCAL_ORIGIN, updateItems, type ItemPatch } from '../../shared/doc/index.ts'
import type { Role } from '../../shared/protocol/messages.ts'
import { tags as tagsCollection } from '../../shared/doc/index.ts'
import type { ConnectorRecord, Item, TagRecord } from '../../shared/schema/index.ts'
import {
  boardToScreen,
  clampScale,
  screenToBoard,
  visibleRect,
  type Camera,
  type Point,
} from '../canvas/viewport.ts'
import { Store } from '../lib/store.ts'
import { PresenceStore } from '../sync/presence.ts'
import type { BoardSession } from '../sync/session.ts'
import { ConnectorIndex } from './connectorIndex.ts'
import { ConnectorsStore } from './connectorsStore.ts'
import { ItemsStore } from './itemsStore.ts'
import { RecordStore } from './recordStore.ts'
import { initialViewState, type ToolId, type ViewState } from './viewState.ts'

export interface EditorUser {
  id: string
  name: string
  color: string
  role: Role
}

/** Something a user can do; see client/actions/. */
export interface Action<A = void> {
  id: string
  /** Whether it changes the document (refused on read-only boards). */
  mutates: boolean
  enabled?: (editor: Editor) => boolean
  perform: (editor: Editor, arg: A) => void
}

export class Editor {
  readonly items: ItemsStore
  readonly connectors: ConnectorsStore
  /** Where connectors are, for hit tests without hit regions (far zoom). */
  readonly connectorIndex: ConnectorIndex
  readonly tags: RecordStore<TagRecord>
  readonly view = new Store<ViewState>(initialViewState())
  readonly presence: PresenceStore
  /** This person's private room during private writing (see attachPrivate). */
  privateDoc: Y.Doc | null = null
  /** Set while a past version is shown in the board's place: nothing may edit the board. */
  paused = false

  constructor(
    readonly session: BoardSession,
    readonly user: EditorUser,
  ) {
    this.items = new ItemsStore(session.doc)
    this.connectors = new ConnectorsStore(session.doc)
    this.connectorIndex = new ConnectorIndex(this.connectors, this.items)
    this.tags = new RecordStore(tagsCollection(session.doc), (a, b) => a.name.localeCompare(b.name))
    this.presence = new PresenceStore(session.awareness, user)
    // Drop selected ids that someone else deleted, and stop editing one.
    const dropGone = (changed: Set<string>) => {
      const sel = this.view.get().selection
      if ([...changed].some((id) => sel.has(id) && !this.exists(id))) {
        this.select([...sel].filter((id) => this.exists(id)))
      }
      const editing = this.view.get().editing
      if (editing && !this.exists(editing.id)) this.view.set({ editing: null })
    }
    this.connectors.subscribe(dropGone)
    this.items.subscribe(dropGone)
  }

  get doc() {
    return this.session.doc
  }

  /**
   * During private writing: the private room's post-its are drawn on the canvas with the board's
   * and edited like them, their changes going to `doc` (see docFor). Undone by the result.
   */
  attachPrivate(doc: Y.Doc): () => void {
    this.privateDoc = doc
    const detach = this.items.attachPrivate(doc)
    return () => {
      detach()
      if (this.privateDoc === doc) this.privateDoc = null
    }
  }

  /** The document an item lives in: the private room's for a private post-it, else the board. */
  docFor(id: string): Y.Doc {
    return this.privateDoc && this.items.isPrivate(id) ? this.privateDoc : this.doc
  }

  /**
   * Applies the patches of private post-its to the private room and takes them out of `patches`,
   * leaving the board's for the caller.
   */
  patchPrivate(patches: Map<string, ItemPatch>): void {
    const doc = this.privateDoc
    if (!doc) return
    const mine = new Map<string, ItemPatch>()
    for (const [id, patch] of patches) if (this.items.isPrivate(id)) mine.set(id, patch)
    if (mine.size === 0) return
    for (const id of mine.keys()) patches.delete(id)
    updateItems(doc, mine, LOCAL_ORIGIN)
  }

  get readOnly(): boolean {
    const s = this.session.status.get()
    return this.paused || s.readOnly || s.newerSchema || s.connection === 'invalid'
  }

  /** Runs an action if it may run now; document changes are one undoable local transaction. */
  run<A>(action: Action<A>, arg: A): boolean {
    if (action.mutates && this.readOnly) return false
    if (action.enabled && !action.enabled(this)) return false
    if (action.mutates) this.doc.transact(() => action.perform(this, arg), LOCAL_ORIGIN)
    else action.perform(this, arg)
    return true
  }

  selectedItems(): Item[] {
    const out: Item[] = []
    for (const id of this.view.get().selection) {
      const item = this.items.get(id)
      if (item) out.push(item)
    }
    return out
  }

  /** Whether an id names an item or a connector on the board. */
  exists = (id: string): boolean => Boolean(this.items.get(id) ?? this.connectors.get(id))

  selectedConnectors(): ConnectorRecord[] {
    const out: ConnectorRecord[] = []
    for (const id of this.view.get().selection) {
      const c = this.connectors.get(id)
      if (c) out.push(c)
    }
    return out
  }

  select(ids: Iterable<string>): void {
    // Locked items stay where the facilitator put them: others cannot pick them up at all.
    const mayPick = (id: string) =>
      this.user.role === 'facilitator' || this.items.get(id)?.locked !== true
    const selection = new Set([...ids].filter(mayPick))
    this.view.set({ selection })
    this.presence.setSelection([...selection])
  }

  setTool(tool: ToolId): void {
    this.view.set({ tool, marquee: null, draft: null, drag: null, connectorDraft: null })
  }

  setCamera(camera: Camera): void {
    this.view.set({ camera: { ...camera, scale: clampScale(camera.scale) } })
  }

  toBoard = (screen: Point): Point => screenToBoard(this.view.get().camera, screen)
  toScreen = (board: Point): Point => boardToScreen(this.view.get().camera, board)

  /** Where a keyboard-created thing should go: at the pointer, else the middle of the view. */
  placementPoint(): Point {
    const { pointer, camera, size } = this.view.get()
    if (pointer) return pointer
    const r = visibleRect(camera, size)
    return { x: r.x + r.w / 2, y: r.y + r.h / 2 }
  }

  destroy(): void {
    this.items.destroy()
    this.connectorIndex.destroy()
    this.connectors.destroy()
    this.tags.destroy()
    this.presence.destroy()
  }
}
