/**
 * The generator's one source of chance: sfc32 (Chris Doty-Humphrey's small fast counting generator),
 * seeded from a string, so that the same seed gives the same rows on every machine and engine —
 * Math.random cannot be seeded.
 */
export class Random {
	#a: number;
	#b: number;
	#c: number;
	#d: number;

	constructor(seed: string) {
		// FNV-1a over the seed, stretched into four words; then a few rounds to mix them.
		let h = 0x811c9dc5;
		for (let i = 0; i < seed.length; i++) h = Math.imul(h ^ seed.charCodeAt(i), 0x01000193);
		this.#a = h >>> 0;
		this.#b = Math.imul(h, 0x9e3779b1) >>> 0;
		this.#c = Math.imul(h ^ 0x5bd1e995, 0x85ebca6b) >>> 0;
		this.#d = 1;
		for (let i = 0; i < 15; i++) this.next();
	}

	/** A number in [0, 1). */
	next(): number {
		const a = this.#a,
			b = this.#b,
			c = this.#c,
			d = this.#d;
		const t = (((a + b) | 0) + d) | 0;
		this.#d = (d + 1) | 0;
		this.#a = b ^ (b >>> 9);
		this.#b = (c + (c << 3)) | 0;
		const r = (c << 21) | (c >>> 11);
		this.#c = (r + t) | 0;
		return (t >>> 0) / 4294967296;
	}

	/** An integer in [0, n). */
	int(n: number): number {
		return Math.floor(this.next() * n);
	}

	/** An integer in [min, max]. */
	between(min: number, max: number): number {
		return min + this.int(max - min + 1);
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[this.int(items.length)]!;
	}

	/** One of `items`, each as likely as its weight. */
	weighted<T>(items: readonly (readonly [T, number])[]): T {
		let total = 0;
		for (const [, w] of items) total += w;
		let r = this.next() * total;
		for (const [item, w] of items) {
			r -= w;
			if (r < 0) return item;
		}
		return items[items.length - 1]![0];
	}

	/** `count` random characters of base32 (the alphabet of the app's tokens). */
	base32(count: number): string {
		const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
		let out = '';
		for (let i = 0; i < count; i++) out += alphabet[this.int(32)];
		return out;
	}
}
