import type { Route } from './routes.ts';
import type { Normalized } from './tokenize.ts';

/**
 * Hand-written, high-precision cue phrases. Each hit becomes a feature of the model (so the
 * weights are learned, not guessed) and the matched words are quoted in the explanation.
 * Patterns run on `normalizeWithOrigin()` text: lowercase, 'ё' folded, English contractions spelled out.
 */
export interface Cue {
	readonly id: string;
	readonly route: Route;
	readonly re: RegExp;
}

export interface CueHit {
	readonly id: string;
	readonly route: Route;
	/** The matched words, as the person typed them. */
	readonly text: string;
}

// NOTE: JS `\b` only knows ASCII letters, so Cyrillic needs explicit Unicode boundaries.
const B = '(?<![\\p{L}\\d])';
const E = '(?![\\p{L}\\d])';
/** Up to `n` intervening words. */
const gap = (n: number): string => `(?:[\\s,]+[\\p{L}\\d'-]+){0,${n}}`;
const SP = '[\\s,]+';

const SITE_EN = '(?<!(?:on|in|of|from|at|to) (?:the |our |my |your )?)(?:site|website|web site|store|storefront|shop|homepage|home page|main page)';
const SITE_RU = '(?<!(?:на|в|во|с|со|из|для) )(?:сайт|магазин|витрин|главн[\\p{L}]* страниц)[\\p{L}-]*';
const ORDER_VERB_EN = '(?:place|make|create|submit|complete|finish)';
const FAIL_EN = '(?:error|exception|fail[\\p{L}]*|crash[\\p{L}]*|broken|not work[\\p{L}]*|went wrong)';

function cue(id: string, route: Route, source: string): Cue {
	return { id, route, re: new RegExp(source, 'u') };
}

