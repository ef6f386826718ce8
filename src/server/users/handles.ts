const CYRILLIC: Record<string, string> = {
	а: 'a',
	б: 'b',
	в: 'v',
	г: 'g',
	д: 'd',
	е: 'e',
	ё: 'e',
	ж: 'zh',
	з: 'z',
	и: 'i',
	й: 'y',
	к: 'k',
	л: 'l',
	м: 'm',
	н: 'n',
	о: 'o',
	п: 'p',
	р: 'r',
	с: 's',
	т: 't',
	у: 'u',
	ф: 'f',
	х: 'h',
	ц: 'ts',
	ч: 'ch',
	ш: 'sh',
	щ: 'sch',
	ъ: '',
	ы: 'y',
	ь: '',
	э: 'e',
	ю: 'yu',
	я: 'ya',
};

/** A mention-friendly handle (`@ivan-petrov`) from a display name, falling back to the email. */
export function baseHandle(displayName: string, email: string): string {
	const fromName = slug(displayName);
	const candidate = fromName.length >= 3 ? fromName : slug(email.split('@')[0] ?? '');
	return (candidate.length >= 3 ? candidate : `user-${candidate}`).slice(0, 30).replace(/-+$/, '');
}

function slug(text: string): string {
	return [...text.toLowerCase()]
		.map((ch) => CYRILLIC[ch] ?? ch)
		.join('')
		.normalize('NFKD')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

export const HANDLE_PATTERN = /^[a-z0-9][a-z0-9._-]{1,29}$/;
