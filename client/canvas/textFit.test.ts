import { describe, expect, it } from 'vitest'
import { noteFontSize } from './textFit.ts'

describe('noteFontSize', () => {
  it('writes short notes large and long notes small', () => {
    const short = noteFontSize('Code review', 200, 200)
    const long = noteFontSize(
      'Define the update mechanism for third-party tools '.repeat(4),
      200,
      200,
    )
    expect(short).toBeGreaterThanOrEqual(24)
    expect(long).toBeLessThan(short)
  })

  it('grows with the note', () => {
    const text = 'Who is responsible for the deployment pipeline?'
    expect(noteFontSize(text, 400, 400)).toBeGreaterThan(noteFontSize(text, 160, 160))
  })
})
