/**
 * The fields of a notes item that are not free text: who owns it and by when (action items),
 * whether the room agreed (decisions), how urgent it is, and where it came from.
 */
import { items, connectors, people } from '../../shared/doc/index.ts'
import { formatDue } from '../../shared/export/due.ts'
import {
  AGREEMENTS,
  URGENCIES,
  type Agreement,
  type EntryRecord,
  type Urgency,
} from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { t, type MessageKey } from '../i18n/i18n.ts'
import { ownTimeZone } from '../remote/time.ts'
import { updateEntry } from './entryActions.ts'
import { CommitField } from './fields.tsx'
import { useDocRead } from './useDoc.ts'

const AGREEMENT_LABELS: Record<Agreement, MessageKey> = {
  open: 'agreement-open',
  yes: 'agreement-yes',
  mostly: 'agreement-mostly',
  no: 'agreement-no',
}

const URGENCY_LABELS: Record<Urgency, MessageKey> = {
  none: 'urgency-none',
  low: 'urgency-low',
  medium: 'urgency-medium',
  high: 'urgency-high',
}

type Patch = Partial<
  Pick<EntryRecord, 'ownerId' | 'ownerName' | 'dueAt' | 'dueZone' | 'agreement' | 'urgency'>
>

export function EntryFields({
  editor,
  entry,
  readOnly,
}: {
  editor: Editor
  entry: EntryRecord
  readOnly: boolean
}) {
  const doc = editor.doc
  const set = (patch: Patch) => editor.run(updateEntry, { id: entry.id, patch })
  const everyone = useDocRead(doc, () =>
    people(doc)
      .all()
      .filter((p) => p.name.trim() !== '')
      .sort((a, b) => a.name.localeCompare(b.name)),
  )
  const action = entry.section === 'actions'
  const decision = entry.section === 'decisions'
  return (
    <div className="notes-entry-fields">
      {(action || decision) && (
        <label className="notes-field">
          <span>{t('entry-owner')}</span>
          <select
            className="text-input"
            value={entry.ownerId ?? ''}
            disabled={readOnly}
            data-testid="entry-owner"
            onChange={(e) => set({ ownerId: e.target.value || null })}
          >
            <option value="">{t('entry-owner-none')}</option>
            {everyone.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
            {entry.ownerId !== null && !everyone.some((p) => p.id === entry.ownerId) && (
              <option value={entry.ownerId}>{entry.ownerId}</option>
            )}
          </select>
        </label>
      )}
      {(action || decision) && entry.ownerId === null && (
        <label className="notes-field">
          <span>{t('entry-owner-name')}</span>
          <CommitField
            label={t('entry-owner-name')}
            value={entry.ownerName}
            readOnly={readOnly}
            testId="entry-owner-name"
            onCommit={(v) => set({ ownerName: v.slice(0, 200) })}
          />
        </label>
      )}
      {action && (
        <label className="notes-field">
          <span>{t('entry-due')}</span>
          <input
            type="datetime-local"
            className="text-input"
            readOnly={readOnly}
            data-testid="entry-due"
            value={entry.dueAt === null ? '' : toLocalInput(entry.dueAt)}
            onChange={(e) =>
              set(
                e.target.value
                  ? { dueAt: new Date(e.target.value).getTime(), dueZone: ownTimeZone() }
                  : { dueAt: null, dueZone: '' },
              )
            }
          />
          {entry.dueAt !== null && (
            <small className="notes-hint" data-testid="entry-due-shown">
              {t('entry-due-shown', formatDue(entry.dueAt, entry.dueZone))}
            </small>
          )}
        </label>
      )}
      {decision && (
        <label className="notes-field">
          <span>{t('entry-agreement')}</span>
          <select
            className="text-input"
            value={entry.agreement}
            disabled={readOnly}
            data-testid="entry-agreement"
            onChange={(e) => set({ agreement: e.target.value as Agreement })}
          >
            {AGREEMENTS.map((a) => (
              <option key={a} value={a}>
                {t(AGREEMENT_LABELS[a])}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="notes-field">
        <span>{t('entry-urgency')}</span>
        <select
          className="text-input"
          value={entry.urgency}
          disabled={readOnly}
          data-testid="entry-urgency"
          onChange={(e) => set({ urgency: e.target.value as Urgency })}
        >
          {URGENCIES.map((u) => (
            <option key={u} value={u}>
              {t(URGENCY_LABELS[u])}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

/** "From: “Proposition 7” (Parser)": the post-it or arrow the entry was promoted from. */
export function EntrySourceText({ editor, sourceId }: { editor: Editor; sourceId: string }) {
  const doc = editor.doc
  const text = useDocRead(doc, () => {
    const item = items(doc).get(sourceId)
    if (item) {
      const body = item.kind === 'frame' ? item.title : item.text
      const quoted = `“${body.trim().replace(/\s+/g, ' ').slice(0, 80)}”`
      const parent = item.parentId ? items(doc).get(item.parentId) : null
      return parent?.kind === 'frame'
        ? t('entry-from-poster', quoted, parent.title || '…')
        : t('entry-from', quoted)
    }
    const arrow = connectors(doc).get(sourceId)
    if (arrow) return t('entry-from', `“${arrow.label.trim() || '→'}”`)
    return t('entry-from-removed')
  })
  return (
    <span className="notes-hint" data-testid="entry-source-text">
      {text}
    </span>
  )
}

/** A time for a datetime-local input, in this browser's timezone. */
function toLocalInput(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
