import { z } from 'zod'
import type { Item } from '../schema/index.ts'
import { frame, label, note, connector } from './parts.ts'
import type { Template } from './template.ts'

const POSTER_W = 1800
const POSTER_H = 1000

/**
 * Part II of the seed workshop: one poster per focus for an ideal process, and a legend of the
 * three marks groups put on arrows.
 */
export const idealProcess: Template = {
  title: 'Ideal process',
  options: z.object({
    focuses: z
      .array(z.string().trim().min(1).max(100))
      .min(1)
      .max(12)
      .default(['Volunteer product development', 'WMF / WMDE product development', '3rd party']),
  }),
  build: (options: { focuses: string[] }, ctx) => {
    const posters = options.focuses.map((focus, i) =>
      frame(ctx, {
        x: 0,
        y: 360 + i * (POSTER_H + 120),
        w: POSTER_W,
        h: POSTER_H,
        z: i + 1,
        title: focus,
        takeawayHeadings: [
          'Identified takeaways',
          'Additional ideas',
          'Important/good that we have this',
        ],
      }),
    )
    // The legend: three sample connections between pairs of notes, one per mark.
    const z = posters.length + 1
    const legend = [
      { text: 'Good connection between groups', marker: 'heart', line: 'solid' },
      { text: 'Breakdown or problem', marker: 'none', line: 'broken' },
      { text: 'Open question', marker: 'question', line: 'solid' },
    ] as const
    const items: Item[] = [
      label(ctx, {
        x: 0,
        y: 0,
        w: 1400,
        h: 80,
        z,
        fontSize: 40,
        text: 'Part II: List the steps of an ideal process and who is involved at each. Then mark what already exists.',
      }),
    ]
    const connectors = legend.map((entry, i) => {
      const y = 120 + i * 70
      const a = note(ctx, { x: 0, y, w: 120, h: 50, z, color: 'grey', text: 'Step' })
      const b = note(ctx, { x: 280, y, w: 120, h: 50, z, color: 'grey', text: 'Step' })
      const text = label(ctx, {
        x: 430,
        y: y + 8,
        w: 520,
        h: 40,
        z,
        fontSize: 24,
        text: entry.text,
      })
      items.push(a, b, text)
      return connector(ctx, {
        z,
        from: { itemId: a.id, x: 120, y: y + 25 },
        to: { itemId: b.id, x: 280, y: y + 25 },
        marker: entry.marker,
        line: entry.line,
      })
    })
    return { meta: {}, items: [...items, ...posters], connectors }
  },
}
