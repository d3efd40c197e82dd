import { z } from 'zod'
import { newId } from '../schema/index.ts'
import { frame, grid, label } from './parts.ts'
import type { Template } from './template.ts'

const POSTER_W = 1200
const POSTER_H = 900

/** Part I of the seed workshop: one poster per breakout group with two lanes. */
export const rolesAndGaps: Template = {
  title: 'Roles and gaps',
  options: z.object({
    groups: z.number().int().min(1).max(24).default(8),
  }),
  build: (options: { groups: number }, ctx) => {
    const columns = Math.min(4, options.groups)
    const positions = grid(options.groups, columns, POSTER_W, POSTER_H, 120)
    const posters = positions.map((p, i) =>
      frame(ctx, {
        x: p.x,
        y: p.y + 160,
        w: POSTER_W,
        h: POSTER_H,
        z: i + 1,
        title: `Group ${i + 1}`,
        lanes: [
          { id: newId(), title: 'Role / Motivation / Goal' },
          { id: newId(), title: 'Gaps, unclarities, blockers' },
        ],
        takeawayHeadings: ['Identified takeaways', 'Currently not working well', 'Open questions'],
      }),
    )
    const heading = label(ctx, {
      x: 0,
      y: 0,
      w: 1600,
      h: 120,
      z: 0,
      fontSize: 44,
      text: 'Part I: What is your role and motivation? What gaps, unclarities and blockers hinder productive collaboration for you?',
    })
    return { meta: {}, items: [heading, ...posters] }
  },
}
