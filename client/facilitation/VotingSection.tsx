/** Opening, closing and revealing dot-voting rounds; who has not voted yet; ranked results. */
import { useState } from 'react'
import { rounds } from '../../shared/doc/index.ts'
import { newId, recordTypes, type RoundRecord } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import type { FacilitationClient } from './facilitationClient.ts'
import { isFrame } from '../../shared/schema/index.ts'
import { Results, useRevealedRounds } from './Results.tsx'

const ORIGIN = 'facilitation-ui'

export function VotingSection({ editor, fac }: { editor: Editor; fac: FacilitationClient }) {
  const all = useStore(fac.state, (s) => s.rounds)
  const voters = useStore(fac.state, (s) => s.voters)
  const peers = useStore(editor.presence, (p) => p)
  const revealed = useRevealedRounds(fac)
  const [draft, setDraft] = useState(() => ({
    title: t('fac-round-default-title'),
    scope: 'board' as RoundRecord['scope'],
    dotsPerPerson: 3,
    maxPerItem: 3,
    anonymous: false,
    hideUntilReveal: false,
    deadline: '',
  }))
  const set = (patch: Partial<typeof draft>) => setDraft((d) => ({ ...d, ...patch }))
  const update = (id: string, patch: Partial<RoundRecord>) =>
    rounds(fac.doc).update([[id, patch]], ORIGIN, fac.now())

  const open = () => {
    const frameIds =
      draft.scope === 'board'
        ? []
        : editor
            .selectedItems()
            .filter(isFrame)
            .map((f) => f.id)
    const round: RoundRecord = {
      ...recordTypes.round.defaults(),
      id: newId(),
      kind: 'round',
      title: draft.title.trim() || t('fac-round-default-title'),
      scope: draft.scope,
      frameIds,
      dotsPerPerson: draft.dotsPerPerson,
      maxPerItem: Math.min(draft.maxPerItem, draft.dotsPerPerson),
      anonymous: draft.anonymous,
      hideUntilReveal: draft.hideUntilReveal || draft.anonymous,
      deadline: draft.deadline ? new Date(draft.deadline).getTime() : null,
      state: 'open',
      openedAt: Math.round(fac.now()),
    }
    rounds(fac.doc).add([round], ORIGIN)
  }

  const participants = peers.filter((p) => p.user.role === 'participant')
  return (
    <div className="fac-section">
      <h3>{t('fac-new-round')}</h3>
      <div className="fac-form" data-testid="round-form">
        <input
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
          aria-label={t('fac-round-title')}
          maxLength={200}
        />
        <label>
          {t('fac-round-scope')}{' '}
          <select
            value={draft.scope}
            onChange={(e) => set({ scope: e.target.value as RoundRecord['scope'] })}
          >
            <option value="board">{t('fac-scope-board')}</option>
            <option value="frames">{t('fac-scope-frames')}</option>
            <option value="takeaways">{t('fac-scope-takeaways')}</option>
          </select>
        </label>
        <label>
          {t('fac-round-dots')}{' '}
          <input
            type="number"
            min={1}
            max={100}
            className="fac-number"
            value={draft.dotsPerPerson}
            onChange={(e) =>
              set({ dotsPerPerson: Math.max(1, Math.min(100, Number(e.target.value) || 1)) })
            }
            data-testid="round-dots"
          />
        </label>
        <label>
          {t('fac-round-stacking')}{' '}
          <input
            type="number"
            min={1}
            max={100}
            className="fac-number"
            value={draft.maxPerItem}
            onChange={(e) =>
              set({ maxPerItem: Math.max(1, Math.min(100, Number(e.target.value) || 1)) })
            }
            data-testid="round-max-per-item"
          />
        </label>
        {(
          [
            ['anonymous', 'fac-round-anonymous'],
            ['hideUntilReveal', 'fac-round-hidden'],
          ] as const
        ).map(([key, label]) => (
          <label key={key}>
            <input
              type="checkbox"
              checked={draft[key]}
              onChange={(e) => set({ [key]: e.target.checked })}
              data-testid={`round-${key}`}
            />{' '}
            {t(label)}
          </label>
        ))}
        <label>
          {t('fac-deadline-label')}{' '}
          <input
            type="datetime-local"
            value={draft.deadline}
            onChange={(e) => set({ deadline: e.target.value })}
          />
        </label>
        <button type="button" className="button" onClick={open} data-testid="round-open">
          {t('fac-open-round')}
        </button>
      </div>

      {all.length > 0 && <h3>{t('fac-rounds')}</h3>}
      <ul className="fac-rounds">
        {all.map((r) => {
          const who = voters[r.id] ?? { count: 0, ids: [] }
          const missing = who.ids
            ? participants.filter((p) => !who.ids!.includes(p.user.id)).map((p) => p.user.name)
            : null
          return (
            <li key={r.id} data-testid="round" data-state={r.state}>
              <strong>{r.title}</strong>{' '}
              <span className="fac-muted">{t(`fac-round-state-${r.state}`)}</span>
              <div className="fac-muted" data-testid="round-voters">
                {t('fac-voted-count', who.count)}
                {missing && missing.length > 0 && ` · ${t('fac-not-voted', missing.join(', '))}`}
              </div>
              <div className="fac-row">
                {r.state === 'open' && (
                  <button
                    type="button"
                    className="button button--secondary"
                    onClick={() =>
                      update(r.id, { state: 'closed', closedAt: Math.round(fac.now()) })
                    }
                    data-testid="round-close"
                  >
                    {t('fac-close-round')}
                  </button>
                )}
                {r.state !== 'revealed' && (
                  <button
                    type="button"
                    className="button"
                    onClick={() =>
                      update(r.id, {
                        state: 'revealed',
                        closedAt: r.closedAt ?? Math.round(fac.now()),
                        revealedAt: Math.round(fac.now()),
                      })
                    }
                    data-testid="round-reveal"
                  >
                    {t('fac-reveal-round')}
                  </button>
                )}
              </div>
            </li>
          )
        })}
      </ul>
      {revealed.map((r) => (
        <Results key={r.id} round={r} />
      ))}
    </div>
  )
}
