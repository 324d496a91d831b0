/**
 * The architecture's lint rules, run through ESLint with the project's own eslint.config.js on code
 * that breaks them and on code that keeps them: a rule that cannot fail guards nothing.
 */
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: fileURLToPath(new URL('../..', import.meta.url)) });

/** The rules that fire on `code` as if it stood at `filePath`. */
async function rulesFiredOn(filePath: string, code: string): Promise<string[]> {
	const [result] = await eslint.lintText(code, { filePath });
	return result!.messages.map((m) => m.ruleId ?? m.message);
}

// The first lint loads the config and its TypeScript and Svelte parsers (seconds on a busy machine): done
// once here, with room, so that each test times only its own lint.
beforeAll(() => rulesFiredOn('src/lib/server/people/person.service.ts', 'export {};\n'), 60_000);

const queries = {
	selectFrom: `export const q = (db: any) => db.selectFrom('person').selectAll().execute();\n`,
	insertInto: `export const q = (db: any) => db.insertInto('person').values({}).execute();\n`,
	updateTable: `export const q = (db: any) => db.updateTable('person').set({}).execute();\n`,
	deleteFrom: `export const q = (db: any) => db.deleteFrom('person').execute();\n`,
	sql: `import { sql } from 'kysely';\nexport const q = sql\`select 1\`;\n`
};

describe('SQL only in repositories', () => {
	test.each(Object.entries(queries))('%s in a service is an error', async (_, code) => {
		const fired = await rulesFiredOn('src/lib/server/people/person.service.ts', code);
		expect(fired).toContain('no-restricted-syntax');
	});

	test.each(Object.entries(queries))('%s in a script is an error', async (_, code) => {
		expect(await rulesFiredOn('scripts/user.ts', code)).toContain('no-restricted-syntax');
	});

	test('sql.ref or sql.raw outside a repository is an error', async () => {
		const code = `declare const sql: { raw(s: string): unknown };\nexport const q = sql.raw('1');\n`;
		expect(await rulesFiredOn('src/lib/server/auth/session.ts', code)).toContain('no-restricted-syntax');
	});

	test.each(Object.entries(queries))('%s in a repository is allowed', async (_, code) => {
		const fired = await rulesFiredOn('src/lib/server/people/person.repository.ts', code);
		expect(fired).not.toContain('no-restricted-syntax');
	});

	test.each([
		'src/lib/server/db/keyset.ts',
		'db/migrations/20990101_0000_create_thing.ts',
		'tests/integration/people.test.ts'
	])('queries in %s are allowed', async (filePath) => {
		const fired = await rulesFiredOn(filePath, queries.selectFrom + queries.sql);
		expect(fired).not.toContain('no-restricted-syntax');
	});
});

describe('routes call services, not repositories', () => {
	const route = 'src/routes/(app)/people/+page.server.ts';

	test.each([
		`import { findPerson } from '$lib/server/people/person.repository';`,
		`import type { PersonListRow } from '$lib/server/people/person.repository';`,
		`import { findPerson } from '../../../lib/server/people/person.repository.js';`
	])('a route may not import a repository: %s', async (line) => {
		expect(await rulesFiredOn(route, `${line}\nexport { findPerson };\n`)).toContain('no-restricted-imports');
	});

	test('a route may import a service', async () => {
		const code = `import { findPersonPage } from '$lib/server/people/person.service';\nexport { findPersonPage };\n`;
		expect(await rulesFiredOn(route, code)).toEqual([]);
	});

	test('a service may import a repository', async () => {
		const code = `import { findPerson } from './person.repository';\nexport { findPerson };\n`;
		expect(await rulesFiredOn('src/lib/server/people/person.service.ts', code)).toEqual([]);
	});
});
