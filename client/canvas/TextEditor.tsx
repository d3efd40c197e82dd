/**
 * In-place text editing: a textarea laid over the text being edited at the camera's scale (a
 * post-it's or label's text, a frame's title, an arrow's label). Each change goes to the document
 * through editText, which diffs it into the Y.Text.
 */
import { editText } from '../actions/editText.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { connectorPath } from '../../shared/geometry/index.ts'
import { labelCenter, labelWidth, markScale } from './connectorDraw.ts'
import { InPlaceTextarea } from './InPlaceTextarea.tsx'
import {
  arrowLabelEditorStyle,
  frameTitleEditorStyle,
  labelEditorStyle,
  noteEditorStyle,
} from './textEditorStyle.ts'
import { useRecord } from './useRecord.ts'

export function TextEditor({ editor }: { editor: Editor }) {
  const editing = useStore(editor.view, (s) => s.editing)
  if (!editing) return null
  // Keyed: each edit mounts its own textarea, which focuses itself.
  const key = `${editing.id}:${editing.field}`
  return editing.field === 'label' ? (
    <ArrowLabelEditor key={key} editor={editor} id={editing.id} />
  ) : (
    <ItemTextEditor key={key} editor={editor} id={editing.id} />
  )
}

const stopEditing = (editor: Editor) => () => editor.view.set({ editing: null })

function ItemTextEditor({ editor, id }: { editor: Editor; id: string }) {
  const camera = useStore(editor.view, (s) => s.camera)
  const item = useRecord(editor.items, id)
  // A picture has no text to edit in place.
  if (!item || item.kind === 'image') return null
  const { field, value, style, label, maxLength } =
    item.kind === 'frame'
      ? {
          field: 'title' as const,
          value: item.title,
          style: frameTitleEditorStyle(item, camera),
          label: t('edit-frame-title'),
          maxLength: 200,
        }
      : {
          field: 'text' as const,
          value: item.text,
          style:
            item.kind === 'note' ? noteEditorStyle(item, camera) : labelEditorStyle(item, camera),
          label: t(item.kind === 'note' ? 'edit-note-text' : 'edit-label-text'),
          maxLength: 5000,
        }
  return (
    <InPlaceTextarea
      value={value}
      style={style}
      label={label}
      maxLength={maxLength}
      singleLine={field === 'title'}
      onInput={(text) => editor.run(editText, { id: item.id, field, value: text })}
      onClose={stopEditing(editor)}
    />
  )
}

function ArrowLabelEditor({ editor, id }: { editor: Editor; id: string }) {
  const camera = useStore(editor.view, (s) => s.camera)
  const arrow = useRecord(editor.connectors, id)
  // Follow the items the arrow's ends are attached to, should someone move them meanwhile.
  useRecord(editor.items, arrow?.from.itemId)
  useRecord(editor.items, arrow?.to.itemId)
  if (!arrow) return null
  const { start, end } = connectorPath(arrow, (itemId) => editor.items.get(itemId))
  const center = labelCenter(start, end, arrow.marker, markScale(camera.scale))
  return (
    <InPlaceTextarea
      value={arrow.label}
      style={arrowLabelEditorStyle(center, labelWidth(measuring(), arrow.label), camera)}
      label={t('edit-arrow-label')}
      placeholder={t('arrow-label-placeholder')}
      maxLength={500}
      singleLine
      onInput={(value) => editor.run(editText, { id, field: 'label', value })}
      onClose={stopEditing(editor)}
    />
  )
}

let scratch: CanvasRenderingContext2D | null = null
/** A canvas context to measure label text with, as the canvas does when drawing it. */
const measuring = () => (scratch ??= document.createElement('canvas').getContext('2d')!)
