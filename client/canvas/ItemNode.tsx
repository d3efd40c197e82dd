/** Reads one item by id (re-rendering only when it changes) and draws the shape for its kind. */
import { useSyncExternalStore } from 'react'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { FrameShape } from './FrameShape.tsx'
import { NoteShape } from './NoteShape.tsx'

interface Props {
  editor: Editor
  id: string
  lowDetail: boolean
}

export function ItemNode({ editor, id, lowDetail }: Props) {
  const item = useSyncExternalStore(
    (cb) => editor.items.subscribeId(id, cb),
    () => editor.items.get(id),
  )
  const offset = useStore(editor.view, (s) =>
    s.drag?.ids.has(id) ? { dx: s.drag.dx, dy: s.drag.dy } : NO_OFFSET,
  )
  const editing = useStore(editor.view, (s) => (s.editing?.id === id ? s.editing.field : null))
  if (!item) return null
  switch (item.kind) {
    case 'note':
      return (
        <NoteShape
          note={item}
          dx={offset.dx}
          dy={offset.dy}
          editing={editing === 'text'}
          lowDetail={lowDetail}
        />
      )
    case 'frame':
      return (
        <FrameShape frame={item} dx={offset.dx} dy={offset.dy} editingTitle={editing === 'title'} />
      )
    default:
      return null
  }
}

const NO_OFFSET = { dx: 0, dy: 0 }
