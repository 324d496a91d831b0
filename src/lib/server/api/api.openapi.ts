/**
 * The OpenAPI 3.1 document of the read API, generated from the endpoints' own schemas (`z.toJSONSchema`,
 * JSON Schema 2020-12, the dialect OpenAPI 3.1 uses): what the routes parse and send is what it says.
 */
import { z } from 'zod';
import { API_ENDPOINTS, type Endpoint } from './api.endpoints';
import { apiRegistry, Problem } from './api.schemas';

type JsonSchema = Record<string, unknown>;

const REF = (id: string) => `#/components/schemas/${id}`;

function idOf(schema: z.ZodType): string {
	const id = apiRegistry.get(schema)?.id;
	if (!id) throw new Error('every answer of the API is a named schema');
	return id;
}

/** Each query parameter of an endpoint, its schema as a URL's string value is read. */
function queryParameters(endpoint: Endpoint) {
	const schema = z.toJSONSchema(endpoint.query, { io: 'input', unrepresentable: 'any' }) as JsonSchema & {
		properties?: Record<string, JsonSchema>;
		required?: string[];
	};
	return Object.entries(schema.properties ?? {}).map(([name, property]) => {
		const { description, ...rest } = property;
		return {
			name,
			in: 'query',
			required: schema.required?.includes(name) ?? false,
			...(description ? { description } : {}),
			schema: rest
		};
	});
}

const problemResponse = (description: string) => ({
	description,
	content: { 'application/problem+json': { schema: { $ref: REF(idOf(Problem)) } } }
});

function operation(endpoint: Endpoint) {
	const pathParameters =
		endpoint.kind === 'record'
			? [
					{
						name: endpoint.idParameter,
						in: 'path',
						required: true,
						schema: { type: 'integer', minimum: 1 }
					}
				]
			: [];
	return {
		get: {
			operationId: endpoint.operationId,
			summary: endpoint.summary,
			parameters: [...pathParameters, ...queryParameters(endpoint)],
			responses: {
				200: {
					description: 'OK',
					headers: { ETag: { schema: { type: 'string' } } },
					content: { 'application/json': { schema: { $ref: REF(idOf(endpoint.response)) } } }
				},
				304: { description: 'Not modified: the ETag given in If-None-Match is still current.' },
				400: problemResponse('A query parameter is unknown or of the wrong form; `invalidParams` names it.'),
				401: problemResponse('No token, or one that is unknown, revoked or expired.'),
				...(endpoint.kind === 'record' ? { 404: problemResponse('There is no such record.') } : {}),
				405: problemResponse('Anything but GET or HEAD: the API only reads.'),
				429: {
					...problemResponse("Too many requests with this token: wait the Retry-After header's seconds."),
					headers: { 'Retry-After': { schema: { type: 'integer' } } }
				}
			}
		}
	};
}

/** The named schemas, each without the `$schema` and `$id` a standalone schema carries. */
function componentSchemas(): Record<string, JsonSchema> {
	const { schemas } = z.toJSONSchema(apiRegistry, { uri: REF }) as { schemas: Record<string, JsonSchema> };
	return Object.fromEntries(
		Object.entries(schemas).map(([id, { $schema: _dialect, $id: _id, ...schema }]) => [id, schema])
	);
}

let built: JsonSchema | undefined;

export function openApiDocument(): JsonSchema {
	built ??= {
		openapi: '3.1.0',
		jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
		info: {
			title: 'Protokol read API',
			version: '1',
			description:
				'Read-only access to events, people, organisations, outcomes, correspondence metadata and ' +
				'projects, with a bearer token an administrator issues at /admin/api-tokens. Lists are paged: ' +
				'follow `next`. Every answer carries an ETag; send it back in If-None-Match for a 304.'
		},
		servers: [{ url: '/api/v1' }],
		security: [{ bearer: [] }],
		paths: Object.fromEntries(API_ENDPOINTS.map((endpoint) => [endpoint.path, operation(endpoint)])),
		components: {
			securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
			schemas: componentSchemas()
		}
	};
	return built;
}
