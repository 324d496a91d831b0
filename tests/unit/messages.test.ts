/**
 * The interface's messages (messages/{locale}/<domain>.json, compiled by Paraglide): every key is in all
 * three languages, none empty, with the same {placeholders}; every key sits in its domain's file under
 * its domain's prefix; every key is used somewhere in src, and every key used is defined.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

const ROOT = join(import.meta.dirname, '../..');
const settings = JSON.parse(readFileSync(join(ROOT, 'project.inlang/settings.json'), 'utf8')) as {
	baseLocale: string;
	locales: string[];
	'plugin.inlang.messageFormat': { pathPattern: string[] };
};
const { locales } = settings;
const patterns = settings['plugin.inlang.messageFormat'].pathPattern;
const domainOf = (pattern: string) => pattern.match(/\/([a-z-]+)\.json$/)![1]!;

function messagesOf(pattern: string, locale: string): Record<string, string> {
	const file = join(ROOT, pattern.replace('{locale}', locale));
	const { $schema: _, ...messages } = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
	for (const [key, value] of Object.entries(messages)) {
		if (typeof value !== 'string') throw new Error(`${file}: ${key} is not a plain string`);
	}
	return messages as Record<string, string>;
}

const placeholders = (text: string) => [...text.matchAll(/\{([^}]*)\}/g)].map((found) => found[1]).sort();

const defined = new Set<string>();
for (const pattern of patterns) for (const key of Object.keys(messagesOf(pattern, 'en'))) defined.add(key);

function sourceFiles(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const path = join(dir, name);
		if (path === join(ROOT, 'src/lib/paraglide')) return [];
		if (statSync(path).isDirectory()) return sourceFiles(path);
		return /\.(ts|js|svelte)$/.test(name) ? [path] : [];
	});
}
// A key is used as m.<key> in a file that imports m from the compiled messages (`m` is a local name elsewhere).
const importsMessages = /import \{ m \} from '[^']*paraglide\/messages(\.js)?'/;
const used = new Map<string, string>();
for (const file of sourceFiles(join(ROOT, 'src'))) {
	const text = readFileSync(file, 'utf8');
	if (!importsMessages.test(text)) continue;
	for (const found of text.matchAll(/\bm\.([a-z][a-z0-9_]*)\b/g)) {
		used.set(found[1]!, file.slice(ROOT.length + 1));
	}
}

describe('messages', () => {
	test('every domain file exists in every language, with the same keys, none empty', () => {
		const problems: string[] = [];
		for (const pattern of patterns) {
			const base = messagesOf(pattern, settings.baseLocale);
			for (const locale of locales) {
				const messages = messagesOf(pattern, locale);
				for (const key of Object.keys(base)) {
					if (!(key in messages)) problems.push(`${locale}: ${key} is missing`);
					else if (messages[key]!.trim() === '') problems.push(`${locale}: ${key} is empty`);
					else if (placeholders(messages[key]!).join() !== placeholders(base[key]!).join())
						problems.push(`${locale}: ${key} has other placeholders than ${settings.baseLocale}`);
				}
				for (const key of Object.keys(messages)) {
					if (!(key in base)) problems.push(`${locale}: ${key} is not in ${settings.baseLocale}`);
				}
			}
		}
		expect(problems).toEqual([]);
	});

	test('each key is named after its domain file: <domain>_<what>, snake_case', () => {
		const misnamed = patterns.flatMap((pattern) =>
			Object.keys(messagesOf(pattern, 'en')).filter(
				(key) => !new RegExp(`^${domainOf(pattern)}_[a-z0-9_]+$`).test(key)
			)
		);
		expect(misnamed).toEqual([]);
	});

	test('every key is used in src', () => {
		expect([...defined].filter((key) => !used.has(key))).toEqual([]);
	});

	test('every key used in src is defined', () => {
		expect([...used].filter(([key]) => !defined.has(key)).map(([key, file]) => `${key} in ${file}`)).toEqual(
			[]
		);
	});
});
