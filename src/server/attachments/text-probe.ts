/**
 * Whether a stream of bytes is text: valid UTF-8 without NUL bytes, checked chunk by chunk as the
 * file arrives, so a 10 MB log costs no more memory than one chunk.
 */
export class TextProbe {
	#decoder = new TextDecoder('utf-8', { fatal: true });
	#text = true;

	push(chunk: Uint8Array): void {
		if (!this.#text) return;
		if (chunk.includes(0)) {
			this.#text = false;
			return;
		}
		try {
			this.#decoder.decode(chunk, { stream: true });
		} catch {
			this.#text = false;
		}
	}

	/** After the last chunk: true when every byte was text (an empty input is not text). */
	end(totalBytes: number): boolean {
		if (!this.#text || totalBytes === 0) return false;
		try {
			this.#decoder.decode();
			return true;
		} catch {
			return false;
		}
	}
}
