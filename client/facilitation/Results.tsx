/** Ranked results of revealed rounds, "Define update mechanism (9)", as the exports count them. */
import { useMemo, useSyncExternalStore } from 'react'
import { dots } from '../../shared/doc/index.ts'
import { snapshotBoard, type RoundView } from '../../shared/export/index.ts'
import { t } from '../i18n/i18n.ts'
import type { FacilitationClient } from './facilitationClient.ts'

export function useRevealedRounds(fac: FacilitationClient): RoundView[] {
  const key = useSyncExternalStore(
    (cb) => {
      const map = dots(fac.doc).map
      map.observeDeep(cb)
      const stop = fac.state.subscribe(cb)
      return () => {
        map.unobserveDeep(cb)
        stop()
      }
    },
    () =>
      `${dots(fac.doc).map.size}:${fac.state
        .get()
        .rounds.map((r) => r.state)
        .join()}`,
  )
  // Recounted only when dots or round states change (the key says when).
  // eslint-disable-next-line react-hooks/exhaustive-deps
  return useMemo(() => snapshotBoard(fac.doc).rounds, [fac, key])
}

export function Results({ round }: { round: RoundView }) {
  return (
    <section className="fac-results" data-testid="round-results">
      <h3>
        {round.title}{' '}
        <span className="fac-muted">
          {t('fac-results-summary', round.totalDots, round.voterCount)}
        </span>
      </h3>
      <ol>
        {round.results.map((r) => (
          <li key={r.itemId} data-testid="result">
            {r.text || t('fac-untitled-item')} ({r.votes})
            {r.voters.length > 0 && <span className="fac-muted"> · {r.voters.join(', ')}</span>}
          </li>
        ))}
      </ol>
    </section>
  )
}
