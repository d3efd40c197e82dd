/**
 * Post-its and posters in view. Close up each is its own shape; zoomed out past readable text,
 * post-its and posters are drawn as plain boxes by one non-listening shape through a cached
 * bitmap (hits then come from the spatial index), and only what is selected, dragged or edited
 * keeps its own nodes.
 */
import type Konva from 'konva'
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react'
import { Layer, Shape } from 'react-konva'
import type { Item } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import { ItemNode } from './ItemNode.tsx'
import { isLowDetail } from './lod.ts'
import { useCameraMoving } from './useCameraMoving.ts'
import { FarBitmap } from './farBitmap.ts'
import { paintFar } from './farPaint.ts'
import { visibleRect } from './viewport.ts'
import { VisibleItems } from './visibleItems.ts'

export function ItemsLayer({ editor }: { editor: Editor }) {
  const [visible] = useState(() => new VisibleItems(editor))
  const ids = useSyncExternalStore(visible.subscribe, visible.get)
  const lowDetail = useStore(editor.view, (s) => isLowDetail(s.camera.scale))
  const moving = useCameraMoving(editor)
  // One layer for both levels of detail: a new one would create its canvases again on the
  // zoom that crosses the threshold, as the first fit of a big board does.
  return (
    <Layer name="items" listening={lowDetail || !moving}>
      {lowDetail ? (
        <FarItems editor={editor} />
      ) : (
        ids.map((id) => <ItemNode key={id} editor={editor} id={id} lowDetail={false} />)
      )}
    </Layer>
  )
}

function FarItems({ editor }: { editor: Editor }) {
  const selection = useStore(editor.view, (s) => s.selection)
  const dragIds = useStore(editor.view, (s) => s.drag?.ids ?? null)
  const editing = useStore(editor.view, (s) => s.editing?.id ?? null)
  const highlight = useStore(editor.view, (s) => s.highlightTag)
  const camera = useStore(editor.view, (s) => s.camera)
  const size = useStore(editor.view, (s) => s.size)
  const [bitmap] = useState(() => new FarBitmap())
  useEffect(() => () => bitmap.release(), [bitmap])
  // Any change to an item may change the one-pass drawing.
  const version = useSyncExternalStore(editor.items.subscribe, editor.items.getVersion)
  // Selected, dragged and edited items, and labels, keep their own nodes (and hit regions).
  const own = (item: Item) =>
    item.kind === 'label' ||
    selection.has(item.id) ||
    Boolean(dragIds?.has(item.id)) ||
    editing === item.id
  const labels = useMemo(
    () => editor.items.all().filter((i) => i.kind === 'label'),
    // The store's list changes identity with `version`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, version],
  )
  const content = useMemo(
    () => editor.items.index.bounds(),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [editor, version],
  )
  const raised = [
    ...new Set([
      ...labels.map((l) => l.id),
      ...selection,
      ...(dragIds ?? []),
      ...(editing ? [editing] : []),
    ]),
  ].filter((id) => editor.items.get(id))
  const scene = (ctx: Konva.Context) => {
    bitmap.draw(ctx._context, {
      key: [version, selection, dragIds, editing, highlight],
      view: visibleRect(camera, size),
      resolution: camera.scale * ctx.getCanvas().getPixelRatio(),
      content,
      paint: (c, region) => {
        const hits = editor.items.index.query(region)
        const list = editor.items.all().filter((i) => hits.has(i.id) && !own(i))
        paintFar(c, list, highlight, camera.scale)
      },
    })
  }
  return (
    <>
      <Shape sceneFunc={scene} listening={false} perfectDrawEnabled={false} />
      {raised.map((id) => (
        <ItemNode key={id} editor={editor} id={id} lowDetail />
      ))}
    </>
  )
}
