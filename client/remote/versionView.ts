/**
 * A past version shown in the board's place, read-only: its Yjs update is loaded into a separate
 * Y.Doc (no provider, no local copy, so nothing reaches the server) and drawn by the canvas
 * through an editor of its own that refuses every change and has only the hand tool. While it is
 * open the live editor is paused, so no shortcut or panel edits the board either.
 */
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { diffVersions, type DiffEntry, type DiffStatus } from '../../shared/history/restore.ts'
import type { VersionInfo } from '../../shared/history/types.ts'
import { Editor } from '../editor/editor.ts'
import { Store, useStore } from '../lib/store.ts'
import type { SessionStatus } from '../sync/connection.ts'
import type { BoardSession } from '../sync/session.ts'
import { HandTool } from '../tools/hand/HandTool.ts'
import type { Tools } from '../tools/index.ts'

export interface OpenVersion {
  version: VersionInfo
  /** Draws the past document; read-only. */
  editor: Editor
  tools: Tools
  /** What differs from now, relative to the version. */
  diff: DiffEntry[]
  /** Records of the version that are gone or changed now, for marks on the canvas. */
  marks: Map<string, DiffStatus>
  /** Brings the board back to this version (facilitators), or null. */
  restore: (() => void) | null
}

type State = { open: OpenVersion | null }
const stores = new WeakMap<Editor, Store<State>>()

const storeOf = (live: Editor): Store<State> => {
  let store = stores.get(live)
  if (!store) {
    store = new Store<State>({ open: null })
    stores.set(live, store)
  }
  return store
}

export const useOpenVersion = (live: Editor): OpenVersion | null =>
  useStore(storeOf(live), (s) => s.open)

export const openVersionOf = (live: Editor): OpenVersion | null => storeOf(live).get().open

/** Loads `update` into its own document and shows it instead of the board. */
export function showVersion(
  live: Editor,
  version: VersionInfo,
  update: Uint8Array,
  restore: ((v: VersionInfo) => void) | null,
): OpenVersion {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  const status = new Store<SessionStatus>({
    connection: 'online',
    readOnly: true,
    loaded: true,
    newerSchema: false,
  })
  const session = { doc, awareness: new Awareness(doc), status } as unknown as BoardSession
  const editor = new Editor(session, { ...live.user, role: 'viewer' })
  editor.paused = true
  const hand = new HandTool(editor)
  const tools: Tools = { select: hand, hand, note: hand, frame: hand, connector: hand }
  editor.setTool('hand')
  // Start where the board is looked at now, so the two are easy to compare.
  const { camera, size } = live.view.get()
  editor.view.set({ camera, size })
  const diff = diffVersions(doc, live.doc)
  const marks = new Map<string, DiffStatus>()
  for (const d of diff) if (d.then) marks.set(d.id, d.status)
  const open: OpenVersion = {
    version,
    editor,
    tools,
    diff,
    marks,
    restore: restore && (() => restore(version)),
  }
  closeVersion(live)
  live.paused = true
  live.view.set({ editing: null, drag: null, draft: null, connectorDraft: null, marquee: null })
  storeOf(live).set({ open })
  return open
}

/** Back to now: the board is drawn and editable again. */
export function closeVersion(live: Editor): void {
  const store = storeOf(live)
  const open = store.get().open
  if (!open) return
  store.set({ open: null })
  live.paused = false
  const { doc } = open.editor
  const { awareness } = open.editor.session
  open.editor.destroy()
  awareness.destroy()
  doc.destroy()
}
