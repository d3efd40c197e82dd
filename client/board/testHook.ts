/**
 * A read-only summary of the open board on `window.__board`, for end-to-end tests and for
 * debugging in the console. It exposes nothing the page does not already show.
 */
import { readMeta } from '../../shared/doc/index.ts'
import type { Editor } from '../editor/editor.ts'

export interface BoardSummary {
  title: string
  role: string
  readOnly: boolean
  connection: string
  pendingSaves: number
  peers: string[]
  /** Board-to-screen transform of the canvas: screen = board * scale + (x, y). */
  camera: { x: number; y: number; scale: number }
  items: {
    id: string
    kind: string
    text: string
    x: number
    y: number
    parentId: string | null
    color: string | null
    /** A private post-it of this person's, drawn during private writing (theirs only). */
    private: boolean
  }[]
}

declare global {
  interface Window {
    __board?: { summary: () => BoardSummary }
  }
}

export function installTestHook(editor: Editor): () => void {
  window.__board = {
    summary: () => ({
      title: readMeta(editor.doc).title,
      role: editor.user.role,
      readOnly: editor.readOnly,
      connection: editor.session.status.get().connection,
      pendingSaves: editor.session.saves.count(),
      peers: editor.presence.get().map((p) => p.user.name),
      camera: { ...editor.view.get().camera },
      items: editor.items.all().map((i) => ({
        id: i.id,
        kind: i.kind,
        text: i.kind === 'frame' ? i.title : i.kind === 'image' ? i.alt : i.text,
        x: i.x,
        y: i.y,
        parentId: i.parentId,
        color: i.kind === 'note' || i.kind === 'frame' ? i.color : null,
        private: editor.items.isPrivate(i.id),
      })),
    }),
  }
  return () => {
    delete window.__board
  }
}
