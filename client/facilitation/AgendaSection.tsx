/** Agenda parts with planned minutes, the current part, the shared timer and the phase. */
import { useState } from 'react'
import { extendTimer, pauseTimer, resetTimer, startTimer } from '../../shared/facilitation/timer.ts'
import { newId, type AgendaPart, type Phase } from '../../shared/schema/index.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import type { Editor } from '../editor/editor.ts'
import type { FacilitationClient } from './facilitationClient.ts'
import { isFrame } from '../../shared/schema/index.ts'

export function AgendaSection({ editor, fac }: { editor: Editor; fac: FacilitationClient }) {
  const f = useStore(fac.state, (s) => s.facilitation)
  // Private writing can be for one poster: the selected one.
  const posterId = useStore(
    editor.view,
    (v) => [...v.selection].find((id) => editor.items.get(id)?.kind === 'frame') ?? null,
  )
  const found = posterId ? editor.items.get(posterId) : undefined
  const poster = found && isFrame(found) ? found : null
  const [title, setTitle] = useState('')
  const [minutes, setMinutes] = useState(10)
  const setAgenda = (agenda: AgendaPart[]) => fac.write({ agenda })
  const startPart = (part: AgendaPart) =>
    fac.write({
      currentPartId: part.id,
      timer: startTimer(resetTimer(f.timer, part.minutes * 60_000), fac.now()),
    })
  const setPhase = (patch: Partial<Phase>) => fac.write({ phase: { ...f.phase, ...patch } })

  return (
    <div className="fac-section">
      <h3>{t('fac-agenda')}</h3>
      <ol className="fac-agenda" data-testid="agenda">
        {f.agenda.map((part) => (
          <li
            key={part.id}
            className={part.id === f.currentPartId ? 'fac-agenda-current' : undefined}
            aria-current={part.id === f.currentPartId ? 'step' : undefined}
          >
            <span className="fac-grow">{part.title}</span>
            <span className="fac-muted">{t('fac-minutes', part.minutes)}</span>
            <button type="button" className="fac-small" onClick={() => startPart(part)}>
              {t('fac-start-part')}
            </button>
            <button
              type="button"
              className="fac-small"
              title={t('fac-remove')}
              onClick={() => setAgenda(f.agenda.filter((p) => p.id !== part.id))}
            >
              ×
            </button>
          </li>
        ))}
      </ol>
      <form
        className="fac-row"
        onSubmit={(e) => {
          e.preventDefault()
          if (!title.trim()) return
          setAgenda([...f.agenda, { id: newId(), title: title.trim(), kind: 'other', minutes }])
          setTitle('')
        }}
      >
        <input
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          placeholder={t('fac-part-title')}
          aria-label={t('fac-part-title')}
          maxLength={200}
          data-testid="agenda-title"
        />
        <input
          type="number"
          min={0}
          max={1440}
          value={minutes}
          onChange={(e) => setMinutes(Math.max(0, Math.min(1440, Number(e.target.value) || 0)))}
          aria-label={t('fac-part-minutes')}
          className="fac-number"
          data-testid="agenda-minutes"
        />
        <button type="submit" className="button button--secondary" data-testid="agenda-add">
          {t('fac-add-part')}
        </button>
      </form>

      <h3>{t('fac-timer')}</h3>
      <div className="fac-row">
        <label>
          {t('fac-timer-minutes')}{' '}
          <input
            type="number"
            min={0}
            max={10080}
            className="fac-number"
            value={Math.round(f.timer.durationMs / 60_000)}
            onChange={(e) =>
              fac.write({
                timer: resetTimer(f.timer, Math.max(0, Number(e.target.value) || 0) * 60_000),
              })
            }
            data-testid="timer-minutes"
          />
        </label>
      </div>
      <div className="fac-row">
        {f.timer.state === 'running' ? (
          <button
            type="button"
            className="button"
            onClick={() => fac.write({ timer: pauseTimer(f.timer, fac.now()) })}
            data-testid="timer-pause"
          >
            {t('fac-pause')}
          </button>
        ) : (
          <button
            type="button"
            className="button"
            onClick={() => fac.write({ timer: startTimer(f.timer, fac.now()) })}
            data-testid="timer-start"
          >
            {t('fac-start')}
          </button>
        )}
        {[1, 5].map((m) => (
          <button
            key={m}
            type="button"
            className="button button--secondary"
            onClick={() => fac.write({ timer: extendTimer(f.timer, m * 60_000, fac.now()) })}
          >
            {t('fac-extend', m)}
          </button>
        ))}
        <button
          type="button"
          className="button button--secondary"
          onClick={() => fac.write({ timer: resetTimer(f.timer) })}
          data-testid="timer-reset"
        >
          {t('fac-reset')}
        </button>
      </div>

      <h3>{t('fac-phase')}</h3>
      <div className="fac-row">
        <select
          value={f.phase.kind}
          onChange={(e) => setPhase({ kind: e.target.value as Phase['kind'] })}
          aria-label={t('fac-phase')}
        >
          <option value="none">{t('fac-phase-none')}</option>
          <option value="writing">{t('fac-phase-writing')}</option>
          <option value="voting">{t('fac-phase-voting')}</option>
        </select>
        <label>
          {t('fac-deadline-label')}{' '}
          <input
            type="datetime-local"
            value={f.phase.deadline === null ? '' : toLocalInput(f.phase.deadline)}
            onChange={(e) =>
              setPhase({ deadline: e.target.value ? new Date(e.target.value).getTime() : null })
            }
          />
        </label>
      </div>
      <div className="fac-row">
        {f.phase.private ? (
          <button
            type="button"
            className="button"
            onClick={() => setPhase({ private: false })}
            data-testid="private-reveal"
          >
            {t('fac-private-reveal')}
          </button>
        ) : (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setPhase({ private: true, kind: 'writing', frameId: null })}
            data-testid="private-start"
          >
            {t('fac-private-start')}
          </button>
        )}
        {!f.phase.private && poster && (
          <button
            type="button"
            className="button button--secondary"
            onClick={() => setPhase({ private: true, kind: 'writing', frameId: poster.id })}
          >
            {t('fac-private-start-poster', poster.title || t('fac-untitled-item'))}
          </button>
        )}
      </div>
    </div>
  )
}

/** A time for a datetime-local input, in this browser's timezone. */
function toLocalInput(ms: number): string {
  const d = new Date(ms)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`
}
