/**
 * The dates the topics' pages show, written out by their loads in the meeting's (or each record's) zone,
 * so that the pages and TopicBody format none and load no date formatting.
 */
import { formatCalendarDate, formatDate, formatTime } from '$lib/format/datetime';
import { datedDocument } from '$lib/server/correspondence/correspondence.view';
import { datedRef } from '$lib/server/events/event.ref';
import type { MeetingView, TopicView } from '$lib/server/topics/topic.view';

/** The meeting with its day ("Friday 17 December 2021") and start time ("10:00") in its zone. */
export function datedMeeting(meeting: MeetingView) {
	return {
		...meeting,
		day: formatDate(meeting.startAt, meeting.timeZone),
		time: formatTime(meeting.startAt, meeting.timeZone)
	};
}

/** The topic with the days of the records it continues and the due date of what it became. */
export function datedTopic(topic: TopicView) {
	const result = topic.result;
	return {
		...topic,
		followsOutcomes: topic.followsOutcomes.map((outcome) => ({ ...outcome, event: datedRef(outcome.event) })),
		followsLetters: topic.followsLetters.map(datedDocument),
		result:
			result?.type === 'outcome'
				? { ...result, due: result.dueOn && formatCalendarDate(result.dueOn) }
				: result
	};
}

export type DatedTopic = ReturnType<typeof datedTopic>;
