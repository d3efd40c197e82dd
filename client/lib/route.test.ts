import { describe, expect, it } from 'vitest'
import { parseRoute, tokenFromHash } from './route.ts'

describe('routes', () => {
  it('reads the start page and board ids', () => {
    expect(parseRoute('/')).toEqual({ page: 'start' })
    expect(parseRoute('/b/abc_D-1')).toEqual({ page: 'board', boardId: 'abc_D-1' })
    expect(parseRoute('/b/abc/')).toEqual({ page: 'board', boardId: 'abc' })
    expect(parseRoute('/b/../x')).toEqual({ page: 'missing' })
    expect(parseRoute('/elsewhere')).toEqual({ page: 'missing' })
  })

  it('reads the token from the fragment only', () => {
    expect(tokenFromHash('#token=p.abc')).toBe('p.abc')
    expect(tokenFromHash('')).toBeNull()
    expect(tokenFromHash('#other=1')).toBeNull()
  })
})
