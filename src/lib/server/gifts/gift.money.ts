/**
 * Amounts in a currency's minor unit, as ISO 4217 defines it (two decimals for AZN and USD, none for
 * JPY, three for KWD): Intl knows each currency's exponent and its list of codes, so none is kept here.
 */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

export function isCurrency(code: string): boolean {
	return CURRENCIES.has(code);
}

/** Decimal places of the currency's minor unit. */
export function currencyExponent(code: string): number {
	return (
		new Intl.NumberFormat('en', { style: 'currency', currency: code }).resolvedOptions()
			.maximumFractionDigits ?? 2
	);
}

/** "1 200,5" in a two-decimal currency is 120050. The text has passed the form's pattern. */
export function toMinorUnits(text: string, exponent: number): number {
	const [whole = '0', fraction = ''] = text.replace(/[ \u00a0\u202f]/g, '').split(/[.,]/);
	return Number(whole) * 10 ** exponent + Number(fraction.padEnd(exponent, '0') || '0');
}

/** 120050 in AZN, as the form shows it again: "1200.50". */
export function fromMinorUnits(minor: number, exponent: number): string {
	if (exponent === 0) return String(minor);
	const text = String(minor).padStart(exponent + 1, '0');
	return `${text.slice(0, -exponent)}.${text.slice(-exponent)}`;
}

/** "AZN 1,200.50" as the reader's page shows it. */
export function formatMoney(minor: number, currency: string): string {
	const exponent = currencyExponent(currency);
	return new Intl.NumberFormat('en-GB', { style: 'currency', currency, currencyDisplay: 'code' }).format(
		minor / 10 ** exponent
	);
}
