import { useState, useSyncExternalStore } from 'react'
import { Layer } from 'react-konva'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { ItemNode } from './ItemNode.tsx'
import { VisibleItems } from './visibleItems.ts'

/** Below this zoom, post-it text is unreadable anyway; drawing plain boxes keeps big boards fast. */
const LOW_DETAIL_SCALE = 0.22

export function ItemsLayer({ editor }: { editor: Editor }) {
  const [visible] = useState(() => new VisibleItems(editor))
  const ids = useSyncExternalStore(visible.subscribe, visible.get)
  const lowDetail = useStore(editor.view, (s) => s.camera.scale < LOW_DETAIL_SCALE)
  return (
    <Layer name="items">
      {ids.map((id) => (
        <ItemNode key={id} editor={editor} id={id} lowDetail={lowDetail} />
      ))}
    </Layer>
  )
}
