/** The session setup, edited together: title, people, description, questions, licence. */
import {
  LOCAL_ORIGIN,
  metaMap,
  people,
  readMeta,
  readSetup,
  updateSetup,
} from '../../shared/doc/index.ts'
import { LICENSES, newId, type Setup } from '../../shared/schema/index.ts'
import { renameBoard } from '../actions/renameBoard.ts'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { CommitField, SyncedField } from './fields.tsx'
import { useDocValue } from './useDoc.ts'

const TEXT_FIELDS: { key: keyof Setup; label: MessageKey; multiline?: boolean }[] = [
  { key: 'theme', label: 'setup-theme' },
  { key: 'exercises', label: 'setup-exercises' },
  { key: 'leaders', label: 'setup-leaders' },
  { key: 'facilitator', label: 'setup-facilitator' },
  { key: 'scribes', label: 'setup-scribes' },
  { key: 'description', label: 'setup-description', multiline: true },
  { key: 'attendees', label: 'setup-attendees', multiline: true },
]

const LICENSE_LABELS: Record<(typeof LICENSES)[number], MessageKey> = {
  'CC-BY-SA-4.0': 'license-cc-by-sa',
  'CC-BY-4.0': 'license-cc-by',
  'CC0-1.0': 'license-cc0',
  none: 'license-none',
}

export function SetupTab({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const doc = editor.doc
  const setup = useDocValue(
    () => [doc.getMap('setup')],
    () => readSetup(doc),
  )
  const title = useDocValue(
    () => [metaMap(doc)],
    () => readMeta(doc).title,
  )
  const write = (patch: Partial<Setup>) => {
    if (!editor.readOnly) updateSetup(doc, patch, LOCAL_ORIGIN)
  }
  const canRename = !readOnly && editor.user.role === 'facilitator'
  return (
    <div className="notes-tab" data-testid="notes-setup">
      <label className="notes-field">
        <span>{t('setup-title')}</span>
        <CommitField
          label={t('setup-title')}
          value={title}
          readOnly={!canRename}
          onCommit={(v) => editor.run(renameBoard, v)}
          testId="setup-title"
        />
      </label>
      {TEXT_FIELDS.map(({ key, label, multiline }) => (
        <SyncedField
          key={key}
          label={t(label)}
          value={String(setup[key])}
          multiline={multiline}
          readOnly={readOnly}
          maxLength={multiline ? 10_000 : 500}
          onChange={(v) => write({ [key]: v })}
          testId={`setup-${key}`}
        />
      ))}
      <fieldset className="notes-questions">
        <legend>{t('setup-questions')}</legend>
        {setup.questions.map((q, i) => (
          <div key={q.id} className="notes-question-row">
            <CommitField
              label={t('setup-question', i + 1)}
              value={q.text}
              readOnly={readOnly}
              testId="setup-question"
              onCommit={(text) =>
                write({
                  questions: readSetup(doc).questions.map((x) =>
                    x.id === q.id ? { ...x, text } : x,
                  ),
                })
              }
            />
            {!readOnly && (
              <button
                type="button"
                className="icon-button"
                aria-label={t('setup-question-remove', i + 1)}
                onClick={() =>
                  write({ questions: readSetup(doc).questions.filter((x) => x.id !== q.id) })
                }
              >
                ×
              </button>
            )}
          </div>
        ))}
        {!readOnly && (
          <button
            type="button"
            className="link-button"
            data-testid="setup-add-question"
            onClick={() =>
              write({ questions: [...readSetup(doc).questions, { id: newId(), text: '' }] })
            }
          >
            {t('setup-add-question')}
          </button>
        )}
      </fieldset>
      <label className="notes-field">
        <span>{t('setup-license')}</span>
        <select
          className="text-input"
          value={setup.license}
          disabled={readOnly}
          data-testid="setup-license"
          onChange={(e) => write({ license: e.target.value as Setup['license'] })}
        >
          {LICENSES.map((l) => (
            <option key={l} value={l}>
              {t(LICENSE_LABELS[l])}
            </option>
          ))}
        </select>
      </label>
      <NameInExports editor={editor} readOnly={readOnly} />
    </div>
  )
}

/** Each person's own choice to be named in exports; nobody is named unless they say so. */
function NameInExports({ editor, readOnly }: { editor: Editor; readOnly: boolean }) {
  const doc = editor.doc
  const me = useDocValue(
    () => [people(doc).map],
    () => people(doc).get(editor.user.id),
  )
  const named = me?.named ?? false
  const toggle = (value: boolean) => {
    if (editor.readOnly) return
    const record = {
      id: editor.user.id,
      kind: 'person' as const,
      name: editor.user.name,
      named: value,
    }
    doc.transact(() => {
      if (me) people(doc).update([[me.id, { named: value, name: editor.user.name }]], LOCAL_ORIGIN)
      else people(doc).add([record], LOCAL_ORIGIN)
    }, LOCAL_ORIGIN)
  }
  return (
    <label className="notes-check">
      <input
        type="checkbox"
        checked={named}
        disabled={readOnly}
        data-testid="name-in-exports"
        onChange={(e) => toggle(e.target.checked)}
      />
      <span>{t('setup-name-me', editor.user.name || t('setup-name-me-unnamed'))}</span>
    </label>
  )
}
