/** The shared countdown and the current agenda part, for everyone; large on the projector. */
import { useEffect, useRef, useState } from 'react'
import { formatCountdown, isFinished, remainingMs } from '../../shared/facilitation/timer.ts'
import { useCover } from '../canvas/covers.ts'
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { useStore } from '../lib/store.ts'
import { facilitatorTime } from '../remote/PersonTime.tsx'
import type { FacilitationClient } from './facilitationClient.ts'
import { beep } from './sound.ts'
import { localTime, useNow } from './useNow.ts'

export function TimerChip({ editor, fac }: { editor: Editor; fac: FacilitationClient }) {
  const { timer, agenda, currentPartId, phase } = useStore(fac.state, (s) => s.facilitation)
  const now = useNow(fac.now)
  const [sound, setSound] = useState(false)
  const cover = useCover()
  const left = remainingMs(timer, now)
  const done = isFinished(timer, now)
  const part = agenda.find((p) => p.id === currentPartId)
  // The cue sounds once per run, when it reaches zero while this page watches.
  const sounded = useRef<number | null>(null)
  useEffect(() => {
    if (done && sound && sounded.current !== timer.endsAt) {
      sounded.current = timer.endsAt
      beep()
    }
  }, [done, sound, timer.endsAt])
  const showTimer = timer.state !== 'stopped' || part
  if (!showTimer && phase.deadline === null && !phase.private) return null
  return (
    <div
      ref={cover}
      className={`fac-timer${done ? ' fac-timer--done' : ''}`}
      role="timer"
      aria-live={done ? 'assertive' : 'off'}
      data-testid="timer"
    >
      {part && <span className="fac-timer-part">{part.title}</span>}
      {showTimer && (
        <span className="fac-timer-time" data-testid="timer-time" data-state={timer.state}>
          {done ? t('fac-time-up') : formatCountdown(left)}
        </span>
      )}
      {timer.state === 'paused' && <span className="badge">{t('fac-paused')}</span>}
      {phase.deadline !== null && (
        <span
          className="fac-timer-deadline"
          data-testid="deadline"
          title={facilitatorTime(editor, phase.deadline)}
        >
          {t('fac-deadline', localTime(phase.deadline))}
        </span>
      )}
      {phase.private && <span className="badge fac-badge-private">{t('fac-private-on')}</span>}
      <button
        type="button"
        className="fac-icon-button"
        aria-pressed={sound}
        title={t(sound ? 'fac-sound-off' : 'fac-sound-on')}
        onClick={() => setSound((s) => !s)}
      >
        <Bell on={sound} />
      </button>
    </div>
  )
}

/** A bell, struck through when the end sound is off (no emoji: projectors lack the fonts). */
function Bell({ on }: { on: boolean }) {
  return (
    <svg
      width="16"
      height="16"
      viewBox="0 0 24 24"
      aria-hidden="true"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
    >
      <path d="M6 16V11a6 6 0 0 1 12 0v5l2 2H4z" />
      <path d="M10 20a2 2 0 0 0 4 0" />
      {!on && <path d="M3 3l18 18" />}
    </svg>
  )
}
