/**
 * Words that mean the same thing to our customers, in English and Russian. Both engines use
 * this list: Meilisearch as its `synonyms` setting, the built-in engine to widen each query
 * word (so a Russian question also finds the English manuals). Add a group as one line.
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
	['key', 'api key', 'license', 'ключ', 'лицензия'],
	['markup', 'margin', 'наценка'],
	['delivery', 'shipping', 'доставка'],
	['payment', 'pay', 'оплата', 'платеж'],
	['price', 'cost', 'цена', 'стоимость'],
	['currency', 'exchange rate', 'yuan', 'валюта', 'курс'],
	['order', 'checkout', 'заказ'],
	['cart', 'basket', 'корзина'],
	['design', 'theme', 'template', 'layout', 'дизайн', 'шаблон'],
	['install', 'installation', 'setup', 'установка', 'установить'],
	['error', 'bug', 'failure', 'ошибка'],
	['site', 'website', 'storefront', 'shop', 'store', 'сайт', 'магазин'],
	['product', 'item', 'goods', 'товар'],
	['category', 'catalog', 'категория', 'каталог'],
	['discount', 'coupon', 'скидка'],
	['email', 'mail', 'letter', 'почта', 'письмо'],
	['language', 'translation', 'язык', 'перевод'],
	['admin', 'admin panel', 'dashboard', 'админка'],
	['update', 'upgrade', 'обновление'],
	['hosting', 'server', 'хостинг', 'сервер'],
	['invoice', 'bill', 'счет'],
	['renewal', 'renew', 'extend', 'продление'],
	['slow', 'performance', 'cache', 'медленно', 'тормозит'],
	['user', 'customer', 'account', 'пользователь', 'покупатель'],
	['notification', 'notice', 'уведомление'],
	['export', 'выгрузка', 'экспорт'],
];

/** Meilisearch's synonyms setting: every word or phrase maps to the rest of its group. */
export function meiliSynonyms(): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const group of SYNONYM_GROUPS) {
		for (const word of group)
			out[word] = [...new Set([...(out[word] ?? []), ...group.filter((w) => w !== word)])];
	}
	return out;
}
