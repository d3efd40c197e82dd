/** Connection and save status, in words, from the provider and the server's acks. */
import { t } from '../i18n/i18n.ts'
import { useSaveState, useSessionStatus } from '../sync/useSessionState.ts'
import type { BoardSession } from '../sync/session.ts'
import { Icon } from './icons.tsx'

export function StatusIndicator({ session }: { session: BoardSession }) {
  const { connection } = useSessionStatus(session)
  const save = useSaveState(session)
  const connectionText =
    connection === 'online'
      ? t('status-online')
      : connection === 'offline'
        ? t('status-offline')
        : connection === 'reconnecting'
          ? t('status-reconnecting')
          : connection === 'invalid'
            ? t('status-invalid')
            : t('status-connecting')
  const saveText =
    save.kind === 'saved'
      ? t('save-saved')
      : save.kind === 'saving'
        ? t('save-saving')
        : save.pending === 0
          ? t('save-waiting-none')
          : t('save-waiting', save.pending)
  return (
    <div className="status" data-testid="status">
      <span className={`status-dot status-dot--${connection}`} aria-hidden="true" />
      <span className="status-connection" data-testid="connection-status" data-state={connection}>
        {connectionText}
      </span>
      <span className="status-sep" aria-hidden="true">
        ·
      </span>
      {/* The full words; on a phone a short form (an icon, the count waiting) stands in for
          them on screen while the words stay its accessible name and tooltip. */}
      <span
        className={`status-save status-save--${save.kind}`}
        data-testid="save-status"
        data-state={save.kind}
        role="status"
        title={saveText}
      >
        <span className="status-save-short" aria-hidden="true" data-testid="save-status-short">
          {save.kind === 'saved' ? (
            <Icon name="check" size={16} />
          ) : save.kind === 'saving' ? (
            '…'
          ) : (
            <>
              <Icon name="cloudOff" size={16} />
              {save.pending > 0 && save.pending}
            </>
          )}
        </span>
        <span className="status-save-text">{saveText}</span>
      </span>
    </div>
  )
}
