/**
 * A poster's takeaways: the headings the poster defines ("Identified takeaways", "Open
 * questions"...) and which of its post-its are takeaways under which heading, with their dots.
 */
import { useState } from 'react'
import { LOCAL_ORIGIN, items, updateItems } from '../../shared/doc/index.ts'
import { posters, visibleDots } from '../../shared/export/picture.ts'
import type { NoteRecord } from '../../shared/schema/index.ts'
import { defineAction } from '../actions/registry.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { CommitField } from './fields.tsx'
import { showSource } from './SectionsTab.tsx'
import { useDocRead } from './useDoc.ts'

const setHeadings = defineAction<{ frameId: string; headings: string[] }>({
  id: 'setTakeawayHeadings',
  label: 'takeaways-headings',
  mutates: true,
  perform(editor, { frameId, headings }) {
    const frame = editor.items.get(frameId)
    if (frame?.kind !== 'frame') return
    const clean = headings.map((h) => h.trim().slice(0, 200)).slice(0, 20)
    // Notes under a renamed heading follow it; under a removed one they stop being takeaways.
    const renamed = new Map(frame.takeawayHeadings.map((h, i) => [h, clean[i] ?? null]))
    const patches = new Map<string, Record<string, unknown>>([
      [frameId, { takeawayHeadings: clean.filter(Boolean) }],
    ])
    for (const n of items(editor.doc).all()) {
      if (n.kind !== 'note' || n.parentId !== frameId || n.takeaway === null) continue
      const next = renamed.has(n.takeaway) ? renamed.get(n.takeaway) || null : n.takeaway
      if (next !== n.takeaway) patches.set(n.id, { takeaway: next })
    }
    updateItems(editor.doc, patches, LOCAL_ORIGIN)
  },
})

const markTakeaway = defineAction<{ noteId: string; heading: string | null }>({
  id: 'markTakeaway',
  label: 'takeaways-mark',
  mutates: true,
  perform(editor, { noteId, heading }) {
    updateItems(editor.doc, { [noteId]: { takeaway: heading } }, LOCAL_ORIGIN)
  },
})

export function TakeawaysTab({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const doc = editor.doc
  const frames = useDocRead(doc, () =>
    posters(doc).map((f) => ({ id: f.id, title: f.title, headings: f.takeawayHeadings })),
  )
  const [picked, setPicked] = useState<string | null>(() => selectedPoster(editor))
  const frame = frames.find((f) => f.id === picked) ?? frames[0]
  const notes = useDocRead(doc, () =>
    frame
      ? items(doc)
          .all()
          .filter((i): i is NoteRecord => i.kind === 'note' && i.parentId === frame.id)
          .sort((a, b) => a.y - b.y || a.x - b.x)
          .map((n) => ({ id: n.id, text: n.text, takeaway: n.takeaway }))
      : [],
  )
  const votes = useDocRead(doc, () => Object.fromEntries(visibleDots(doc)))
  if (!frame) return <p className="notes-hint">{t('takeaways-no-posters')}</p>
  const headings = frame.headings

  return (
    <div className="notes-tab" data-testid="notes-takeaways">
      <label className="notes-field notes-field--inline">
        <span>{t('takeaways-poster')}</span>
        <select
          className="text-input"
          value={frame.id}
          data-testid="takeaways-poster"
          onChange={(e) => setPicked(e.target.value)}
        >
          {frames.map((f) => (
            <option key={f.id} value={f.id}>
              {f.title.trim() || t('frame-untitled')}
            </option>
          ))}
        </select>
      </label>
      <fieldset className="notes-questions">
        <legend>{t('takeaways-headings')}</legend>
        {headings.map((h, i) => (
          <div key={`${i}:${h}`} className="notes-question-row">
            <CommitField
              label={t('takeaways-heading', i + 1)}
              value={h}
              readOnly={readOnly}
              testId="takeaway-heading"
              onCommit={(v) =>
                editor.run(setHeadings, {
                  frameId: frame.id,
                  headings: headings.map((x, j) => (j === i ? v : x)),
                })
              }
            />
            {!readOnly && (
              <button
                type="button"
                className="icon-button"
                aria-label={t('takeaways-heading-remove', h)}
                onClick={() =>
                  editor.run(setHeadings, {
                    frameId: frame.id,
                    headings: headings.map((x, j) => (j === i ? '' : x)),
                  })
                }
              >
                ×
              </button>
            )}
          </div>
        ))}
        {!readOnly && headings.length < 20 && (
          <button
            type="button"
            className="link-button"
            data-testid="takeaway-add-heading"
            onClick={() =>
              editor.run(setHeadings, {
                frameId: frame.id,
                headings: [...headings, t('takeaways-new-heading', headings.length + 1)],
              })
            }
          >
            {t('takeaways-add-heading')}
          </button>
        )}
      </fieldset>
      <ul className="notes-takeaways">
        {notes.map((n) => (
          <li key={n.id} data-testid="takeaway-note">
            <button type="button" className="link-button" onClick={() => showSource(editor, n.id)}>
              {n.text.trim() || t('takeaways-empty-note')}
            </button>
            {(votes[n.id] ?? 0) > 0 && <span className="notes-votes">({votes[n.id]})</span>}
            <select
              className="text-input"
              value={n.takeaway ?? ''}
              disabled={readOnly}
              aria-label={t('takeaways-mark')}
              data-testid="takeaway-select"
              onChange={(e) =>
                editor.run(markTakeaway, { noteId: n.id, heading: e.target.value || null })
              }
            >
              <option value="">{t('takeaways-none')}</option>
              {[...new Set([...headings, ...(n.takeaway ? [n.takeaway] : [])])].map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
    </div>
  )
}

function selectedPoster(editor: Editor): string | null {
  for (const item of editor.selectedItems()) {
    if (item.kind === 'frame') return item.id
    if (item.parentId) return item.parentId
  }
  return null
}
