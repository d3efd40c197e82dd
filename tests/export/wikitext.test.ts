import { describe, expect, it } from 'vitest'
import Parser from 'wikiparser-node'
import { renderExport, snapshotBoard } from '../../shared/export/index.ts'
import { HOSTILE, buildHostileBoard } from '../fixtures/hostile-board.ts'
import { buildSeedBoard } from '../fixtures/seed-board.ts'
import { expectGolden, tagCounts, visibleLines, visibleText } from './helpers.ts'

const wikitextOf = (doc = buildSeedBoard()) => renderExport(doc, 'wikitext').body

interface Node {
  type: string
  childNodes?: Node[]
}

function tokenTypes(root: Node): Set<string> {
  const types = new Set<string>()
  const walk = (n: Node) => {
    types.add(n.type)
    n.childNodes?.forEach(walk)
  }
  walk(root)
  return types
}

interface Heading {
  level: number
  innerText: string
}

const headings = (wiki: string) =>
  (Parser.parse(wiki).querySelectorAll('heading') as unknown as Heading[]).map(
    (h) => `${'='.repeat(h.level)} ${visibleText(h.innerText.trim())}`,
  )

describe('wikitext export of the seed board', () => {
  const wiki = wikitextOf()
  const html = Parser.parse(wiki).toHtml()

  it('matches the reviewed golden file', () => {
    expectGolden('seed-board.wiki', wiki)
  })

  it('has the sections of the notes page, in order', () => {
    const h2 = headings(wiki).filter((h) => h.startsWith('== '))
    expect(h2).toEqual([
      '== Session Setup',
      '== Questions to answer during this session',
      '== Attendees list',
      '== Structured notes',
      '== Questions and answers',
      '== Features and goals',
      '== Important decisions to make',
      '== Action items',
      '== New questions',
      '== Detailed notes',
      '== Posters',
      '== Other post-its',
      '== Dot voting results',
    ])
    const posters = headings(wiki)
    const from = posters.indexOf('== Posters')
    expect(posters.slice(from + 1, from + 5)).toEqual([
      '=== Group 2',
      '=== Group 3',
      '=== Wikimedia - WMF & WMDE product development',
      '=== 3rd Party',
    ])
  })

  it('writes the setup, questions and structured-notes prompts', () => {
    const lines = visibleLines(html)
    expect(lines).toContain('Theme: Working together, decision making and responsibilities')
    expect(lines).toContain('Leader(s): Birgit, Greg')
    expect(lines).toContain('Facilitator: Deb')
    expect(lines).toContain(
      'Q: Who owns the decisions in the development process and at what points?',
    )
    expect(lines).toContain('A: Not answered.')
    expect(lines).toContain(
      'Why is this important? We get stuck in loops and it is not clear who decides to move us out of each of them.',
    )
    expect(lines).toContain('Who is responsible? MediaWiki stakeholders group')
    expect(html).toContain('<b>Theme:</b>')
  })

  it('lists lanes as lists and gaps with the roles they relate to', () => {
    expect(html).toMatch(
      /<li>Long Term maintenance\s*<ul><li>Relates to: PM, CP, RE<\/li><\/ul><\/li>/,
    )
    expect(html).toMatch(
      /<li>Reconciling needs of wikimedia and non-wikimedia Wikis\s*<ul><li>Relates to: WMF Engineer, PM, TechCom, 3rd party<\/li>/,
    )
  })

  it('writes the process map as numbered steps with its markings in words and symbols', () => {
    const steps = [
      ...html.matchAll(/<li>(Idea|Validation|Beta|Production|Maintenance|Sunsetting) —/g),
    ]
    expect(steps.map((m) => m[1])).toEqual([
      'Idea',
      'Validation',
      'Beta',
      'Production',
      'Maintenance',
      'Sunsetting',
    ])
    expect(wiki).toMatch(
      /^# Idea — ''involved:'' Volunteers, product, research, community — ✓ exists$/m,
    )
    expect(wiki).toMatch(/^#\* → step 2: Validation — ♥ heart \(good connection\)/m)
    expect(wiki).toMatch(/^#\* → step 3: Beta — \? question mark \(open question\)/m)
    expect(wiki).toMatch(/^#\* → step 5: Maintenance — ⚡ broken line \(breakdown or problem\)/m)
    expect(wiki).toMatch(/^# Maintenance — ✗ missing$/m)
  })

  it('keeps the scribes’ bold points bold', () => {
    expect(wiki).toContain("'''not learning from mistakes can be dangerous'''")
    expect(html).toContain('<b>not learning from mistakes can be dangerous</b>')
    expect(html).toContain(
      '<b>Still the major unresolved question - who owns the decision to move from each stage to the next?</b>',
    )
  })

  it('groups dot-voting results by poster, ranks them overall and hides open rounds', () => {
    const voting = wiki.slice(wiki.indexOf('== Dot voting results =='))
    const third = voting.slice(voting.indexOf('==== 3rd Party ===='))
    expect(third).toMatch(
      /^Currently not working well:\n\n\* Choose a Release Manager for 3rd party releases \(0\)$/m,
    )
    const ranking = voting.slice(voting.indexOf("'''Overall ranking'''"))
    const ranked = [...ranking.matchAll(/^# \((\d+)\) (.*?) — /gm)].map((m) => `${m[2]} (${m[1]})`)
    expect(ranked.slice(0, 3)).toEqual([
      'How do we plan for maintenance once a product is in production? (21)',
      'Governing body, SIG with regular meetings and diverse participation (16)',
      'Decision, approval, Technical Committee (10)',
    ])
    expect(ranked).toContain('Define update mechanism (9)')
    // Nobody chose it: listed with its poster, not in the ranking.
    expect(ranked.some((r) => r.startsWith('Choose a Release Manager'))).toBe(false)
    expect(wiki).not.toContain('Follow-up topics')
    expect(visibleLines(html)).toContain('Define update mechanism (9)')
  })

  it('stamps the licence at the end', () => {
    const tail = wiki.trimEnd().split('\n').slice(-3)
    expect(tail[0]).toBe('----')
    expect(tail[2]).toContain('[https://creativecommons.org/licenses/by-sa/4.0/ ')
  })
})

describe('wikitext escaping', () => {
  const wiki = wikitextOf(buildHostileBoard())
  const root = Parser.parse(wiki)
  const html = root.toHtml()

  it('turns no user text into markup', () => {
    const types = tokenTypes(root as unknown as Node)
    for (const forbidden of [
      'template',
      'magic-word',
      'parser-function',
      'arg',
      'link',
      'category',
      'ext',
      'ext-link',
      'free-ext-link',
      'magic-link',
      'comment',
      'table',
      'double-underscore',
      'converter',
      'noinclude',
      'include',
    ]) {
      expect(types.has(forbidden), forbidden).toBe(false)
    }
    // The only files are our suggested poster pictures, named from ASCII stems.
    const files = root.querySelectorAll('file') as unknown as { name: string }[]
    expect(files.length).toBe(snapshotBoard(buildHostileBoard()).posters.length)
    for (const f of files) expect(f.name).toMatch(/^File:[A-Za-z0-9-]+\.png$/)
    const figures = html.match(/<figure[\s\S]*?<\/figure>/g) ?? []
    expect(figures.length).toBe(files.length)
    const tags = tagCounts(figures.reduce((rest, f) => rest.replace(f, ''), html))
    expect([...tags.keys()].sort()).toEqual(
      ['b', 'br', 'div', 'h2', 'h3', 'h4', 'hr', 'i', 'li', 'ol', 'p', 'ul'].filter((t) =>
        tags.has(t),
      ),
    )
    expect(tags.get('hr')).toBe(1)
    expect(tags.get('a')).toBeUndefined()
  })

  it('adds no headings of its own', () => {
    const h = headings(wiki)
    // Agenda and Connections join the sections; no loose notes on this board.
    expect(h.filter((x) => x.startsWith('== ')).length).toBe(14)
    expect(h).toContain('=== == fake ==')
    // The poster's title, and again over its voting results.
    expect(h.filter((x) => x.includes('fake'))).toEqual(['=== == fake ==', '==== == fake =='])
  })

  it('shows every hostile string literally', () => {
    const text = visibleText(html)
    for (const s of HOSTILE) expect(text, s).toContain(s.trim())
    const lines = visibleLines(html)
    expect(lines).toContain('Theme: == fake ==')
    expect(lines).toContain('Leader(s): [[Link]]')
    expect(lines).toContain("Scribe: '''")
    expect(lines).toContain('* lane {{x}}')
    expect(lines).toContain('Relates to: [[Tag]] |}')
  })

  it('keeps bold next to apostrophes apart', () => {
    expect(visibleText(html)).toContain("'''it's[[bold link]]'")
    expect(visibleText(html)).toContain("'''it's[[bold link]]'")
    expect(html).toMatch(/<b>&#39;&#39;&#39;<\/b>it's<b>&#91;&#91;bold link&#93;&#93;<\/b>&#39;/)
  })
})
