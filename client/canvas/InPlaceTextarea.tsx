/**
 * The textarea of in-place editing, whatever it edits: focused with the caret at the end when it
 * opens; when someone else types in the same text it takes their version, keeping the caret near
 * where it was; it closes on Escape, on Enter for one-line text (Ctrl/Cmd+Enter otherwise) and
 * when it loses focus. Mount it once per edit (keyed), so it focuses each time editing starts.
 */
import { useEffect, useLayoutEffect, useRef, type CSSProperties } from 'react'
import { FONT_FAMILY, INK } from './palette.ts'

interface Props {
  /** The text as the document has it now. */
  value: string
  style: CSSProperties
  label: string
  maxLength: number
  singleLine: boolean
  placeholder?: string
  onInput: (text: string) => void
  onClose: () => void
}

export function InPlaceTextarea({
  value,
  style,
  label,
  maxLength,
  singleLine,
  placeholder,
  onInput,
  onClose,
}: Props) {
  const ref = useRef<HTMLTextAreaElement>(null)

  useEffect(() => {
    const el = ref.current
    if (!el) return
    // The board's container must not scroll to show a textarea that reaches past its edge.
    el.focus({ preventScroll: true })
    el.setSelectionRange(el.value.length, el.value.length)
  }, [])

  useLayoutEffect(() => {
    const el = ref.current
    if (!el || el.value === value) return
    const { selectionStart, selectionEnd } = el
    const shift = value.length - el.value.length
    const before = el.value.slice(0, selectionStart) === value.slice(0, selectionStart)
    el.value = value
    const at = before ? selectionStart : selectionStart + shift
    el.setSelectionRange(Math.max(0, at), Math.max(0, before ? selectionEnd : selectionEnd + shift))
  }, [value])

  return (
    <textarea
      ref={ref}
      className="text-editor"
      data-testid="text-editor"
      aria-label={label}
      placeholder={placeholder}
      defaultValue={value}
      dir="auto"
      maxLength={maxLength}
      style={{ ...style, fontFamily: FONT_FAMILY, color: INK }}
      onChange={(e) => onInput(singleLine ? e.target.value.replace(/\n/g, ' ') : e.target.value)}
      onKeyDown={(e) => {
        e.stopPropagation()
        if (e.key === 'Escape' || (e.key === 'Enter' && (singleLine || e.metaKey || e.ctrlKey))) {
          e.preventDefault()
          onClose()
        }
      }}
      onBlur={onClose}
    />
  )
}
