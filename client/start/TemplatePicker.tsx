/**
 * Choosing what a new board starts with: blank, "Roles and gaps" (one poster with two lanes per
 * breakout group) or "Ideal process" (one poster per focus, and the legend of marks).
 */
import { t } from '../i18n/i18n.ts'
import type { CreateRequest } from './api.ts'

export type TemplateChoice =
  | { template: 'blank' }
  | { template: 'roles-and-gaps'; groups: number }
  | { template: 'ideal-process'; focuses: string }

export const DEFAULT_FOCUSES = [
  'Volunteer product development',
  'WMF / WMDE product development',
  '3rd party',
].join('\n')

export function initialChoice(): TemplateChoice {
  return { template: 'blank' }
}

/** The API request for a choice: the template name and its options. */
export function templateRequest(choice: TemplateChoice): CreateRequest {
  switch (choice.template) {
    case 'blank':
      return {}
    case 'roles-and-gaps':
      return { template: 'roles-and-gaps', options: { groups: choice.groups } }
    case 'ideal-process': {
      const focuses = choice.focuses
        .split('\n')
        .map((f) => f.trim())
        .filter(Boolean)
        .slice(0, 12)
      return { template: 'ideal-process', options: focuses.length ? { focuses } : {} }
    }
  }
}

const OPTIONS = [
  { template: 'blank', title: 'template-blank', text: 'template-blank-text' },
  { template: 'roles-and-gaps', title: 'template-roles', text: 'template-roles-text' },
  { template: 'ideal-process', title: 'template-process', text: 'template-process-text' },
] as const

export function TemplatePicker({
  choice,
  onChange,
}: {
  choice: TemplateChoice
  onChange: (c: TemplateChoice) => void
}) {
  const pick = (template: TemplateChoice['template']) => {
    if (template === choice.template) return
    if (template === 'blank') onChange({ template })
    else if (template === 'roles-and-gaps') onChange({ template, groups: 8 })
    else onChange({ template, focuses: DEFAULT_FOCUSES })
  }
  return (
    <fieldset className="template-picker" data-testid="template-picker">
      <legend>{t('template-legend')}</legend>
      <div className="template-options">
        {OPTIONS.map((o) => (
          <label
            key={o.template}
            className={`template-option ${choice.template === o.template ? 'template-option--on' : ''}`}
          >
            <input
              type="radio"
              name="template"
              value={o.template}
              data-testid={`template-${o.template}`}
              checked={choice.template === o.template}
              onChange={() => pick(o.template)}
            />
            <span className="template-title">{t(o.title)}</span>
            <span className="template-text">{t(o.text)}</span>
          </label>
        ))}
      </div>
      {choice.template === 'roles-and-gaps' && (
        <label className="field">
          <span>{t('template-groups')}</span>
          <input
            className="text-input"
            type="number"
            min={1}
            max={24}
            data-testid="template-groups"
            value={choice.groups}
            onChange={(e) =>
              onChange({
                ...choice,
                groups: Math.max(1, Math.min(24, Math.round(Number(e.target.value) || 1))),
              })
            }
          />
        </label>
      )}
      {choice.template === 'ideal-process' && (
        <label className="field">
          <span>{t('template-focuses')}</span>
          <textarea
            className="text-input"
            rows={3}
            data-testid="template-focuses"
            value={choice.focuses}
            dir="auto"
            onChange={(e) => onChange({ ...choice, focuses: e.target.value })}
          />
        </label>
      )}
    </fieldset>
  )
}
