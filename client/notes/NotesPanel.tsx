/** The structured notes beside the canvas: session setup, the five sections, scribe notes. */
import type { Editor } from '../editor/editor.ts'

export function NotesPanel(_props: { editor: Editor; readOnly: boolean; onClose: () => void }) {
  return null
}
