/**
 * Konva's Transformer on the selected items. On transform end the node's scale is folded into
 * width and height (stored through resizeItems) and reset to 1, so the document never holds scale.
 */
import type Konva from 'konva'
import { useEffect, useRef, useSyncExternalStore } from 'react'
import { Transformer } from 'react-konva'
import { resizeItems } from '../actions/resizeItems.ts'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import type { Rect } from './viewport.ts'
import { ACCENT } from './palette.ts'

export function SelectionTransformer({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const ref = useRef<Konva.Transformer>(null)
  const selection = useStore(editor.view, (s) => s.selection)
  const editing = useStore(editor.view, (s) => s.editing !== null)
  // Re-attach when selected nodes appear (culling, creation) or items change under it.
  const camera = useStore(editor.view, (s) => s.camera)
  const version = useSyncExternalStore(editor.items.subscribe, editor.items.getVersion)

  useEffect(() => {
    const tr = ref.current
    const stage = tr?.getStage()
    if (!tr || !stage) return
    // Connectors have no box to resize; they show their selection themselves.
    const nodes = [...selection]
      .filter((id) => editor.items.get(id))
      .map((id) => stage.findOne(`#${id}`))
      .filter((n): n is Konva.Node => n !== undefined)
    tr.nodes(nodes)
    tr.forceUpdate()
    tr.getLayer()?.batchDraw()
  }, [editor, selection, camera, version, editing])

  const onTransformEnd = () => {
    const tr = ref.current
    if (!tr) return
    const boxes = new Map<string, Rect>()
    for (const node of tr.nodes()) {
      const item = editor.items.get(node.id())
      if (!item) continue
      boxes.set(item.id, {
        x: node.x(),
        y: node.y(),
        w: item.w * node.scaleX(),
        h: item.h * node.scaleY(),
      })
      node.scale({ x: 1, y: 1 })
    }
    editor.run(resizeItems, boxes)
  }

  const selected = [...selection].map((id) => editor.items.get(id)).filter((i) => i !== undefined)
  const single = selected.length === 1
  // A photo keeps its proportions: it is resized from its corners only.
  const picture = single && selected[0]!.kind === 'image'
  return (
    <Transformer
      ref={ref}
      rotateEnabled={false}
      resizeEnabled={!readOnly && !editing}
      flipEnabled={false}
      keepRatio={picture}
      ignoreStroke
      borderStroke={ACCENT}
      borderStrokeWidth={2}
      anchorStroke={ACCENT}
      anchorFill="#fff"
      anchorSize={10}
      anchorCornerRadius={2}
      padding={single ? 2 : 4}
      enabledAnchors={
        single && !picture
          ? [
              'top-left',
              'top-right',
              'bottom-left',
              'bottom-right',
              'middle-left',
              'middle-right',
              'top-center',
              'bottom-center',
            ]
          : ['top-left', 'top-right', 'bottom-left', 'bottom-right']
      }
      boundBoxFunc={(oldBox, newBox) => (newBox.width < 40 || newBox.height < 40 ? oldBox : newBox)}
      onTransformEnd={onTransformEnd}
    />
  )
}
