/**
 * The five sections of the structured notes. Every item has its text and "Why is this
 * important? What is it blocking? Who is responsible?"; answers belong to a setup question.
 * Question-mark arrows and bold scribe points are offered as candidates.
 */
import { useState } from 'react'
import {
  connectors,
  entries,
  LOCAL_ORIGIN,
  readSetup,
  updateSetup,
} from '../../shared/doc/index.ts'
import {
  NOTE_SECTIONS,
  type EntryLayout,
  type EntryRecord,
  type NoteSection,
} from '../../shared/schema/index.ts'
import { fitBounds } from '../canvas/viewport.ts'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { addEntries, removeEntry, updateEntry, type NewEntry } from './entryActions.ts'
import { EntryFields, EntrySourceText } from './EntryFields.tsx'
import { SyncedField } from './fields.tsx'
import { boldPoints, questionArrows, type Suggestion } from './suggestions.ts'
import { useDocRead } from './useDoc.ts'

export const SECTION_LABELS: Record<NoteSection, MessageKey> = {
  answers: 'section-answers',
  features: 'section-features',
  decisions: 'section-decisions',
  actions: 'section-actions',
  questions: 'section-questions',
}

const SECTION_HINTS: Record<NoteSection, MessageKey> = {
  answers: 'section-answers-hint',
  features: 'section-features-hint',
  decisions: 'section-decisions-hint',
  actions: 'section-actions-hint',
  questions: 'section-questions-hint',
}

const byOrder = (a: EntryRecord, b: EntryRecord) =>
  a.order - b.order || a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1)

export function SectionsTab({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const doc = editor.doc
  const list = useDocRead(doc, () => entries(doc).all().sort(byOrder))
  const questions = useDocRead(doc, () => readSetup(doc).questions)
  const arrows = useDocRead(doc, () => questionArrows(doc))
  const bold = useDocRead(doc, () => boldPoints(doc))
  const add = (spec: NewEntry) => editor.run(addEntries, [spec])
  const known = new Set(questions.map((q) => q.id))

  return (
    <div className="notes-tab" data-testid="notes-sections">
      <ExportOptions editor={editor} readOnly={readOnly} />
      {NOTE_SECTIONS.map((section) => {
        const mine = list.filter((e) => e.section === section)
        return (
          <section key={section} className="notes-section" data-section={section}>
            <h3>{t(SECTION_LABELS[section])}</h3>
            <p className="notes-hint">{t(SECTION_HINTS[section])}</p>
            {section === 'answers' ? (
              <>
                {questions.map((q, i) => (
                  <div key={q.id} className="notes-answer-group">
                    <p className="notes-q">
                      <strong>{t('notes-q', i + 1)}</strong> {q.text || t('notes-q-empty')}
                    </p>
                    {mine
                      .filter((e) => e.questionId === q.id)
                      .map((e) => (
                        <EntryCard key={e.id} editor={editor} entry={e} readOnly={readOnly} />
                      ))}
                    {!readOnly && (
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => add({ section, questionId: q.id })}
                      >
                        {t('notes-answer')}
                      </button>
                    )}
                  </div>
                ))}
                {mine
                  .filter((e) => e.questionId === null || !known.has(e.questionId))
                  .map((e) => (
                    <EntryCard key={e.id} editor={editor} entry={e} readOnly={readOnly} />
                  ))}
              </>
            ) : (
              mine.map((e) => (
                <EntryCard key={e.id} editor={editor} entry={e} readOnly={readOnly} />
              ))
            )}
            {!readOnly && (
              <button
                type="button"
                className="link-button"
                data-testid={`add-entry-${section}`}
                onClick={() => add({ section })}
              >
                {t('notes-add-entry')}
              </button>
            )}
            {section === 'questions' && arrows.length > 0 && (
              <Suggestions
                title={t('notes-question-arrows')}
                items={arrows}
                readOnly={readOnly}
                onAdd={(s) => add({ section: 'questions', text: s.text, sourceId: s.sourceId })}
                onShow={(s) => s.sourceId && showSource(editor, s.sourceId)}
              />
            )}
          </section>
        )
      })}
      {bold.length > 0 && <BoldCandidates items={bold} readOnly={readOnly} onAdd={add} />}
    </div>
  )
}

