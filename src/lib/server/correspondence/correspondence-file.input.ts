/** The form that removes a file from a document. */
import { z } from 'zod';

export const CorrespondenceFileRemoveInput = z.object({
	fileId: z
		.string({ error: 'Say which file to remove.' })
		.regex(/^\d{1,9}$/, 'Say which file to remove.')
		.transform(Number)
});
