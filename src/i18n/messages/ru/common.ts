import type en from '../en/common.ts';
import type { Translation } from '../types.ts';

export default {
	'language.label': 'Язык',
	'language.current': 'Текущий язык: {language}',
	'language.name.en': 'английский',
	'language.name.ru': 'русский',
	'date.today': 'сегодня',
	'date.tomorrow': 'завтра',
	// Винительный падеж: «откроется в понедельник в 07:00».
	'date.onWeekday.1': 'в понедельник',
	'date.onWeekday.2': 'во вторник',
	'date.onWeekday.3': 'в среду',
	'date.onWeekday.4': 'в четверг',
	'date.onWeekday.5': 'в пятницу',
	'date.onWeekday.6': 'в субботу',
	'date.onWeekday.7': 'в воскресенье',
	'date.onDate': '{weekday}, {date}',
	'date.at': '{day} в {time}',
	'date.atDated': '{day}, в {time}',
	'date.zoned': '{dateTime} {zone}',
	'duration.days': {
		one: '{count} день',
		few: '{count} дня',
		many: '{count} дней',
		other: '{count} дня',
	},
	'duration.hours': '{count} ч',
	'duration.minutes': '{count} мин',
	'duration.pair': '{a} {b}',
	'duration.underMinute': 'меньше минуты',
} satisfies Translation<typeof en, 'ru'>;
