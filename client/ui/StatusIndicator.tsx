/** Connection and save status, in words, from the provider and the server's acks. */
import { t } from '../i18n/i18n.ts'
import { useSaveState, useSessionStatus } from '../sync/useSessionState.ts'
import type { BoardSession } from '../sync/session.ts'

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
      <span
        className={`status-save status-save--${save.kind}`}
        data-testid="save-status"
        data-state={save.kind}
        role="status"
      >
        {saveText}
      </span>
    </div>
  )
}
