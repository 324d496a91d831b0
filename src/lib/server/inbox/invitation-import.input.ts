/** What the import form sends: an uploaded .ics file, or the calendar pasted as text. */
import { MAX_INVITATION_BYTES } from './invitation.parse';

/** The calendar's text: an uploaded file wins over the text area. Null: the file is too large to read. */
export async function invitationSourceOf(data: FormData): Promise<{ source: string; tooLarge: boolean }> {
	const file = data.get('file');
	if (file instanceof File && file.size > 0) {
		if (file.size > MAX_INVITATION_BYTES) return { source: '', tooLarge: true };
		return { source: await file.text(), tooLarge: false };
	}
	const text = data.get('source');
	return { source: typeof text === 'string' ? text : '', tooLarge: false };
}
