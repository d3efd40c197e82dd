import { z } from 'zod'
import type { Template } from './template.ts'

/** An empty canvas. */
export const blank: Template = {
  title: 'Blank',
  options: z.object({}),
  build: () => ({ meta: {}, items: [] }),
}
