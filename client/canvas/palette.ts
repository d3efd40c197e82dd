/** The canvas draws with the board's one palette, shared with the picture exports. */
export * from '../../shared/palette/index.ts'