function EntryCard({
  editor,
  entry,
  readOnly,
}: {
  editor: Editor
  entry: EntryRecord
  readOnly: boolean
}) {
  const set = (field: string) => (value: string) =>
    editor.run(updateEntry, { id: entry.id, patch: { [field]: value } })
  return (
    <article className="notes-entry" data-testid="notes-entry" data-entry={entry.id}>
      <SyncedField
        label={t('entry-text')}
        value={entry.text}
        onChange={set('text')}
        readOnly={readOnly}
        multiline
        testId="entry-text"
      />
      <SyncedField
        label={t('entry-why')}
        value={entry.why}
        onChange={set('why')}
        readOnly={readOnly}
      />
      <SyncedField
        label={t('entry-blocking')}
        value={entry.blocking}
        onChange={set('blocking')}
        readOnly={readOnly}
      />
      <SyncedField
        label={t('entry-responsible')}
        value={entry.responsible}
        onChange={set('responsible')}
        readOnly={readOnly}
        maxLength={500}
      />
      <EntryFields editor={editor} entry={entry} readOnly={readOnly} />
      <div className="notes-entry-footer">
        {entry.sourceId && <EntrySourceText editor={editor} sourceId={entry.sourceId} />}
        {entry.sourceId && (
          <button
            type="button"
            className="link-button"
            data-testid="entry-source"
            onClick={() => showSource(editor, entry.sourceId!)}
          >
            {t('entry-source')}
          </button>
        )}
        <span className="topbar-spacer" />
        {!readOnly && (
          <button
            type="button"
            className="link-button notes-remove"
            onClick={() => editor.run(removeEntry, entry.id)}
          >
            {t('entry-remove')}
          </button>
        )}
      </div>
    </article>
  )
}

/** How the exported page lists action items and decisions, and whether votes show "(0)". */
function ExportOptions({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const doc = editor.doc
  const setup = useDocRead(doc, () => {
    const { entryLayout, showUnvoted } = readSetup(doc)
    return { entryLayout, showUnvoted }
  })
  const write = (patch: { entryLayout?: EntryLayout; showUnvoted?: boolean }) => {
    if (!editor.readOnly) updateSetup(doc, patch, LOCAL_ORIGIN)
  }
  return (
    <fieldset className="notes-export-options" data-testid="notes-export-options">
      <legend>{t('notes-export-options')}</legend>
      <div role="radiogroup" aria-label={t('notes-layout')}>
        <span>{t('notes-layout')}</span>
        {(['list', 'table'] as const).map((layout) => (
          <label key={layout} className="notes-check">
            <input
              type="radio"
              name="entry-layout"
              value={layout}
              checked={setup.entryLayout === layout}
              disabled={readOnly}
              data-testid={`notes-layout-${layout}`}
              onChange={() => write({ entryLayout: layout })}
            />
            <span>{t(layout === 'list' ? 'notes-layout-list' : 'notes-layout-table')}</span>
          </label>
        ))}
      </div>
      <label className="notes-check">
        <input
          type="checkbox"
          checked={setup.showUnvoted}
          disabled={readOnly}
          data-testid="notes-show-unvoted"
          onChange={(e) => write({ showUnvoted: e.target.checked })}
        />
        <span>{t('notes-show-unvoted')}</span>
      </label>
    </fieldset>
  )
}

function Suggestions({
  title,
  items,
  readOnly,
  onAdd,
  onShow,
}: {
  title: string
  items: Suggestion[]
  readOnly: boolean
  onAdd: (s: Suggestion) => void
  onShow: (s: Suggestion) => void
}) {
  return (
    <div className="notes-suggestions" data-testid="notes-suggestions">
      <h4>{title}</h4>
      <ul>
        {items.map((s) => (
          <li key={`${s.sourceId}:${s.text}`}>
            <button type="button" className="link-button" onClick={() => onShow(s)}>
              {s.text}
            </button>
            {!readOnly && (
              <button type="button" className="button button--secondary" onClick={() => onAdd(s)}>
                {t('notes-add-suggestion')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </div>
  )
}

/** Bold scribe points, each addable to a section of the reader's choice. */
function BoldCandidates({
  items,
  readOnly,
  onAdd,
}: {
  items: Suggestion[]
  readOnly: boolean
  onAdd: (spec: NewEntry) => void
}) {
  const [section, setSection] = useState<NoteSection>('features')
  return (
    <section className="notes-suggestions" data-testid="notes-bold">
      <h4>{t('notes-bold-points')}</h4>
      {!readOnly && (
        <label className="notes-field notes-field--inline">
          <span>{t('notes-bold-into')}</span>
          <select
            className="text-input"
            value={section}
            onChange={(e) => setSection(e.target.value as NoteSection)}
          >
            {NOTE_SECTIONS.map((s) => (
              <option key={s} value={s}>
                {t(SECTION_LABELS[s])}
              </option>
            ))}
          </select>
        </label>
      )}
      <ul>
        {items.map((s) => (
          <li key={s.text}>
            <strong>{s.text}</strong>
            {!readOnly && (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => onAdd({ section, text: s.text })}
              >
                {t('notes-add-suggestion')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

/** Selects the post-it or arrow an entry came from and brings it into view. */
export function showSource(editor: Editor, id: string): void {
  const item = editor.items.get(id)
  const arrow = item ? null : connectors(editor.doc).get(id)
  const box = item
    ? item
    : arrow
      ? {
          x: Math.min(arrow.from.x, arrow.to.x) - 80,
          y: Math.min(arrow.from.y, arrow.to.y) - 80,
          w: Math.abs(arrow.to.x - arrow.from.x) + 160,
          h: Math.abs(arrow.to.y - arrow.from.y) + 160,
        }
      : null
  if (!box) return
  editor.select([id])
  editor.setCamera(fitBounds(box, editor.view.get().size, 120, 1.5))
}
