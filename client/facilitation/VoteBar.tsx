/**
 * A participant's side of dot voting: dots left, click a post-it to give it a dot (while voting
 * is on), their own dots with a way to take each back, and the results once revealed.
 */
import { useEffect, useState } from 'react'
import type { Facilitation, RoundRecord } from '../../shared/schema/index.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { facilitatorTime } from '../remote/PersonTime.tsx'
import type { FacilitationClient } from './facilitationClient.ts'
import { Results, useRevealedRounds } from './Results.tsx'
import { localTime } from './useNow.ts'

export function VoteBar({ editor, fac }: { editor: Editor; fac: FacilitationClient }) {
  const round = useStore(fac.state, (s) => s.rounds.findLast((r) => r.state === 'open') ?? null)
  const mine = useStore(fac.state, (s) => (round ? s.myVotes[round.id] : undefined))
  const error = useStore(fac.state, (s) => s.voteError)
  const [voting, setVoting] = useState(true)
  const active = Boolean(round) && voting && editor.user.role !== 'viewer'

  // While voting, a click on a post-it gives it a dot instead of selecting it.
  useEffect(() => {
    if (!active || !round) return
    // One dot per click: the select tool may select again on pointer up, so only the first new
    // selection after each pointer down counts.
    // Nothing stays selected while voting, so that a click on any post-it (even the one
    // selected before) is a new selection, and so a dot.
    editor.select([])
    let last = editor.view.get().selection
    let armed = true
    const arm = () => (armed = true)
    window.addEventListener('pointerdown', arm, true)
    const stop = editor.view.subscribe(() => {
      const selection = editor.view.get().selection
      if (selection === last) return
      last = selection
      if (selection.size !== 1) return
      const item = editor.items.get([...selection][0]!)
      if (!item || item.kind === 'frame') return
      editor.select([])
      if (!armed) return
      armed = false
      fac.vote({ op: 'place', roundId: round.id, itemId: item.id })
    })
    return () => {
      stop()
      window.removeEventListener('pointerdown', arm, true)
    }
  }, [active, round, editor, fac])

  if (!round) return <RevealedResults fac={fac} presenter={editor.user.role === 'viewer'} />
  // A viewer (the projector) votes nowhere: it shows the round and how many have voted.
  if (editor.user.role === 'viewer') return <RoundProgress fac={fac} round={round} />
  const left = mine?.left ?? round.dotsPerPerson
  return (
    <section className="fac-votebar" data-testid="vote-bar" aria-live="polite">
      <div className="fac-row">
        <strong>{round.title}</strong>
        <span className="fac-dots" data-testid="dots-left" data-left={left}>
          {'●'.repeat(Math.min(left, 20))}
          {'○'.repeat(Math.min(mine?.dots.length ?? 0, 20))} {t('fac-dots-left', left)}
        </span>
        <button
          type="button"
          className={`button button--secondary${voting ? ' button--pressed' : ''}`}
          aria-pressed={voting}
          onClick={() => setVoting((v) => !v)}
          data-testid="voting-toggle"
        >
          {t(voting ? 'fac-voting-on' : 'fac-voting-off')}
        </button>
      </div>
      {round.deadline !== null && (
        <div className="fac-muted" title={facilitatorTime(editor, round.deadline)}>
          {t('fac-deadline', localTime(round.deadline))}
        </div>
      )}
      {voting && <div className="fac-muted">{t('fac-voting-hint')}</div>}
      {error && (
        <div className="fac-error" role="alert">
          {t('fac-vote-refused', error)}
        </div>
      )}
      {mine && mine.dots.length > 0 && (
        <ul className="fac-mydots" data-testid="my-dots">
          {mine.dots.map((d) => {
            const item = editor.items.get(d.itemId)
            const text = item?.kind === 'note' || item?.kind === 'label' ? item.text : ''
            return (
              <li key={d.id} data-testid="my-dot">
                <span className="fac-dot" aria-hidden="true" /> {text || t('fac-untitled-item')}
                <button
                  type="button"
                  className="fac-small"
                  onClick={() => fac.vote({ op: 'remove', roundId: round.id, itemId: d.itemId })}
                >
                  {t('fac-take-back')}
                </button>
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}

/** The open round as a room sees it: its title, who has voted so far and until when. */
function RoundProgress({ fac, round }: { fac: FacilitationClient; round: RoundRecord }) {
  const voted = useStore(fac.state, (s) => s.voters[round.id]?.count ?? 0)
  return (
    <section className="fac-votebar" data-testid="vote-progress" aria-live="polite">
      <div className="fac-row">
        <strong>{round.title}</strong>
        <span data-testid="vote-progress-count" data-count={voted}>
          {t('fac-voted-count', voted)}
        </span>
      </div>
      {round.deadline !== null && (
        <div className="fac-muted">{t('fac-deadline', localTime(round.deadline))}</div>
      )}
    </section>
  )
}

/**
 * The latest revealed round, for everyone, until closed or until the facilitator moves on (a
 * part, a phase, the timer or a call to look somewhere): results step aside on their own.
 */
function RevealedResults({ fac, presenter }: { fac: FacilitationClient; presenter: boolean }) {
  const revealed = useRevealedRounds(fac)
  const [closed, setClosed] = useState<string | null>(null)
  const last = revealed.at(-1)
  const moment = useStore(fac.state, (s) => facilitatorMoment(s.facilitation))
  const [shownAt, setShownAt] = useState<{ id: string; moment: string } | null>(null)
  useEffect(() => {
    if (last && shownAt?.id !== last.id) setShownAt({ id: last.id, moment })
  }, [last, shownAt, moment])
  if (!last || closed === last.id) return null
  if (shownAt?.id === last.id && shownAt.moment !== moment) return null
  return (
    <section
      className={`fac-votebar fac-results-card${presenter ? ' fac-results-card--presenter' : ''}`}
      data-testid="vote-results"
    >
      <Results round={last} />
      {!presenter && (
        <button type="button" className="fac-small" onClick={() => setClosed(last.id)}>
          {t('close')}
        </button>
      )}
    </section>
  )
}

/** What the facilitator is doing, as a key: when it changes, the room has moved on. */
const facilitatorMoment = (f: Facilitation): string =>
  JSON.stringify([f.currentPartId, f.phase, f.timer.state, f.timer.endsAt, f.focus?.at ?? null])
