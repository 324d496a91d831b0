/**
 * A test database filled by the data generator (db/generate/) at a small scale, on either engine, with
 * the landmarks it wrote: the busiest person, the umbrella organisation, the event with a long agenda,
 * a word found in one event only. For query plans and page costs on data shaped like a large office.
 * Three thousand events take a couple of seconds on SQLite.
 */
import { generateData, type GenerateOptions, type GenerateSummary } from '../../db/generate/generate';
import type { EngineUnderTest, TestDatabase } from './databases';

export interface GeneratedDatabase extends TestDatabase, GenerateSummary {}

export async function generatedDatabase(
	engine: EngineUnderTest,
	options: Partial<Omit<GenerateOptions, 'log'>> = {}
): Promise<GeneratedDatabase> {
	const handle = await engine.open();
	try {
		const summary = await generateData(handle, { events: 3_000, ...options });
		return { ...handle, ...summary };
	} catch (error) {
		await handle.cleanup();
		throw error;
	}
}
