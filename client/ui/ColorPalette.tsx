/** Colours for the selected post-its and frames, shown while something colourable is selected. */
import { useSyncExternalStore } from 'react'
import { deleteItems } from '../actions/deleteItems.ts'
import { setColor } from '../actions/setColor.ts'
import { NOTE_COLORS, type NoteColor } from '../../shared/schema/index.ts'
import { NOTE_FILL } from '../canvas/palette.ts'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { Icon } from './icons.tsx'

export function ColorPalette({ editor }: { editor: Editor }) {
  const selection = useStore(editor.view, (s) => s.selection)
  const editing = useStore(editor.view, (s) => s.editing !== null)
  useSyncExternalStore(editor.items.subscribe, editor.items.getVersion)
  const items = [...selection].map((id) => editor.items.get(id)).filter((i) => i !== undefined)
  const colourable = items.filter((i) => i.kind === 'note' || i.kind === 'frame')
  if (items.length === 0) return null
  const current = new Set(colourable.map((i) => i.color))
  return (
    <div
      className={`palette ${editing ? 'palette--quiet' : ''}`}
      role="toolbar"
      aria-label={t('palette-label')}
      onPointerDown={(e) => e.preventDefault()}
    >
      {colourable.length > 0 &&
        NOTE_COLORS.map((color: NoteColor) => (
          <button
            key={color}
            type="button"
            className="swatch"
            style={{ background: NOTE_FILL[color] }}
            aria-pressed={current.size === 1 && current.has(color)}
            aria-label={t(`color-${color}` as MessageKey)}
            title={t(`color-${color}` as MessageKey)}
            data-color={color}
            onClick={() => editor.run(setColor, color)}
          />
        ))}
      <span className="palette-sep" />
      <button
        type="button"
        className="icon-button"
        aria-label={t(deleteItems.label)}
        title={t('tooltip-with-key', t(deleteItems.label), 'Delete')}
        onClick={() => editor.run(deleteItems, undefined)}
      >
        <Icon name="trash" />
      </button>
    </div>
  )
}
