/**
 * A minimal WebSocket client (RFC 6455) for the capacity bench's load processes, where a
 * thousand sockets share two cores with the server under test. It reads every frame the server
 * sends and hands each message on whole, as `ws` does, without `ws`'s stream machinery per
 * chunk; what a browser does natively. Enough of `ws`'s client API for BenchClient: 'open',
 * 'message', 'close', 'error' and 'unexpected-response' events, send, close, terminate,
 * readyState, bufferedAmount. No extensions (the server is offered none), text frames are
 * delivered as bytes, pings are answered.
 */
import { createHash, randomBytes } from 'node:crypto'
import { EventEmitter } from 'node:events'
import { connect, type Socket } from 'node:net'

const GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11'
const OP_CONTINUATION = 0x0
const OP_CLOSE = 0x8
const OP_PING = 0x9
const OP_PONG = 0xa
const OP_BINARY = 0x2

export class LeanSocket extends EventEmitter {
  readyState = 0 // CONNECTING
  /** The TCP socket (named as `ws` names it, so BenchClient.throttle works on both). */
  readonly _socket: Socket
  private readonly key = randomBytes(16).toString('base64')
  private pending: Buffer | null = null
  private fragments: Buffer[] = []
  private closeCode = 1006
  private closeSent = false

  constructor(url: string) {
    super()
    const u = new URL(url)
    this._socket = connect(Number(u.port), u.hostname)
    this._socket.setNoDelay(true)
    this._socket.once('connect', () =>
      this._socket.write(
        `GET ${u.pathname}${u.search} HTTP/1.1\r\nHost: ${u.host}\r\nUpgrade: websocket\r\n` +
          `Connection: Upgrade\r\nSec-WebSocket-Key: ${this.key}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      ),
    )
    this._socket.on('data', (chunk: Buffer) => this.onData(chunk))
    this._socket.on('error', (err) => this.emit('error', err))
    this._socket.on('close', () => {
      const wasOpen = this.readyState !== 0
      this.readyState = 3 // CLOSED
      if (wasOpen) this.emit('close', this.closeCode)
      else this.emit('close', 1006)
    })
  }

  get bufferedAmount(): number {
    return this._socket.writableLength
  }

  /** Sends one binary message (masked with a zero key: the mask is mandatory, its value not). */
  send(data: Uint8Array): void {
    if (this.readyState !== 1) return
    this.writeFrame(OP_BINARY, data)
  }

  close(code = 1000): void {
    if (this.readyState === 0) return this.terminate()
    if (this.readyState !== 1) return
    this.readyState = 2 // CLOSING
    this.sendClose(code)
  }

  terminate(): void {
    this._socket.destroy()
  }

  private sendClose(code: number): void {
    if (this.closeSent) return
    this.closeSent = true
    const payload = Buffer.alloc(2)
    payload.writeUInt16BE(code)
    this.writeFrame(OP_CLOSE, payload)
  }

  private writeFrame(opcode: number, data: Uint8Array): void {
    const len = data.length
    const head = len < 126 ? 2 : len < 65536 ? 4 : 10
    const frame = Buffer.allocUnsafe(head + 4 + len)
    frame[0] = 0x80 | opcode
    if (len < 126) frame[1] = 0x80 | len
    else if (len < 65536) {
      frame[1] = 0x80 | 126
      frame.writeUInt16BE(len, 2)
    } else {
      frame[1] = 0x80 | 127
      frame.writeBigUInt64BE(BigInt(len), 2)
    }
    frame.writeUInt32BE(0, head)
    frame.set(data, head + 4)
    this._socket.write(frame)
  }

  private onData(chunk: Buffer): void {
    let buf = this.pending ? Buffer.concat([this.pending, chunk]) : chunk
    this.pending = null
    if (this.readyState === 0) {
      const end = buf.indexOf('\r\n\r\n')
      if (end < 0) {
        this.pending = buf
        return
      }
      if (!this.handshake(buf.subarray(0, end).toString('latin1'))) return
      buf = buf.subarray(end + 4)
    }
    let off = 0
    while (buf.length - off >= 2) {
      const b0 = buf[off]!
      let len = buf[off + 1]! & 0x7f
      let head = 2
      if (len === 126) {
        if (buf.length - off < 4) break
        len = buf.readUInt16BE(off + 2)
        head = 4
      } else if (len === 127) {
        if (buf.length - off < 10) break
        len = Number(buf.readBigUInt64BE(off + 2))
        head = 10
      }
      if (buf.length - off < head + len) break
      this.onFrame(b0 & 0x80, b0 & 0x0f, buf.subarray(off + head, off + head + len))
      off += head + len
    }
    if (off < buf.length) this.pending = buf.subarray(off)
  }

  private handshake(head: string): boolean {
    const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0)
    const accept = /\r\nsec-websocket-accept:\s*(\S+)/i.exec(head)?.[1]
    const expected = createHash('sha1')
      .update(this.key + GUID)
      .digest('base64')
    if (status !== 101 || accept !== expected) {
      this.emit('unexpected-response', null, { statusCode: status })
      this.terminate()
      return false
    }
    this.readyState = 1 // OPEN
    this.emit('open')
    return true
  }

  private onFrame(fin: number, opcode: number, payload: Buffer): void {
    if (opcode === OP_PING) return this.writeFrame(OP_PONG, payload)
    if (opcode === OP_PONG) return
    if (opcode === OP_CLOSE) {
      this.closeCode = payload.length >= 2 ? payload.readUInt16BE(0) : 1005
      this.readyState = 2
      this.sendClose(this.closeCode === 1005 ? 1000 : this.closeCode)
      this._socket.end()
      return
    }
    // Data: a whole message, or its fragments until the last (the server sends whole ones).
    if (!fin || (opcode === OP_CONTINUATION && this.fragments.length > 0)) {
      this.fragments.push(payload)
      if (!fin) return
      payload = Buffer.concat(this.fragments)
      this.fragments = []
    }
    if (this.readyState === 1) this.emit('message', payload)
  }
}
