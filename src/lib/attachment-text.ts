/** Sizes and types of files in the reader's language (pages and the upload script alike). */
import type { MessageKey } from '#i18n/keys.ts';
import type { Translator } from '#i18n/translator.ts';

const MB = 1024 * 1024;

/** Megabytes (MiB) with one decimal, as messages show them ("{limit} MB"). */
export function megabytes(bytes: number): number {
	return Math.round((bytes / MB) * 10) / 10;
}

/** "12 bytes", "512 KB", "2.4 MB" · "12 байт", "512 КБ", "2,4 МБ". */
export function sizeText(t: Translator, bytes: number): string {
	if (bytes < 1024) return t.t('attachments.size.bytes', { count: bytes });
	if (bytes < MB) return t.t('attachments.size.kb', { n: Math.round(bytes / 1024) });
	return t.t('attachments.size.mb', { n: megabytes(bytes) });
}

/** "PNG image" · "Изображение PNG", for a view's `typeKey`. */
export function typeText(t: Translator, typeKey: string): string {
	const key = `attachments.type.${typeKey}`;
	return t.has(key)
		? t.t(key as MessageKey & `attachments.type.${string}`)
		: t.t('attachments.type.other');
}
