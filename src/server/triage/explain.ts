import type { Lang, Route } from './routes.ts';

export interface ReasonInput {
	readonly route: Route;
	readonly lang: Lang;
	readonly confidence: number;
	/** Words of the question that pushed towards `route`, strongest first. */
	readonly evidence: readonly string[];
}

/** Below this, the reason admits the router is unsure. */
export const LOW_CONFIDENCE = 0.5;
const MAX_QUOTED = 2;
const MAX_QUOTE_LEN = 40;

const TEMPLATES: Readonly<Record<Lang, Readonly<Record<Route, (m: string) => string>>>> = {
	en: {
		self_service: (m) =>
			`This looks like a how-to question${m}, so the manuals and hints should answer it.`,
		forum: (m) =>
			`This sounds like a customization request${m}, which belongs in the Co-development forum.`,
		ticket: (m) =>
			`It sounds like something is not working as it should${m}, so technical support should look into it through a ticket.`,
		urgent: (m) =>
			`It sounds like your site is down or orders fail${m} - that is Severity 1, answered within an hour day and night.`,
		chat: (m) =>
			`This is about buying, paying for or renewing the key, or paperwork${m}, which the customer-support chat handles.`,
	},
	ru: {
		self_service: (m) =>
			`Похоже на вопрос о том, как что-то настроить или сделать${m}, поэтому ответ найдётся в руководствах и подсказках.`,
		forum: (m) =>
			`Похоже на запрос о доработке или изменении сайта под вас${m}, такие вопросы обсуждают на форуме в разделе совместной разработки.`,
		ticket: (m) =>
			`Похоже, что-то работает не так, как должно${m}, поэтому лучше создать тикет в техническую поддержку.`,
		urgent: (m) =>
			`Похоже, сайт не открывается или не оформляются заказы${m} - это Severity 1, на такие обращения отвечают в течение часа круглосуточно.`,
		chat: (m) =>
			`Вопрос касается покупки, оплаты, продления ключа или документов${m}, с этим поможет чат поддержки клиентов.`,
	},
};

const UNSURE: Readonly<Record<Lang, string>> = {
	en: 'There is not enough to go on yet, so start with the manuals and hints; a few more words about what you need will help.',
	ru: 'Пока слишком мало слов, чтобы понять суть, поэтому начните с руководств и подсказок; пара слов о том, что вам нужно, поможет.',
};

const EMPTY: Readonly<Record<Lang, string>> = {
	en: 'Type a few more words so we can tell where your question belongs.',
	ru: 'Напишите чуть подробнее, чтобы мы поняли, куда направить вопрос.',
};

function shorten(s: string): string {
	if (s.length <= MAX_QUOTE_LEN) return s;
	const cut = s.slice(0, MAX_QUOTE_LEN);
	return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 10))}…`;
}

/** Distinct quotes, dropping ones already contained in a stronger quote. */
export function pickQuotes(evidence: readonly string[]): string[] {
	const picked: string[] = [];
	for (const e of evidence.map((x) => shorten(x.trim())).filter((x) => x.length > 0)) {
		if (picked.some((p) => p.includes(e) || e.includes(p))) continue;
		picked.push(e);
		if (picked.length === MAX_QUOTED) break;
	}
	return picked;
}

function mention(lang: Lang, quotes: readonly string[]): string {
	if (quotes.length === 0) return '';
	if (lang === 'ru') return ` (вы пишете ${quotes.map((q) => `«${q}»`).join(' и ')})`;
	return ` (you mentioned ${quotes.map((q) => `"${q}"`).join(' and ')})`;
}

/** One sentence, in the question's language, saying why the question goes to `route`. */
export function buildReason(input: ReasonInput): string {
	const sentence = TEMPLATES[input.lang][input.route](
		mention(input.lang, pickQuotes(input.evidence)),
	);
	if (input.confidence >= LOW_CONFIDENCE) return sentence;
	const lowered = sentence.charAt(0).toLowerCase() + sentence.slice(1);
	return input.lang === 'ru'
		? `Мы не вполне уверены, но ${lowered}`
		: `We are not fully sure, but ${lowered}`;
}

export function emptyReason(lang: Lang): string {
	return EMPTY[lang];
}

export function unsureReason(lang: Lang): string {
	return UNSURE[lang];
}
