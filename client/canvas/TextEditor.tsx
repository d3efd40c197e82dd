/**
 * In-place text editing: an HTML textarea laid over the post-it (or frame title) at the camera's
 * scale. Each change goes to the document through editText, which diffs it into the Y.Text.
 */
import { useEffect, useLayoutEffect, useRef, useSyncExternalStore, type CSSProperties } from 'react'
import { editText } from '../actions/editText.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { FRAME_TITLE_HEIGHT, FRAME_TITLE_SIZE } from './FrameShape.tsx'
import { FONT_FAMILY, FRAME_FILL, INK, NOTE_FILL } from './palette.ts'
import { LINE_HEIGHT, NOTE_PADDING, noteFontSize } from './textFit.ts'

export function TextEditor({ editor }: { editor: Editor }) {
  const editing = useStore(editor.view, (s) => s.editing)
  const camera = useStore(editor.view, (s) => s.camera)
  const item = useSyncExternalStore(
    (cb) => (editing ? editor.items.subscribeId(editing.id, cb) : () => {}),
    () => (editing ? editor.items.get(editing.id) : undefined),
  )
  const ref = useRef<HTMLTextAreaElement>(null)
  const value = !item
    ? ''
    : item.kind === 'frame'
      ? item.title
      : item.kind === 'note'
        ? item.text
        : ''

  useEffect(() => {
    const el = ref.current
    if (!el) return
    el.focus()
    el.setSelectionRange(el.value.length, el.value.length)
  }, [editing?.id, editing?.field])

  // Someone else typed in the same text: take their version, keeping our caret near where it was.
  useLayoutEffect(() => {
    const el = ref.current
    if (!el || el.value === value) return
    const { selectionStart, selectionEnd } = el
    const shift = value.length - el.value.length
    const before = el.value.slice(0, selectionStart) === value.slice(0, selectionStart)
    el.value = value
    const at = before ? selectionStart : selectionStart + shift
    el.setSelectionRange(Math.max(0, at), Math.max(0, before ? selectionEnd : selectionEnd + shift))
  }, [value])

  if (!editing || !item || item.kind === 'label') return null
  const close = () => editor.view.set({ editing: null })
  const isTitle = editing.field === 'title' && item.kind === 'frame'
  const s = camera.scale
  const left = item.x * s + camera.x
  const top = item.y * s + camera.y
  const style: CSSProperties = isTitle
    ? {
        left: left + 16 * s,
        top,
        width: (item.w - 32) * s,
        height: FRAME_TITLE_HEIGHT * s,
        fontSize: FRAME_TITLE_SIZE * s,
        fontWeight: 700,
        lineHeight: `${FRAME_TITLE_HEIGHT * s}px`,
        padding: `0 ${4 * s}px`,
        background: FRAME_FILL[item.color],
        textAlign: 'start',
        whiteSpace: 'nowrap',
        overflow: 'hidden',
      }
    : {
        left,
        top,
        width: item.w * s,
        height: item.h * s,
        fontSize: noteFontSize(value, item.w, item.h) * s,
        lineHeight: LINE_HEIGHT,
        padding: NOTE_PADDING * s,
        background: item.kind === 'note' ? NOTE_FILL[item.color] : '#fff',
        textAlign: 'center',
      }
  return (
    <textarea
      ref={ref}
      className="text-editor"
      data-testid="text-editor"
      aria-label={isTitle ? t('edit-frame-title') : t('edit-note-text')}
      defaultValue={value}
      dir="auto"
      maxLength={isTitle ? 200 : 5000}
      style={{ ...style, fontFamily: FONT_FAMILY, color: INK }}
      onChange={(e) => {
        const next = isTitle ? e.target.value.replace(/\n/g, ' ') : e.target.value
        editor.run(editText, { id: item.id, field: editing.field, value: next })
      }}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Escape' || (e.key === 'Enter' && (isTitle || e.metaKey || e.ctrlKey))) {
          e.preventDefault()
          close()
        }
      }}
      onBlur={close}
    />
  )
}
