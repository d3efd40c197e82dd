/** Asks for the name others see next to your cursor; remembered on this device. */
import { useState } from 'react'
import { t } from '../i18n/i18n.ts'
import { Dialog } from './Dialog.tsx'

export function NameDialog({
  initial,
  onSave,
  onClose,
}: {
  initial: string
  onSave: (name: string) => void
  onClose?: () => void
}) {
  const [name, setName] = useState(initial)
  return (
    <Dialog title={t('name-title')} onClose={onClose}>
      <form
        className="dialog-form"
        onSubmit={(e) => {
          e.preventDefault()
          if (name.trim()) onSave(name.trim())
        }}
      >
        <p className="dialog-text">{t('name-intro')}</p>
        <input
          autoFocus
          className="text-input"
          data-testid="name-input"
          maxLength={80}
          value={name}
          placeholder={t('name-placeholder')}
          aria-label={t('name-title')}
          onChange={(e) => setName(e.target.value)}
        />
        <div className="dialog-actions">
          <button type="submit" className="button" disabled={!name.trim()} data-testid="name-save">
            {t('name-save')}
          </button>
        </div>
      </form>
    </Dialog>
  )
}
