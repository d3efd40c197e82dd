/** Reads one item by id (re-rendering only when it changes) and draws the shape for its kind. */
import { useMemo, useSyncExternalStore } from 'react'
import type { TagRecord } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { FrameShape, readableTextScale } from './FrameShape.tsx'
import { imageUrl } from '../images/upload.ts'
import { ImageShape } from './ImageShape.tsx'
import { LabelShape } from './LabelShape.tsx'
import { noteFontFloor } from './lod.ts'
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
  const readable = useStore(editor.view, (s) =>
    item?.kind === 'frame' ? readableTextScale(s.camera.scale, s.largeText) : 0,
  )
  const fontFloor = useStore(editor.view, (s) =>
    item?.kind === 'note' ? noteFontFloor(s.camera.scale) : 0,
  )
  const highlight = useStore(editor.view, (s) => s.highlightTag)
  const tagsVersion = useSyncExternalStore(editor.tags.subscribe, editor.tags.getVersion)
  const noteTags = item?.kind === 'note' ? item.tags : NO_TAGS
  const tags = useMemo(
    () => {
      const out: TagRecord[] = []
      for (const tagId of noteTags) {
        const tag = editor.tags.get(tagId)
        if (tag) out.push(tag)
      }
      return out
    },
    // tagsVersion: a renamed or recoloured tag re-resolves.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, noteTags, tagsVersion],
  )
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
          tags={tags}
          dimmed={highlight !== null && !item.tags.includes(highlight)}
          isPrivate={editor.items.isPrivate(id)}
          fontFloor={fontFloor}
        />
      )
    case 'frame':
      return (
        <FrameShape
          frame={item}
          dx={offset.dx}
          dy={offset.dy}
          editingTitle={editing === 'title'}
          readable={readable}
        />
      )
    case 'label':
      return <LabelShape label={item} dx={offset.dx} dy={offset.dy} editing={editing === 'text'} />
    case 'image':
      return (
        <ImageShape
          image={item}
          dx={offset.dx}
          dy={offset.dy}
          src={imageUrl(editor.session.options.boardId, editor.session.options.token, item.hash)}
        />
      )
  }
}

const NO_OFFSET = { dx: 0, dy: 0 }
const NO_TAGS: readonly string[] = []
