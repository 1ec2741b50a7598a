/**
 * Byte chunks kept until they can be written: the one-pass encoder's gzip stream, held until the
 * header (which carries the body's checksum and counts) is known. Every SPILL_BYTES the chunks
 * are moved into a Blob, which the browser keeps outside the JS heap (and on disk when large),
 * so a 100 MB body does not sit in the page's memory; reading back yields them in order.
 */
const SPILL_BYTES = 4 << 20;

export class Spool {
	#blobs: Blob[] = [];
	#chunks: Uint8Array[] = [];
	#size = 0;

	push(chunk: Uint8Array): void {
		if (chunk.length === 0) return;
		this.#chunks.push(chunk);
		this.#size += chunk.length;
		if (this.#size >= SPILL_BYTES) this.#spill();
	}

	#spill(): void {
		this.#blobs.push(new Blob(this.#chunks as BlobPart[]));
		this.#chunks = [];
		this.#size = 0;
	}

	/** Everything pushed, in order; the spool is empty afterwards. */
	async *drain(): AsyncGenerator<Uint8Array> {
		const blobs = this.#blobs;
		const rest = this.#chunks;
		this.#blobs = [];
		this.#chunks = [];
		this.#size = 0;
		// Taken off the list before it is read, so each part is in memory only while it is written.
		for (let blob = blobs.shift(); blob; blob = blobs.shift())
			yield new Uint8Array(await blob.arrayBuffer());
		yield* rest;
	}
}
