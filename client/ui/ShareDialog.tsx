/** The links to hand out: all three when this device created the board, else our own. */
import type { Editor } from '../editor/editor.ts'
import { t } from '../i18n/i18n.ts'
import { readLinks } from '../lib/links.ts'
import { CopyField } from './CopyField.tsx'
import { Dialog } from './Dialog.tsx'

export function ShareDialog({
  editor,
  boardId,
  token,
  onClose,
}: {
  editor: Editor
  boardId: string
  token: string
  onClose: () => void
}) {
  const links = editor.user.role === 'facilitator' ? readLinks(boardId) : null
  const own = `${location.origin}/b/${boardId}#token=${encodeURIComponent(token)}`
  return (
    <Dialog title={t('share-title')} onClose={onClose}>
      {links ? (
        <>
          <p className="dialog-text">{t('share-intro')}</p>
          <CopyField label={t('link-participant')} value={links.participant} />
          <CopyField label={t('link-viewer')} value={links.viewer} />
          <CopyField label={t('link-facilitator')} value={links.facilitator} />
        </>
      ) : (
        <>
          <p className="dialog-text">{t('share-own-intro')}</p>
          <CopyField label={t(`link-${editor.user.role}`)} value={own} />
        </>
      )}
    </Dialog>
  )
}
