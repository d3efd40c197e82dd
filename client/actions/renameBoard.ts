import { LOCAL_ORIGIN, setMeta } from '../../shared/doc/index.ts'
import { defineAction } from './registry.ts'

/** The board's title, in the document so everyone sees it. */
export const renameBoard = defineAction<string>({
  id: 'renameBoard',
  label: 'action-rename-board',
  mutates: true,
  perform(editor, title) {
    setMeta(editor.doc, { title: title.trim().slice(0, 200) }, LOCAL_ORIGIN)
  },
})
