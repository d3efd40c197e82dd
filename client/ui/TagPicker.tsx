/** Tags of the selected post-its: toggle the board's tags on them, or make a new one. */
import { useState, useSyncExternalStore } from 'react'
import { createTag, toggleTag } from '../actions/tags.ts'
import { NOTE_COLORS, type NoteRecord } from '../../shared/schema/index.ts'
import { TAG_FILL } from '../canvas/palette.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'

export function TagPicker({ editor, notes }: { editor: Editor; notes: NoteRecord[] }) {
  useSyncExternalStore(editor.tags.subscribe, editor.tags.getVersion)
  const [name, setName] = useState('')
  const tags = editor.tags.all()
  const add = () => {
    if (!name.trim()) return
    const color = NOTE_COLORS[(tags.length + 3) % NOTE_COLORS.length]!
    editor.run(createTag, { name, color })
    setName('')
  }
  return (
    <div className="inspector-row inspector-row--wrap">
      <span className="inspector-label">{t('note-relates-to')}</span>
      <div className="tag-chips" data-testid="tag-picker">
        {tags.map((tag) => {
          const on = notes.every((n) => n.tags.includes(tag.id))
          return (
            <button
              key={tag.id}
              type="button"
              className="tag-chip"
              aria-pressed={on}
              data-tag={tag.name}
              style={
                on
                  ? { background: TAG_FILL[tag.color], borderColor: TAG_FILL[tag.color] }
                  : { borderColor: TAG_FILL[tag.color], color: TAG_FILL[tag.color] }
              }
              onClick={() => editor.run(toggleTag, tag.id)}
            >
              {tag.name}
            </button>
          )
        })}
        <input
          className="text-input tag-input"
          data-testid="tag-new"
          value={name}
          maxLength={60}
          dir="auto"
          placeholder={t('tag-new-placeholder')}
          aria-label={t('tag-new-placeholder')}
          onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault()
              add()
            }
          }}
        />
      </div>
    </div>
  )
}
