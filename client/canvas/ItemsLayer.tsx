/**
 * Post-its and posters in view. Close up each is its own shape; zoomed out past readable text,
 * post-its are drawn as plain boxes by one non-listening shape (hits then come from the spatial
 * index), and only posters and what is selected or dragged keep their own nodes.
 */
import type Konva from 'konva'
import { useState, useSyncExternalStore } from 'react'
import { Layer, Shape } from 'react-konva'
import type { Item } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { ItemNode } from './ItemNode.tsx'
import { isLowDetail } from './lod.ts'
import { NOTE_FILL } from './palette.ts'
import { VisibleItems } from './visibleItems.ts'

export function ItemsLayer({ editor }: { editor: Editor }) {
  const [visible] = useState(() => new VisibleItems(editor))
  const ids = useSyncExternalStore(visible.subscribe, visible.get)
  const lowDetail = useStore(editor.view, (s) => isLowDetail(s.camera.scale))
  if (lowDetail) return <FarItems editor={editor} ids={ids} />
  return (
    <Layer name="items">
      {ids.map((id) => (
        <ItemNode key={id} editor={editor} id={id} lowDetail={false} />
      ))}
    </Layer>
  )
}

function FarItems({ editor, ids }: { editor: Editor; ids: string[] }) {
  const selection = useStore(editor.view, (s) => s.selection)
  const drag = useStore(editor.view, (s) => s.drag)
  const highlight = useStore(editor.view, (s) => s.highlightTag)
  // Any change to an item may change the one-pass drawing.
  useSyncExternalStore(editor.items.subscribe, editor.items.getVersion)
  const own = (item: Item) =>
    item.kind !== 'note' || selection.has(item.id) || Boolean(drag?.ids.has(item.id))
  const frames: string[] = []
  const raised: string[] = []
  const boxes: Item[] = []
  for (const id of ids) {
    const item = editor.items.get(id)
    if (!item) continue
    if (!own(item)) boxes.push(item)
    else if (item.kind === 'frame') frames.push(id)
    else raised.push(id)
  }
  const scene = (ctx: Konva.Context) => {
    const c = ctx._context
    let fill = ''
    for (const item of boxes) {
      if (item.kind !== 'note') continue
      const dim = highlight !== null && !item.tags.includes(highlight)
      c.globalAlpha = dim ? 0.2 : 1
      const next = NOTE_FILL[item.color]
      if (next !== fill) c.fillStyle = fill = next
      c.fillRect(item.x, item.y, item.w, item.h)
    }
    c.globalAlpha = 1
  }
  return (
    <Layer name="items">
      {frames.map((id) => (
        <ItemNode key={id} editor={editor} id={id} lowDetail />
      ))}
      <Shape sceneFunc={scene} listening={false} perfectDrawEnabled={false} />
      {raised.map((id) => (
        <ItemNode key={id} editor={editor} id={id} lowDetail />
      ))}
    </Layer>
  )
}
