/** The form that removes a file from a document. */
import { m } from '../../paraglide/messages.js';
import { z } from 'zod';

export const CorrespondenceFileRemoveInput = z.object({
	fileId: z
		.string({ error: () => m.correspondence_error_remove_which() })
		.regex(/^\d{1,9}$/, { error: () => m.correspondence_error_remove_which() })
		.transform(Number)
});
