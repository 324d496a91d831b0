import type { ServerInit } from '@sveltejs/kit';
import { prepareDatabase } from '$lib/server/startup';

export const init: ServerInit = async () => {
	await prepareDatabase();
};
