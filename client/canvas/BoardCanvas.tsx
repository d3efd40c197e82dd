/**
 * The Konva stage: background, items and overlay layers under one camera. It turns DOM and Konva
 * events into CanvasPointer events for the active tool, and wheel/pinch into camera changes.
 */
import type Konva from 'konva'
import { useCallback, useEffect, useRef } from 'react'
import { Stage } from 'react-konva'
import type { Editor } from '../editor/editor.ts'
import { useStore } from '../lib/store.ts'
import type { Tools } from '../tools/index.ts'
import type { CanvasPointer, Tool } from '../tools/types.ts'
import { ConnectorsLayer } from './ConnectorsLayer.tsx'
import { GridLayer } from './GridLayer.tsx'
import { recordAtPoint } from './hitTest.ts'
import { ItemsLayer } from './ItemsLayer.tsx'
import { isLowDetail } from './lod.ts'
import { OverlayLayer } from './OverlayLayer.tsx'
import { useCanvasTestHook } from './testHook.ts'
import { useTouchGestures } from './touchGestures.ts'
import { useCameraMovingRef } from './useCameraMoving.ts'
import { screenToBoard, zoomAt, type Point } from './viewport.ts'

interface Props {
  editor: Editor
  tools: Tools
  readOnly: boolean
}

