import { useState } from 'react'
import { t } from '../i18n/i18n.ts'
import { Icon } from './icons.tsx'

/** A read-only link with a copy button that says when it copied. */
export function CopyField({
  label,
  value,
  testId,
}: {
  label: string
  value: string
  testId?: string
}) {
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value)
      setCopied(true)
      setTimeout(() => setCopied(false), 1500)
    } catch {
      // Clipboard refused (insecure context): the field is selectable instead.
    }
  }
  return (
    <label className="copy-field">
      <span className="copy-label">{label}</span>
      <span className="copy-row">
        <input readOnly value={value} data-testid={testId} onFocus={(e) => e.target.select()} />
        <button type="button" className="button button--secondary" onClick={() => void copy()}>
          <Icon name={copied ? 'check' : 'copy'} size={16} />
          {copied ? t('copied') : t('copy')}
        </button>
      </span>
    </label>
  )
}
