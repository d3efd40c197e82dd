import { describe, expect, it } from 'vitest'
import { buildTemplate } from '../../shared/templates/index.ts'
import { templateRequest } from './TemplatePicker.tsx'

describe('template requests', () => {
  it('asks the API for each template with its options', () => {
    expect(templateRequest({ template: 'blank' })).toEqual({})
    expect(templateRequest({ template: 'roles-and-gaps', groups: 3 })).toEqual({
      template: 'roles-and-gaps',
      options: { groups: 3 },
    })
    expect(templateRequest({ template: 'ideal-process', focuses: ' A \n\nB\n' })).toEqual({
      template: 'ideal-process',
      options: { focuses: ['A', 'B'] },
    })
  })

  it('sends options the templates accept', () => {
    const req = templateRequest({ template: 'ideal-process', focuses: 'Volunteers\nStaff' })
    const built = buildTemplate(req.template!, req.options)
    expect(built.items.filter((i) => i.kind === 'frame')).toHaveLength(2)
    expect(built.connectors?.map((c) => c.marker).sort()).toEqual(['heart', 'none', 'question'])
  })
})
