/**
 * Reading a byte stream in exact-size pieces (a header line, a frame's length word, its payload)
 * whatever size the chunks arrive in: a File's stream gives 64 KiB chunks, a test may give one
 * byte at a time.
 */
export type ByteSource =
	ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | Iterable<Uint8Array>;

type Pull = () => Promise<IteratorResult<Uint8Array>>;

function pullerOf(source: ByteSource): { pull: Pull; cancel: () => Promise<void> } {
	if (typeof ReadableStream !== 'undefined' && source instanceof ReadableStream) {
		const reader = source.getReader();
		return {
			pull: async () => {
				const r = await reader.read();
				return r.done ? { done: true, value: undefined } : { done: false, value: r.value };
			},
			cancel: () => reader.cancel().catch(() => undefined)
		};
	}
	const it =
		Symbol.asyncIterator in source
			? (source as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
			: (source as Iterable<Uint8Array>)[Symbol.iterator]();
	return {
		pull: async () => it.next(),
		cancel: async () => {
			await it.return?.();
		}
	};
}

export class ByteReader {
	readonly #pull: Pull;
	readonly #cancel: () => Promise<void>;
	/** Unread chunks; the first one is read from #offset on. */
	#chunks: Uint8Array[] = [];
	#offset = 0;
	#buffered = 0;
	#done = false;

	constructor(source: ByteSource) {
		const p = pullerOf(source);
		this.#pull = p.pull;
		this.#cancel = p.cancel;
	}

	/** Buffers at least n bytes unless the stream ends first. */
	async #fill(n: number): Promise<void> {
		while (this.#buffered < n && !this.#done) {
			const r = await this.#pull();
			if (r.done) {
				this.#done = true;
				break;
			}
			if (!(r.value instanceof Uint8Array))
				throw new TypeError('byte source must yield Uint8Array');
			if (r.value.length === 0) continue;
			this.#chunks.push(r.value);
			this.#buffered += r.value.length;
		}
	}

	/** Copies the first n buffered bytes (n ≤ buffered), consuming them unless peeking. */
	#take(n: number, consume: boolean): Uint8Array {
		const first = this.#chunks[0];
		if (first && first.length - this.#offset >= n && consume) {
			const out = first.subarray(this.#offset, this.#offset + n);
			this.#advance(n);
			return out;
		}
		const out = new Uint8Array(n);
		let written = 0;
		let offset = this.#offset;
		for (const chunk of this.#chunks) {
			if (written === n) break;
			const part = chunk.subarray(offset, offset + (n - written));
			out.set(part, written);
			written += part.length;
			offset = 0;
		}
		if (consume) this.#advance(n);
		return out;
	}

	#advance(n: number): void {
		this.#buffered -= n;
		let left = n;
		while (left > 0) {
			const first = this.#chunks[0];
			if (!first) break;
			const available = first.length - this.#offset;
			if (available > left) {
				this.#offset += left;
				return;
			}
			left -= available;
			this.#chunks.shift();
			this.#offset = 0;
		}
	}

	/** The next n bytes without consuming them; fewer when the stream ends first. */
	async peek(n: number): Promise<Uint8Array> {
		await this.#fill(n);
		return this.#take(Math.min(n, this.#buffered), false);
	}

	/** The next n bytes; fewer when the stream ends first. */
	async read(n: number): Promise<Uint8Array> {
		await this.#fill(n);
		return this.#take(Math.min(n, this.#buffered), true);
	}

	/**
	 * The bytes up to the next newline (consumed with it, not returned); 'eof' when the stream ends
	 * first, 'too_long' when no newline comes within max bytes.
	 */
	async readLine(max: number): Promise<Uint8Array | 'eof' | 'too_long'> {
		let scanned = 0;
		for (;;) {
			const at = this.#indexOfNewline(scanned);
			if (at >= 0) {
				if (at > max) return 'too_long';
				const line = this.#take(at, true);
				this.#advance(1);
				return line;
			}
			scanned = this.#buffered;
			if (scanned > max) return 'too_long';
			if (this.#done) return 'eof';
			await this.#fill(this.#buffered + 1);
		}
	}

	#indexOfNewline(from: number): number {
		let base = 0;
		let offset = this.#offset;
		for (const chunk of this.#chunks) {
			const len = chunk.length - offset;
			if (from < base + len) {
				const i = chunk.indexOf(0x0a, offset + Math.max(0, from - base));
				if (i >= 0) return base + i - offset;
			}
			base += len;
			offset = 0;
		}
		return -1;
	}

	/** True when every byte has been read. */
	async atEnd(): Promise<boolean> {
		await this.#fill(1);
		return this.#buffered === 0;
	}

	/**
	 * Stops reading the source (the rest of a file nobody needs). Does not wait for the source to
	 * acknowledge: a read still in flight on a stream that sends nothing more would never let it.
	 */
	async cancel(): Promise<void> {
		this.#chunks = [];
		this.#buffered = 0;
		if (!this.#done) {
			this.#done = true;
			void this.#cancel().catch(() => undefined);
		}
	}
}

export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
	const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
	let at = 0;
	for (const p of parts) {
		out.set(p, at);
		at += p.length;
	}
	return out;
}

export function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
	if (a.length !== b.length) return false;
	let diff = 0;
	for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
	return diff === 0;
}

export function toBase64(bytes: Uint8Array): string {
	let s = '';
	for (const b of bytes) s += String.fromCharCode(b);
	return btoa(s);
}

/** Bytes of a base64 string; throws on anything else (headers are validated before this). */
export function fromBase64(s: string): Uint8Array {
	const bin = atob(s);
	const out = new Uint8Array(bin.length);
	for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
	return out;
}

/** WebCrypto's parameter types want an ArrayBuffer-backed view; ours always are. */
export const buf = (u: Uint8Array): Uint8Array<ArrayBuffer> => u as Uint8Array<ArrayBuffer>;
