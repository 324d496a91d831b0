/**
 * A size in bytes as a language writes it. Client-safe.
 *
 * Intl's unit style for Paraglide's `getLocale()`: "20 MB", "20 МБ", "1,4 MB" in Azerbaijani, "512 kB",
 * "873 bytes", "873 байта". Counted in multiples of 1024, as FILE_SIZE_LIMIT ("20M") and adapter-node's
 * BODY_SIZE_LIMIT are: the limit a hint names is the limit a refusal names.
 */
import { getLocale } from '../paraglide/runtime.js';

type ByteUnit = 'byte' | 'kilobyte' | 'megabyte' | 'gigabyte';

const formats = new Map<string, Intl.NumberFormat>();

/** The formatter of a language, a unit and a number of decimals, made once. */
function formatFor(locale: string, unit: ByteUnit, decimals: number): Intl.NumberFormat {
	const key = `${locale} ${unit} ${decimals}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(locale, {
			style: 'unit',
			unit,
			// "873 bytes" rather than "873 byte": a byte has no short form worth the name.
			unitDisplay: unit === 'byte' ? 'long' : 'short',
			maximumFractionDigits: decimals
		});
		formats.set(key, format);
	}
	return format;
}

/** "20 MB", "512 kB", "1.4 MB", "873 bytes" in the reader's language (or the one given). */
export function formatByteSize(bytes: number, locale: string = getLocale()): string {
	const [value, unit]: [number, ByteUnit] =
		bytes < 1024
			? [bytes, 'byte']
			: bytes < 1024 ** 2
				? [bytes / 1024, 'kilobyte']
				: bytes < 1024 ** 3
					? [bytes / 1024 ** 2, 'megabyte']
					: [bytes / 1024 ** 3, 'gigabyte'];
	// One decimal below ten ("1.4 MB"), none above ("12 MB"): as precise as a reader needs.
	return formatFor(locale, unit, value >= 10 ? 0 : 1).format(value);
}