export const CUES: readonly Cue[] = [
	// urgent: Severity 1 = the site fails to load, or ordering fails
	cue('site_down', 'urgent', `${B}${SITE_EN}${gap(4)}${SP}(?:is |went |goes |keeps |has gone )?(?:down|offline|unavailable|inaccessible|unreachable|crashed|dead|blank|timing out|times out)${E}`),
	cue('site_not_loading', 'urgent', `${B}${SITE_EN}${gap(5)}${SP}(?:is |are )?(?:not|will not|does not|did not|fails? to|failed to|stopped|keeps) (?:\\p{L}+ )?(?:load|open|respond|work|access|avail|reach)`),
	cue('site_shows_error', 'urgent', `${B}${SITE_EN}${gap(3)}${SP}(?:shows?|gives?|returns?|displays?|throws?)${gap(3)}${SP}(?:error|exception)${E}`),
	cue('orders_fail', 'urgent', `${B}(?:orders? (?:fail|are failing|can not be|are not (?:created|placed|coming))|no orders (?:are )?(?:coming|created|placed)|(?:attempt|try|trying) to (?:order|checkout|buy))`),
	cue('server_error', 'urgent', `${B}(?:50[0-4]|internal server error|bad gateway|service unavailable|white screen|blank (?:white )?page|white page|database connection|fatal error)${E}`),
	cue('cannot_order', 'urgent', `${B}(?:can not|could not|unable to|not able to|impossible to|fails? to|failed to|nobody can|no one can)${gap(3)}${SP}(?:${ORDER_VERB_EN}${gap(2)}${SP}(?:orders?|purchases?)|checkout|check out|buy anything|order)${E}`),
	cue('checkout_error', 'urgent', `${B}(?:checkout|check out|ordering|(?:place|confirm|submit) order|order (?:creation|placement|confirmation|button|form)|(?:plac|creat|submitt)ing (?:an |the )?orders?)${E}.{0,40}${B}${FAIL_EN}`),
	cue('error_checkout', 'urgent', `${B}(?:error|exception|fail[\\p{L}]*|crash[\\p{L}]*)${E}.{0,30}${B}(?:checkout|check out|ordering|(?:plac|creat|submitt)ing (?:an |the )?orders?|order (?:creation|confirmation|placement))`),
	cue('site_down_ru', 'urgent', `${B}${SITE_RU}${gap(3)}${SP}(?:не (?:открыва|грузит|загружа|работа|доступ|отвеча)|недоступ|лежит|упал|мертв|полностью пуст|пуст[\\p{L}]* полностью|перестал[\\p{L}]* (?:работать|открываться|грузиться))`),
	cue('down_site_ru', 'urgent', `${B}(?:не (?:открывается|грузится|загружается)|лежит|упал|недоступ[\\p{L}]*)${gap(3)}${SP}${SITE_RU}`),
	cue('site_error_ru', 'urgent', `${B}(?:${SITE_RU}${gap(3)}${SP}(?:выда|показыва|отда|пиш)[\\p{L}]*${gap(2)}${SP}ошибк|на сайте${gap(2)}${SP}ошибк)`),
	cue('blank_ru', 'urgent', `${B}(?:бел[\\p{L}]* (?:экран|страниц)|пуст[\\p{L}]* страниц|баз[\\p{L}]* данных)`),
	cue('cannot_order_ru', 'urgent', `${B}(?:ошибк|исключени|не (?:могут|можем|может|могу|получается|удается|проходит)|невозможно|нельзя)[\\p{L}]*${gap(4)}${SP}(?:оформ|(?:сделать|создать|разместить)${gap(1)}${SP}заказ|заказать|купить|заверш[\\p{L}]* покупк|(?:отправк|создани|подтверждени)[\\p{L}]* заказ)`),
	cue('checkout_error_ru', 'urgent', `${B}(?:оформлени|оформить|оформля|заказать|купить|создани[\\p{L}]* заказ|подтверждени[\\p{L}]* заказ|отправк[\\p{L}]* заказ)[\\p{L}]*${gap(4)}${SP}(?:ошибк|исключени|не работ|невозможн|не получа|не проход|пада|слома|вылета|выда[\\p{L}]* ошибк)`),
	cue('orders_not_created_ru', 'urgent', `${B}заказ[\\p{L}]* не (?:созда|оформля|проход|поступа|отправля)`),

	// ticket: something that exists does not work
	cue('not_working', 'ticket', `${B}(?:not|no longer|never|stopped) (?:\\p{L}+ )?(?:work|updat|sync|load|show|display|appear|sav|send|sent|arriv|import|export|translat|calculat|chang|receiv|apply|applied|clear|found)`),
	cue('error_word', 'ticket', `${B}(?:error|bug|broken|glitch[\\p{L}]*|wrong|incorrect[\\p{L}]*|fails?|failed|disappear[\\p{L}]*|empty|blurry|duplicat[\\p{L}]*|ignored|revert[\\p{L}]*|went wrong|access denied|denied|forbidden|4[0-9][0-9]|differs?|mismatch|does not match)${E}`),
	cue('not_working_ru', 'ticket', `${B}(?:не (?:работа|обновля|отобража|приход|сохраня|загружа|грузит|показыва|счита|меня|перевод|выгружа|импортир|появля|срабатыва|видн|применя|синхронизир|очища|находит|отправля)|не [\\p{L}]+(?:ется|ются|ится|ятся)${E}|перестал)`),
	cue('error_word_ru', 'ticket', `${B}(?:ошибк|баг|глюк|глючит|слома|пропал|неправильн|некорректн|криво|сбой|зависа|вылета|пуст|задублир|дублир|кракозябр|мутн|отличаются|не совпада|доступ запрещ)`),

	cue('symptom', 'ticket', `${B}(?:why (?:does|do|is|are|did)|instead of|by itself|by themselves|too (?:big|small|high|low)|times (?:too|more|less|higher|lower)|absurd|strange|weird|stuck|hangs?|forever|slow|question marks|someone else|another user|keeps? (?:showing|reverting|logging|switching|changing)|still (?:shows?|shown|showing|there|old|the same|visible)|outdated|out of date)${E}`),
	cue('symptom_ru', 'ticket', `${B}(?:почему|вместо|сам[\\p{L}]* по себе|сам[аои]? |странн|завис|висит|долго|медленн|тормоз|чуж[\\p{L}]*|одни и те же|в \\d+ раз|постоянно|то и дело|опять|снова)`),

	// forum: customization and custom development
	cue('custom', 'forum', `${B}(?:custom|customi[sz][\\p{L}]*|bespoke|tailor[\\p{L}]*|tweak[\\p{L}]*|redesign[\\p{L}]*|modif[\\p{L}]*|rewrite|(?:our|my) own(?! (?:hosting|domain|server|vps|account))|brand book|branding|to match our|look like|looks? and feel|our (?:own )?(?:warehouse|brand|bank|agent|crm|system|supplier|accounting)|looks on|layout|theme|design)${E}`),
	cue('developer', 'forum', `${B}(?:develop[\\p{L}]*|freelanc[\\p{L}]*|contractor|hire|programmer|designer|implement|who can (?:make|build|write|do)|someone (?:to|who)|anyone (?:able|who|here)|able to develop|(?:has |have )?(?:anyone|anybody|someone|somebody) (?:already )?(?:built|made|done|developed|integrated|implemented|written|connected|tried))${E}`),
	cue('add_feature', 'forum', `${B}(?:add|adding|build|built|create|implement|make|develop|write) (?:(?:a|an|the|our|some|new|extra|additional|custom) )*(?:\\p{L}+ ){0,2}(?:feature|functionality|function|fields?|module|block|button|widget|tab|section|filters?|report|bot|option|program|ability|calculator)${E}`),
	cue('can_you_build', 'forum', `${B}(?:is it possible to (?:add|make|build|have|change|create|implement)|can (?:you|someone|somebody|we|i) (?:add|make|build|change|develop|implement|create|embed|modify)|could (?:you|someone) (?:add|make|build|develop|implement))${E}`),
	cue('own_code', 'forum', `${B}(?:javascript|js|css|html|scripts?|widgets?|snippets?|template files?|source code|(?:own|custom) code)${E}`),
	cue('wish', 'forum', `${B}(?:we would like|we want|i would like|i want|we need|would be nice|is it possible)(?: to| the| our| a)? (?!buy|pay|purchase|renew|prolong|extend|cancel|sign|talk|switch|upgrade|get a|refund|know)(?:show|have|display|add|make|change|see|let|allow|give|use|connect|sell|integrate|move|put|build|create|redesign|customi)`),
	cue('feature_word', 'forum', `${B}(?:(?:new|extra|additional) (?:report|feature|field|tab|button|block|module|option)s?|feature request|propose|suggest|additional functionality|extra functionality|plugin|extension|functionality)${E}`),
	cue('integration', 'forum', `${B}(?:integrat[\\p{L}]*|(?:connect|sync)[\\p{L}]* (?:\\p{L}+ ){0,3}(?:with|to) (?:1с|crm|amocrm|bitrix|moysklad|ozon|wildberries|yandex|cdek|instagram|telegram|jivo|our))`),
	cue('custom_ru', 'forum', `${B}(?:доработ|кастом|под себя|под наш|свой дизайн|сво[йяеию][\\p{L}]* (?:дизайн|блок|модул|форм|пол|кнопк|раздел|шаблон|функци|страниц|фильтр|crm|ссылк|атрибут|стил|метод|акци)|переделать|переделк|изменить (?:дизайн|вид|внешний вид|верстк)|поменять (?:дизайн|вид|верстк|шрифт)|внешний вид|дизайн|верстк|фирменн|индивидуальн|наш[\\p{L}]* (?:склад|бренд|стил|агент|банк|crm|сервис|систем|поставщик)|выглядел|расширить|можно ли (?:сделать|добавить|заказать|реализовать|доработать|встроить)|можно сделать|сделайте)`),
	cue('developer_ru', 'forum', `${B}(?:разработ|фрилансер|программист|подрядчик|исполнител|верстальщик|дизайнер|кто (?:может|сможет|поможет|возьмется|напишет|делал|сделает|подключал)|кто-(?:нибудь|то) (?:делал|подключал|писал|сделал|встраивал|интегрировал|дорабатывал)|написать (?:скрипт|модуль|парсер|сво)|нужен (?:модуль|скрипт|бот))`),
	cue('own_code_ru', 'forum', `${B}(?:javascript|js|css|html|скрипт|виджет|сво[\\p{L}]* код|исходн[\\p{L}]* код|файл[\\p{L}]* шаблон)`),
	cue('wish_ru', 'forum', `${B}(?:(?:хотим|хочу|хотелось бы|нужно|надо|хотели бы),? чтобы|хотим (?:видеть|показывать|добавить|сделать|изменить|поменять|интегрировать|подключить|продавать)|хотелось бы)`),
	cue('add_feature_ru', 'forum', `${B}(?:(?:добавить|сделать|нужн[\\p{L}]*|хотим|хочу)${gap(2)}${SP}(?:функци|возможност|вкладк|пол[еяй]|блок|кнопк|модул|отчет|бот|программ|сравнени)|нов[\\p{L}]* (?:функци|функционал)|дополнительн[\\p{L}]* (?:функционал|пол|отчет|функци)|функционал|плагин|расширени|предлагаю|встроить|виджет)`),
	cue('integration_ru', 'forum', `${B}(?:интеграц|интегрир|синхрониз[\\p{L}]* (?:\\p{L}+ )?с |подключ[\\p{L}]* (?:сво|crm|1с|битрикс|amocrm|маркетплейс|озон|wildberries|вайлдберриз|яндекс)|выгружать товары на)`),

	// chat: buying, paying for and renewing the key, documents, organizational matters
	cue('buy', 'chat', `${B}(?:buy|buying|purchase|purchasing|acquire)${E}`),
	cue('pay_for_key', 'chat', `${B}(?:pay|paying|paid|payment)${E}.{0,40}${B}(?:key|license|licence|subscription|plan|tariff|invoice|year|month|rubles|paypal|card|bank transfer)`),
	cue('billing_word', 'chat', `${B}(?:tariffs?|subscriptions?|renew[\\p{L}]*|prolong[\\p{L}]*|trial|refund[\\p{L}]*|invoices?|proforma|contract|agreement|billing|billed|charged|receipt|vat|reseller|legal entity|llc|closing documents|reconciliation|accountant|cooperation|(?:your|the|a) price list|quote|upgrade|downgrade|bank details|payment details|(?:pro|basic|premium|enterprise|business) (?:plan|tariff|license)|(?:my|our|the|a) (?:plan|tariff)|transfer (?:my |the |our )?(?:key|license) to|(?:original |closing |accounting )?documents|signed (?:act|copy|copies|documents?|contract|agreement)|acts? (?:for|of) |extend (?:the |my |our )?(?:license|licence|key|subscription|trial))${E}`),
	cue('key_price', 'chat', `${B}(?:prices?|pricing|costs?|how much|discounts?)${E}.{0,25}${B}(?:key|license|licence|plan|tariff|renewal|year|stores|catalogs|domain|account|organizations)${E}`),
	cue('billing_period', 'chat', `${B}(?:annual|annually|yearly|monthly|per year|per month|a year|for a year)${E}.{0,20}(?:payment|billing|plan|subscription|license|licence|pay)|${B}(?:pay|paying|payment|billed|billing)${E}.{0,20}(?:annual|annually|yearly|monthly|per year|per month|for a year)${E}`),
	cue('vendor_offer', 'chat', `${B}do you (?:offer|give|provide|sell|accept)${E}`),
	cue('how_much', 'chat', `${B}(?:how much (?:is|does|do|would)|what does .{1,30} cost|(?:key|license|plan) costs?)${E}`),
	cue('buy_ru', 'chat', `${B}(?:купить|покупк|цена (?:за|ключ|лиценз|подписк)|приобре|стоимост[\\p{L}]* (?:ключ|лиценз|подписк|тариф|продлени|для|установк|услуг)|сколько стоит|прайс|тариф|продли|продлени|пробн|тестов[\\p{L}]* период|триал|лиценз|подписк|списали)`),
	cue('pay_ru', 'chat', `${B}(?:оплат[\\p{L}]* (?:ключ|лиценз|тариф|подписк|услуг|сч|за (?:год|месяц|два|три))|помесячн|годов[\\p{L}]* (?:оплат|тариф|подписк)|оплатить|оплатили|оплачу|оплатим|платить|заплатить|оплачивать|безнал|реквизит|ндс)`),
	cue('documents_ru', 'chat', `${B}(?:сч[её]т на оплату|выстав[\\p{L}]* сч|сч[её]т-фактур|сч[её]т[ау]? (?:для|на|до)|получить сч|договор|закрывающ|акт[\\p{L}]* сверки|юрлиц|юридическ|переоформ|сотрудничеств|акт[\\p{L}]* (?:за|выполненн|прием)|подписанн|с менеджером|документ(?!ац)|сч[её]т(?:а|у|ом|ов|ами|ах)?${E}|коммерческ[\\p{L}]* предложени|реселлер|партнером|вернуть деньги|возврат денег|ип${E}|ооо${E})`),
	cue('discount_ru', 'chat', `${B}скидк[\\p{L}]* (?:на|для|при|за) (?:продлени|ключ|лиценз|оплат|год|некоммерч|второй)`),

	// self_service: how-to questions the manuals answer
	cue('how_to', 'self_service', `(?:^|${B})(?:how (?:do|can|to|should|does)|where (?:do|can|is|are|to)|is there a way|step by step|steps to|instructions?|manual|guide|tutorial|documentation|meaning of|what does .{1,40} mean|how .{1,40} works?|how (?:is|are) .{1,30} calculated|which setting)${E}`),
	cue('question_start', 'self_service', `^(?:how|hwo|where|what|which|is there|can you explain|explain)${E}`),
	cue('settings', 'self_service', `${B}(?:settings?|configur[\\p{L}]*|set up|setup|enable|turn (?:on|off)|switch (?:on|off)|recommended|requirements|(?:which|what) (?:\\p{L}+ )?version)${E}`),
	cue('how_to_ru', 'self_service', `${B}(?:как (?:настро|измен|помен|добав|включ|отключ|подключ|сдела|установ|указ|зада|выгруз|загруз|удал|посмотр|найти|скры|перевест|создат|очист|привяз|дать|сменит|отредакт|огранич|работает|считается)|где${gap(2)}${SP}(?:настро|найти|посмотр|находит|указ|измен|включ|помен|зада|редакт)|куда (?:загруз|вставить|прописать)|каким образом|инструкц|руководств|документац|что означа|что значит|в каком разделе)`),
	cue('question_start_ru', 'self_service', `^(?:подскажите,? )?(?:как|где|куда|каким образом|какая|какой|что означает|что значит)${E}`),
	cue('settings_ru', 'self_service', `${B}(?:как(?:ая|ой|ие) (?:[\\p{L}]+ )?верси|требовани|рекомендуем|настро[ейи][\\p{L}]*|настраива[\\p{L}]*|в админке|в настройках|включ[\\p{L}]*|отключ[\\p{L}]*)`),
];

const WORD_TAIL = /^[\p{L}\d]*/u;
const IN_WORD = /^[\p{L}\d'’]$/u;

/**
 * All cues whose pattern occurs in the normalized question, in CUES order, each quoting the
 * words of the original `input` it matched.
 */
export function findCues(n: Normalized, input: string): CueHit[] {
	const hits: CueHit[] = [];
	for (const c of CUES) {
		const m = c.re.exec(n.text);
		if (!m) continue;
		// Patterns often stop at a word stem ("не работа"); quote the whole word ("не работает").
		const tail = WORD_TAIL.exec(n.text.slice(m.index + m[0].length))?.[0].length ?? 0;
		const last = m.index + m[0].length + tail - 1;
		let from = n.origin[m.index] ?? 0;
		let to = (n.origin[last] ?? from) + 1;
		// Contractions map inside a word ("n't"); widen to whole typed words ("doesn't").
		while (from > 0 && IN_WORD.test(input[from - 1] ?? '')) from--;
		while (to < input.length && IN_WORD.test(input[to] ?? '')) to++;
		hits.push({ id: c.id, route: c.route, text: input.slice(from, to).replace(/[«»"“”„]/g, '').replace(/\s+/g, ' ').trim() });
	}
	return hits;
}