export function BoardCanvas({ editor, tools, readOnly }: Props) {
  const containerRef = useRef<HTMLDivElement>(null)
  const activeRef = useRef<Tool | null>(null)
  const stageRef = useRef<Konva.Stage>(null)
  useCanvasTestHook(
    editor,
    useCallback(() => stageRef.current, []),
  )
  const camera = useStore(editor.view, (s) => s.camera)
  const size = useStore(editor.view, (s) => s.size)
  const tool = useStore(editor.view, (s) => s.tool)
  const spaceHeld = useStore(editor.view, (s) => s.spaceHeld)
  const panning = useStore(editor.view, (s) => s.panning)
  // While the camera moves and for a moment after, the layers do not listen (useCameraMoving).
  const movingRef = useCameraMovingRef(editor)

  useTouchGestures(editor, containerRef, activeRef)

  // Follow the container's size.
  useEffect(() => {
    const el = containerRef.current
    if (!el) return
    const measure = () =>
      editor.view.set({ size: { width: el.clientWidth || 1, height: el.clientHeight || 1 } })
    measure()
    const ro = new ResizeObserver(measure)
    ro.observe(el)
    return () => ro.disconnect()
  }, [editor])

  const localPoint = (clientX: number, clientY: number): Point => {
    const r = containerRef.current!.getBoundingClientRect()
    return { x: clientX - r.left, y: clientY - r.top }
  }

  const toPointer = (evt: PointerEvent | MouseEvent, target: Konva.Node | null): CanvasPointer => {
    // A touch's double tap arrives as a TouchEvent, whose position is its touch's.
    const touch = (evt as unknown as TouchEvent).changedTouches?.[0]
    const at = Number.isFinite(evt.clientX) ? evt : (touch ?? { clientX: 0, clientY: 0 })
    const screen = localPoint(at.clientX, at.clientY)
    const camera = editor.view.get().camera
    const board = screenToBoard(camera, screen)
    let hit = target ? itemOf(target) : null
    // Far out, post-its and arrows are drawn without hit regions, and just after the view moved
    // no layer listens yet (a press lands on the stage): find them in the indexes.
    const unheard = !hit && movingRef.current
    if (target && (isLowDetail(camera.scale) || unheard) && hit?.part !== 'handle') {
      const under = recordAtPoint(editor, board, camera.scale)
      if (under && (!hit || under.kind !== 'frame')) hit = { id: under.id, part: 'body' }
    }
    return {
      screen,
      board,
      targetId: hit?.id ?? null,
      part: hit?.part ?? null,
      shift: evt.shiftKey || evt.metaKey || evt.ctrlKey,
      button: evt.button,
    }
  }

  // The wheel only moves the camera. Caught before Konva sees it, which would look for the shape
  // under the pointer (a read from its hit canvas) on every event of a pan.
  useEffect(() => {
    const el = containerRef.current
    if (!el) return
    const onWheel = (evt: WheelEvent) => {
      evt.preventDefault()
      evt.stopPropagation()
      const cam = editor.view.get().camera
      const lineScale = evt.deltaMode === 1 ? 16 : evt.deltaMode === 2 ? 400 : 1
      const dx = evt.deltaX * lineScale
      const dy = evt.deltaY * lineScale
      if (evt.ctrlKey || evt.metaKey) {
        // Pinch on a trackpad arrives as ctrl+wheel with small deltas; a mouse notch is ~100.
        const clamped = Math.max(-60, Math.min(60, dy))
        const r = el.getBoundingClientRect()
        const at = { x: evt.clientX - r.left, y: evt.clientY - r.top }
        editor.setCamera(zoomAt(cam, at, Math.exp(-clamped / 120)))
      } else if (evt.shiftKey && dx === 0) {
        editor.setCamera({ ...cam, x: cam.x - dy })
      } else {
        editor.setCamera({ ...cam, x: cam.x - dx, y: cam.y - dy })
      }
    }
    el.addEventListener('wheel', onWheel, { capture: true, passive: false })
    return () => el.removeEventListener('wheel', onWheel, { capture: true })
  }, [editor])

  // Moves and releases are followed on the window so a drag may leave the canvas.
  useEffect(() => {
    const onMove = (evt: PointerEvent) => {
      const el = containerRef.current
      if (!el) return
      const p = toPointer(evt, null)
      const inside =
        p.screen.x >= 0 &&
        p.screen.y >= 0 &&
        p.screen.x <= el.clientWidth &&
        p.screen.y <= el.clientHeight
      if (inside || activeRef.current) {
        editor.view.set({ pointer: p.board })
        editor.presence.setCursor(inside ? p.board : null)
      }
      activeRef.current?.move(p)
    }
    const onUp = (evt: PointerEvent) => {
      const active = activeRef.current
      activeRef.current = null
      active?.up(toPointer(evt, null))
    }
    const onLeave = () => editor.presence.setCursor(null)
    window.addEventListener('pointermove', onMove)
    window.addEventListener('pointerup', onUp)
    window.addEventListener('pointercancel', onUp)
    document.documentElement.addEventListener('pointerleave', onLeave)
    return () => {
      window.removeEventListener('pointermove', onMove)
      window.removeEventListener('pointerup', onUp)
      window.removeEventListener('pointercancel', onUp)
      document.documentElement.removeEventListener('pointerleave', onLeave)
    }
    // toPointer reads only refs and the editor.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [editor])

  const onPointerDown = (e: Konva.KonvaEventObject<PointerEvent>) => {
    if (isAnchor(e.target)) return
    const target = throughTransformer(e.target)
    const evt = e.evt
    if (evt.button === 2) return
    editor.view.set({ contextMenu: null })
    // Space or the middle button pans whatever the tool; viewers only pan and select.
    const { spaceHeld: space, tool: current } = editor.view.get()
    const pointer = toPointer(evt, target)
    // A finger on empty canvas or on a poster's body pans: a marquee or moving a whole poster
    // is a mouse's gesture (post-its still follow a finger).
    const under = pointer.targetId ? editor.items.get(pointer.targetId) : undefined
    const touchPan =
      evt.pointerType === 'touch' &&
      current === 'select' &&
      (!pointer.targetId || (under?.kind === 'frame' && pointer.part === 'body'))
    const chosen: Tool =
      space || evt.button === 1 || current === 'hand' || touchPan ? tools.hand : tools[current]
    if (evt.button === 1) evt.preventDefault()
    activeRef.current = chosen
    chosen.down(pointer)
  }

  const onDoubleClick = (e: Konva.KonvaEventObject<MouseEvent>) => {
    if (isAnchor(e.target)) return
    const tool = editor.view.get().tool
    if (tool === 'select') tools.select.doubleClick(toPointer(e.evt, throughTransformer(e.target)))
  }

  const onContextMenu = (e: Konva.KonvaEventObject<MouseEvent>) => {
    e.evt.preventDefault()
    const p = toPointer(e.evt, e.target)
    if (p.targetId && !editor.view.get().selection.has(p.targetId)) editor.select([p.targetId])
    editor.view.set({ contextMenu: p.screen })
  }

  const cursor = panning ? 'grabbing' : spaceHeld || tool === 'hand' ? 'grab' : tools[tool].cursor()

  return (
    <div ref={containerRef} className="board-canvas" style={{ cursor }} data-testid="board-canvas">
      <Stage
        ref={stageRef}
        width={size.width}
        height={size.height}
        x={camera.x}
        y={camera.y}
        scaleX={camera.scale}
        scaleY={camera.scale}
        onPointerDown={onPointerDown}
        onDblClick={onDoubleClick}
        onDblTap={onDoubleClick as never}
        onContextMenu={onContextMenu}
      >
        <GridLayer editor={editor} />
        <ItemsLayer editor={editor} />
        <ConnectorsLayer editor={editor} />
        <OverlayLayer editor={editor} readOnly={readOnly} />
      </Stage>
    </div>
  )
}

/** The item a Konva node belongs to: the nearest ancestor group named "item". */
function itemOf(node: Konva.Node): { id: string; part: 'body' | 'title' | 'handle' } | null {
  let part: 'body' | 'title' = 'body'
  if (node.hasName('connect-handle')) return { id: String(node.getAttr('itemId')), part: 'handle' }
  for (let n: Konva.Node | null = node; n; n = n.getParent()) {
    if (n.hasName('frame-title')) part = 'title'
    if (n.hasName('item')) return { id: n.id(), part }
  }
  return null
}

function transformerOf(node: Konva.Node): Konva.Node | null {
  for (let n: Konva.Node | null = node; n; n = n.getParent()) {
    if (n.getClassName() === 'Transformer') return n
  }
  return null
}

/** Resize handles belong to Konva's transformer; the tools leave them alone. */
const isAnchor = (node: Konva.Node) => transformerOf(node) !== null && node.hasName('_anchor')

/** The transformer's box lies over the items; a press inside it means the item beneath. */
function throughTransformer(node: Konva.Node): Konva.Node | null {
  if (!transformerOf(node)) return node
  const stage = node.getStage()
  const pos = stage?.getPointerPosition()
  const layer = stage?.findOne<Konva.Layer>('.items')
  return (pos && layer?.getIntersection(pos)) || null
}
