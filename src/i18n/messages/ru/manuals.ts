import type en from '../en/manuals.ts';
import type { Translation } from '../types.ts';

export default {
	title: 'Руководства',
	'section.getting-started': 'Начало работы',
	'section.api-key': 'Ключ API',
	'section.admin-panel': 'Панель администратора',
	'section.troubleshooting': 'Решение проблем',
	'section.support': 'Поддержка',
	'fallback.note':
		'Эта страница ещё не переведена на русский язык, поэтому показана на английском.',
} satisfies Translation<typeof en, 'ru'>;
