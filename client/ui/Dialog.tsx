import { useEffect, useRef, type ReactNode } from 'react'
import { t } from '../i18n/i18n.ts'

/** A modal dialog on the native <dialog> element (focus trap and Escape for free). */
export function Dialog({
  title,
  onClose,
  children,
}: {
  title: string
  onClose?: () => void
  children: ReactNode
}) {
  const ref = useRef<HTMLDialogElement>(null)
  useEffect(() => {
    const el = ref.current
    if (el && !el.open) el.showModal()
  }, [])
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-label={title}
      onCancel={(e) => {
        if (!onClose) e.preventDefault()
        else onClose()
      }}
    >
      <header className="dialog-header">
        <h2>{title}</h2>
        {onClose && (
          <button type="button" className="icon-button" aria-label={t('close')} onClick={onClose}>
            ×
          </button>
        )}
      </header>
      {children}
    </dialog>
  )
}
