/**
 * The navigator: the board's posters (zoom to one, or to everything) and its tags (highlight the
 * post-its with one, rename, recolour, remove). Collapsed to a button until opened.
 */
import { useState, useSyncExternalStore } from 'react'
import { deleteTag, highlightTag, updateTag } from '../actions/tags.ts'
import { zoomToFit, zoomToFrame } from '../actions/zoom.ts'
import { readingOrder } from '../../shared/geometry/index.ts'
import { NOTE_COLORS, type FrameRecord } from '../../shared/schema/index.ts'
import { TAG_FILL } from '../canvas/palette.ts'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'

export function Navigator({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const [open, setOpen] = useState(false)
  useSyncExternalStore(editor.items.subscribe, editor.items.getVersion)
  useSyncExternalStore(editor.tags.subscribe, editor.tags.getVersion)
  const highlighted = useStore(editor.view, (s) => s.highlightTag)
  if (!open) {
    return (
      <button
        type="button"
        className="navigator-toggle"
        data-testid="navigator-open"
        aria-expanded={false}
        onClick={() => setOpen(true)}
      >
        {t('navigator-title')}
      </button>
    )
  }
  const frames = readingOrder(
    editor.items.all().filter((i): i is FrameRecord => i.kind === 'frame'),
    200,
  )
  const counts = new Map<string, number>()
  for (const i of editor.items.all())
    if (i.kind === 'note') for (const tag of i.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1)
  return (
    <aside className="navigator" aria-label={t('navigator-title')} data-testid="navigator">
      <header className="navigator-head">
        <h2>{t('navigator-title')}</h2>
        <button
          type="button"
          className="small-button"
          aria-label={t('close')}
          aria-expanded
          onClick={() => setOpen(false)}
        >
          ×
        </button>
      </header>
      <button
        type="button"
        className="navigator-item navigator-item--all"
        onClick={() => {
          editor.select([])
          editor.run(zoomToFit, undefined)
        }}
      >
        {t('navigator-fit')}
      </button>
      <ul className="navigator-list" data-testid="navigator-frames">
        {frames.map((f) => (
          <li key={f.id}>
            <button
              type="button"
              className="navigator-item"
              dir="auto"
              onClick={() => editor.run(zoomToFrame, f.id)}
            >
              {f.title.trim() || t('frame-untitled')}
            </button>
          </li>
        ))}
        {frames.length === 0 && <li className="navigator-empty">{t('navigator-no-frames')}</li>}
      </ul>
      <h3>{t('navigator-tags')}</h3>
      <ul className="navigator-list" data-testid="navigator-tags">
        {editor.tags.all().map((tag) => (
          <li key={tag.id} className="navigator-tag">
            <button
              type="button"
              className="tag-chip"
              aria-pressed={highlighted === tag.id}
              title={t('tag-highlight', tag.name)}
              style={{
                borderColor: TAG_FILL[tag.color],
                background: highlighted === tag.id ? TAG_FILL[tag.color] : undefined,
                color: highlighted === tag.id ? '#fff' : TAG_FILL[tag.color],
              }}
              onClick={() => editor.run(highlightTag, tag.id)}
              data-tag={tag.name}
            >
              {tag.name}
            </button>
            <span className="navigator-count">{t('tag-count', counts.get(tag.id) ?? 0)}</span>
            {!readOnly && (
              <>
                <select
                  aria-label={t('tag-color', tag.name)}
                  value={tag.color}
                  onChange={(e) =>
                    editor.run(updateTag, {
                      id: tag.id,
                      color: e.target.value as (typeof NOTE_COLORS)[number],
                    })
                  }
                >
                  {NOTE_COLORS.map((c) => (
                    <option key={c} value={c}>
                      {t(`color-${c}` as MessageKey)}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="small-button"
                  aria-label={t('tag-delete', tag.name)}
                  title={t('tag-delete', tag.name)}
                  onClick={() => editor.run(deleteTag, tag.id)}
                >
                  ×
                </button>
              </>
            )}
          </li>
        ))}
        {editor.tags.size === 0 && <li className="navigator-empty">{t('navigator-no-tags')}</li>}
      </ul>
    </aside>
  )
}
