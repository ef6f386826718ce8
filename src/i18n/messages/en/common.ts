import type { SourceMessages } from '../types.ts';

/** Words every part of the portal uses: languages, dates, durations. */
export default {
	'language.label': 'Language',
	'language.current': 'Current language: {language}',
	// Names of languages inside a sentence (the switcher names each language in itself).
	'language.name.en': 'English',
	'language.name.ru': 'Russian',
	'date.today': 'today',
	'date.tomorrow': 'tomorrow',
	// ISO weekdays, as they stand in "opens Monday 07:00".
	'date.onWeekday.1': 'Monday',
	'date.onWeekday.2': 'Tuesday',
	'date.onWeekday.3': 'Wednesday',
	'date.onWeekday.4': 'Thursday',
	'date.onWeekday.5': 'Friday',
	'date.onWeekday.6': 'Saturday',
	'date.onWeekday.7': 'Sunday',
	'date.onDate': '{weekday} {date}',
	'date.at': '{day} {time}',
	'date.atDated': '{day} {time}',
	'date.zoned': '{dateTime} {zone}',
	'duration.days': { one: '{count} day', other: '{count} days' },
	'duration.hours': '{count} h',
	'duration.minutes': '{count} min',
	'duration.pair': '{a} {b}',
	'duration.underMinute': 'under 1 min',
} as const satisfies SourceMessages;
