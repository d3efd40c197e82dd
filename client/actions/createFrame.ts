import { addItems, LOCAL_ORIGIN, updateItems } from '../../shared/doc/index.ts'
import { newId, recordTypes, type FrameRecord } from '../../shared/schema/index.ts'
import type { Rect } from '../canvas/viewport.ts'
import { itemsInside } from '../editor/frames.ts'
import { t } from '../i18n/i18n.ts'
import { defineAction } from './registry.ts'

const DEFAULT_W = 960
const DEFAULT_H = 640
const MIN_SIDE = 120

/**
 * A poster. It goes beneath everything so that post-its stay on top, and adopts the items
 * already lying wholly inside it.
 */
export const createFrame = defineAction<{ rect?: Rect } | void>({
  id: 'createFrame',
  label: 'action-create-frame',
  mutates: true,
  perform(editor, arg) {
    let rect = arg?.rect
    if (!rect || rect.w < MIN_SIDE || rect.h < MIN_SIDE) {
      const c = rect ? { x: rect.x, y: rect.y } : editor.placementPoint()
      rect = rect
        ? { x: c.x, y: c.y, w: DEFAULT_W, h: DEFAULT_H }
        : { x: c.x - DEFAULT_W / 2, y: c.y - DEFAULT_H / 2, w: DEFAULT_W, h: DEFAULT_H }
    }
    const all = editor.items.all()
    const lowest = all.reduce((min, i) => Math.min(min, i.z), 0)
    const now = Date.now()
    const count = all.filter((i) => i.kind === 'frame').length
    const frame: FrameRecord = {
      id: newId(),
      kind: 'frame',
      ...recordTypes.frame.defaults(),
      x: Math.round(rect.x),
      y: Math.round(rect.y),
      w: Math.round(rect.w),
      h: Math.round(rect.h),
      z: lowest - 1,
      title: t('frame-default-title', count + 1),
      authorId: editor.user.id,
      createdAt: now,
      updatedAt: now,
    }
    addItems(editor.doc, [frame], LOCAL_ORIGIN)
    const adopted = itemsInside(frame, all).filter((i) => i.parentId === null)
    updateItems(
      editor.doc,
      new Map(adopted.map((i) => [i.id, { parentId: frame.id }])),
      LOCAL_ORIGIN,
    )
    editor.select([frame.id])
    editor.view.set({ tool: 'select' })
  },
})
