/** Form fields bound to the document: every change is written at once, as a minimal text diff. */
import { useEffect, useState } from 'react'

interface FieldProps {
  label: string
  value: string
  onChange: (value: string) => void
  readOnly: boolean
  multiline?: boolean
  placeholder?: string
  maxLength?: number
  testId?: string
}

/**
 * A text field showing the document's value. Typing writes through (concurrent typing merges in
 * the Y.Text); a remote change shows at once unless it equals what is being typed.
 */
export function SyncedField({
  label,
  value,
  onChange,
  readOnly,
  multiline,
  placeholder,
  maxLength = 5000,
  testId,
}: FieldProps) {
  const common = {
    value,
    placeholder,
    maxLength,
    readOnly,
    'aria-label': label,
    'data-testid': testId,
    className: 'text-input notes-input',
    onChange: (e: { target: { value: string } }) => onChange(e.target.value),
  }
  return (
    <label className="notes-field">
      <span>{label}</span>
      {multiline ? <textarea rows={3} {...common} /> : <input {...common} />}
    </label>
  )
}

/** A field written when it loses focus (for values that are not collaborative text). */
export function CommitField({
  label,
  value,
  onCommit,
  readOnly,
  testId,
}: {
  label: string
  value: string
  onCommit: (value: string) => void
  readOnly: boolean
  testId?: string
}) {
  const [draft, setDraft] = useState(value)
  const [focused, setFocused] = useState(false)
  useEffect(() => {
    if (!focused) setDraft(value)
  }, [value, focused])
  return (
    <input
      className="text-input notes-input"
      aria-label={label}
      placeholder={label}
      value={draft}
      readOnly={readOnly}
      data-testid={testId}
      maxLength={2000}
      onFocus={() => setFocused(true)}
      onChange={(e) => setDraft(e.target.value)}
      onBlur={() => {
        setFocused(false)
        if (draft !== value) onCommit(draft)
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') e.currentTarget.blur()
      }}
    />
  )
}
