/**
 * Time-based one-time passwords (RFC 6238: 30-second steps, 6 digits, SHA-1 as every authenticator app
 * expects) and recovery codes. A code is accepted one step either side of now, to allow for clock drift,
 * and only once: the step it matched is remembered and no earlier or equal step is accepted again.
 */
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { decodeHex, encodeBase32UpperCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { generateSecureRandomString, hashSecret } from './tokens';

export const TOTP_PERIOD_SECONDS = 30;
const DIGITS = 6;
const ISSUER = 'Protokol';

export function newTotpKey(): string {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return encodeHexLowerCase(key);
}

export interface TotpEnrolment {
	/** The key as people type it into an app that cannot scan. */
	secret: string;
	uri: string;
	qrSvg: string;
}

export async function describeEnrolment(keyHex: string, accountName: string): Promise<TotpEnrolment> {
	const key = decodeHex(keyHex);
	const uri = createTOTPKeyURI(ISSUER, accountName, key, TOTP_PERIOD_SECONDS, DIGITS);
	// Loaded here, not with the file: every signed-in page asks the two-factor service whether its user
	// must enrol, and qrcode with its PNG encoder is some sixty modules (docs/performance.md, cold start).
	const { default: QRCode } = await import('qrcode');
	const qrSvg = await QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
	return {
		secret: encodeBase32UpperCaseNoPadding(key)
			.replace(/(.{4})/g, '$1 ')
			.trim(),
		uri,
		qrSvg
	};
}

export function currentStep(now = new Date()): number {
	return Math.floor(now.getTime() / 1000 / TOTP_PERIOD_SECONDS);
}

/** The step a code belongs to (now, or one step either side), or null when it matches none. */
export function matchingStep(keyHex: string, code: string, now = new Date()): number | null {
	const digits = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(digits)) return null;
	const key = decodeHex(keyHex);
	const step = currentStep(now);
	for (const candidate of [step, step - 1, step + 1]) {
		if (generateHOTP(key, BigInt(candidate), DIGITS) === digits) return candidate;
	}
	return null;
}

/** The code an app shows at a given time (tests use it to play the authenticator). */
export function codeAt(keyHex: string, now = new Date()): string {
	return generateHOTP(decodeHex(keyHex), BigInt(currentStep(now)), DIGITS);
}

export const RECOVERY_CODE_COUNT = 10;

/** Ten codes like "k7m2p-x9qrt", each good once; only their hashes are kept. */
export function newRecoveryCodes(): string[] {
	return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
		const raw = generateSecureRandomString().slice(0, 10);
		return `${raw.slice(0, 5)}-${raw.slice(5)}`;
	});
}

export function hashRecoveryCode(code: string): string {
	return hashSecret(code.trim().toLowerCase().replace(/\s/g, ''));
}
