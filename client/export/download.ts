/** Hands a file to the browser's download machinery (an <a download>, then lets go of it). */
export function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.append(a)
  a.click()
  a.remove()
  // The download has its own reference; revoking right away can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** File name stems come from the same rule as the text exports' picture suggestions. */
export { fileStem } from '../../shared/export/model.ts'
