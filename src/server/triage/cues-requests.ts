import { B, E, SHOPPERS, SP, cue, gap, type Cue } from './cue-syntax.ts';

/** Customization (forum), buying and paperwork (chat), and how-to questions (manuals). */
export const REQUEST_CUES: readonly Cue[] = [
	// forum: customization and custom development
	cue(
		'custom',
		'forum',
		`${B}(?:custom|customi[sz][\\p{L}]*|bespoke|tailor[\\p{L}]*|tweak[\\p{L}]*|redesign[\\p{L}]*|modif[\\p{L}]*|rewrite|(?:our|my) own(?! (?:hosting|domain|server|vps|account))|brand book|branding|to match our|look like|looks? and feel|our (?:own )?(?:warehouse|brand|bank|agent|crm|system|supplier|accounting)|looks on|layout|theme|design)${E}`,
	),
	cue(
		'developer',
		'forum',
		`${B}(?:develop[\\p{L}]*|freelanc[\\p{L}]*|contractor|hire|programmer|designer|implement|who can (?:make|build|write|do)|someone (?:to|who)|anyone (?:able|who|here)|able to develop|(?:has |have )?(?:anyone|anybody|someone|somebody) (?:already )?(?:built|made|done|developed|integrated|implemented|written|connected|tried))${E}`,
	),
	cue(
		'add_feature',
		'forum',
		`${B}(?:add|adding|build|built|create|implement|make|develop|write) (?:(?:a|an|the|our|some|new|extra|additional|custom) )*(?:\\p{L}+ ){0,2}(?:feature|functionality|function|fields?|module|block|button|widget|tab|section|filters?|report|bot|option|program|ability|calculator)${E}`,
	),
	cue(
		'can_you_build',
		'forum',
		`${B}(?:is it possible to (?:add|make|build|have|change|create|implement)|can (?:you|someone|somebody|we|i) (?:add|make|build|change|develop|implement|create|embed|modify)|could (?:you|someone) (?:add|make|build|develop|implement))${E}`,
	),
	cue(
		'own_code',
		'forum',
		`${B}(?:javascript|js|css|html|scripts?|widgets?|snippets?|template files?|source code|(?:own|custom) code)${E}`,
	),
	cue(
		'wish',
		'forum',
		`${B}(?:we would like|we want|i would like|i want|we need|would be nice|is it possible)(?: to| the| our| a)? (?!buy|pay|purchase|renew|prolong|extend|cancel|sign|talk|switch|upgrade|get a|refund|know)(?:show|have|display|add|make|change|see|let|allow|give|use|connect|sell|integrate|move|put|build|create|redesign|customi)`,
	),
	cue(
		'feature_word',
		'forum',
		`${B}(?:(?:new|extra|additional) (?:report|feature|field|tab|button|block|module|option)s?|feature request|propose|suggest|additional functionality|extra functionality|plugin|extension|functionality)${E}`,
	),
	cue(
		'integration',
		'forum',
		`${B}(?:integrat[\\p{L}]*|(?:connect|sync)[\\p{L}]* (?:\\p{L}+ ){0,3}(?:with|to) (?:1с|crm|amocrm|bitrix|moysklad|ozon|wildberries|yandex|cdek|instagram|telegram|jivo|our))`,
	),
	cue(
		'custom_ru',
		'forum',
		`${B}(?:доработ|кастом|под себя|под наш|свой дизайн|сво[йяеию][\\p{L}]* (?:дизайн|блок|модул|форм|пол|кнопк|раздел|шаблон|функци|страниц|фильтр|crm|ссылк|атрибут|стил|метод|акци)|переделать|переделк|изменить (?:дизайн|вид|внешний вид|верстк)|поменять (?:дизайн|вид|верстк|шрифт)|внешний вид|дизайн|верстк|фирменн|индивидуальн|наш[\\p{L}]* (?:склад|бренд|стил|агент|банк|crm|сервис|систем|поставщик)|выглядел|расширить|можно ли (?:сделать|добавить|заказать|реализовать|доработать|встроить)|можно сделать|сделайте)`,
	),
	cue(
		'developer_ru',
		'forum',
		`${B}(?:разработ|фрилансер|программист|подрядчик|исполнител|верстальщик|дизайнер|кто (?:может|сможет|поможет|возьмется|напишет|делал|сделает|подключал)|кто-(?:нибудь|то) (?:делал|подключал|писал|сделал|встраивал|интегрировал|дорабатывал)|написать (?:скрипт|модуль|парсер|сво)|нужен (?:модуль|скрипт|бот))`,
	),
	cue(
		'own_code_ru',
		'forum',
		`${B}(?:javascript|js|css|html|скрипт|виджет|сво[\\p{L}]* код|исходн[\\p{L}]* код|файл[\\p{L}]* шаблон)`,
	),
	cue(
		'wish_ru',
		'forum',
		`${B}(?:(?:хотим|хочу|хотелось бы|нужно|надо|хотели бы),? чтобы|хотим (?:видеть|показывать|добавить|сделать|изменить|поменять|интегрировать|подключить|продавать)|хотелось бы)`,
	),
	cue(
		'add_feature_ru',
		'forum',
		`${B}(?:(?:добавить|сделать|нужн[\\p{L}]*|хотим|хочу)${gap(2)}${SP}(?:функци|возможност|вкладк|пол[еяй]|блок|кнопк|модул|отчет|бот|программ|сравнени)|нов[\\p{L}]* (?:функци|функционал)|дополнительн[\\p{L}]* (?:функционал|пол|отчет|функци)|функционал|плагин|расширени|предлагаю|встроить|виджет)`,
	),
	cue(
		'integration_ru',
		'forum',
		`${B}(?:интеграц|интегрир|синхрониз[\\p{L}]* (?:\\p{L}+ )?с |подключ[\\p{L}]* (?:сво|crm|1с|битрикс|amocrm|маркетплейс|озон|wildberries|вайлдберриз|яндекс)|выгружать товары на)`,
	),

	// chat: buying, paying for and renewing the key, documents, organizational matters
	cue('buy', 'chat', `${B}(?:buy|buying|purchase|purchasing|acquire)${E}`),
	cue(
		'pay_for_key',
		'chat',
		`${B}(?<!(?:${SHOPPERS}) (?:to |can |could )?)(?:pay|paying|paid|payment)${E}.{0,40}${B}(?:key|license|licence|subscription|plan|tariff|invoice|year|month|rubles|paypal|card|bank transfer)`,
	),
	cue(
		'billing_word',
		'chat',
		`${B}(?:tariffs?|subscriptions?|renew[\\p{L}]*|prolong[\\p{L}]*|trial|refund[\\p{L}]*|invoices?|proforma|contract|agreement|billing|billed|charged|receipt|vat|reseller|legal entity|llc|closing documents|reconciliation|accountant|cooperation|(?:your|the|a) price list|quote|upgrade|downgrade|bank details|payment details|(?:pro|basic|premium|enterprise|business) (?:plan|tariff|license)|(?:my|our|the|a) (?:plan|tariff)|transfer (?:my |the |our )?(?:key|license) to|(?:original |closing |accounting )?documents|signed (?:act|copy|copies|documents?|contract|agreement)|acts? (?:for|of) |extend (?:the |my |our )?(?:license|licence|key|subscription|trial))${E}`,
	),
	cue(
		'key_price',
		'chat',
		`${B}(?:prices?|pricing|costs?|how much|discounts?)${E}.{0,25}${B}(?:key|license|licence|plan|tariff|renewal|year|stores|catalogs|domain|account|organizations)${E}`,
	),
	cue(
		'billing_period',
		'chat',
		`${B}(?:annual|annually|yearly|monthly|per year|per month|a year|for a year)${E}.{0,20}(?:payment|billing|plan|subscription|license|licence|pay)|${B}(?:pay|paying|payment|billed|billing)${E}.{0,20}(?:annual|annually|yearly|monthly|per year|per month|for a year)${E}`,
	),
	cue('vendor_offer', 'chat', `${B}do you (?:offer|give|provide|sell|accept)${E}`),
	cue(
		'how_much',
		'chat',
		`${B}(?:how much (?:is|does|do|would)|what does .{1,30} cost|(?:key|license|plan) costs?)${E}`,
	),
	cue(
		'buy_ru',
		'chat',
		`${B}(?:купить|покупк|цена (?:за|ключ|лиценз|подписк)|приобре|стоимост[\\p{L}]* (?:ключ|лиценз|подписк|тариф|продлени|для|установк|услуг)|сколько стоит|прайс|тариф|продли|продлени|пробн|тестов[\\p{L}]* период|триал|лиценз|подписк|списали)`,
	),
	cue(
		'pay_ru',
		'chat',
		`${B}(?<!(?:покупател|клиент)[\\p{L}]* (?:мог[\\p{L}]* )?)(?:оплат[\\p{L}]* (?:ключ|лиценз|тариф|подписк|услуг|сч|за (?:год|месяц|два|три))|помесячн|годов[\\p{L}]* (?:оплат|тариф|подписк)|оплатить|оплатили|оплачу|оплатим|платить|заплатить|оплачивать|безнал|реквизит|ндс)`,
	),
	cue(
		'documents_ru',
		'chat',
		`${B}(?:сч[её]т на оплату|выстав[\\p{L}]* сч|сч[её]т-фактур|сч[её]т[ау]? (?:для|на|до)|получить сч|договор|закрывающ|акт[\\p{L}]* сверки|юрлиц|юридическ|переоформ|сотрудничеств|акт[\\p{L}]* (?:за|выполненн|прием)|подписанн|с менеджером|документ(?!ац)|сч[её]т(?:а|у|ом|ов|ами|ах)?${E}|коммерческ[\\p{L}]* предложени|реселлер|партнером|вернуть деньги|возврат денег|ип${E}|ооо${E})`,
	),
	cue(
		'discount_ru',
		'chat',
		`${B}скидк[\\p{L}]* (?:на|для|при|за) (?:продлени|ключ|лиценз|оплат|год|некоммерч|второй)`,
	),

	// self_service: how-to questions the manuals answer
	cue(
		'how_to',
		'self_service',
		`(?:^|${B})(?:how (?:do|can|to|should|does)|where (?:do|can|is|are|to)|is there a way|step by step|steps to|instructions?|manual|guide|tutorial|documentation|meaning of|what does .{1,40} mean|how .{1,40} works?|how (?:is|are) .{1,30} calculated|which setting)${E}`,
	),
	cue(
		'question_start',
		'self_service',
		`^(?:how|hwo|where|what|which|is there|can you explain|explain)${E}`,
	),
	cue(
		'settings',
		'self_service',
		`${B}(?:settings?|configur[\\p{L}]*|set up|setup|enable|turn (?:on|off)|switch (?:on|off)|recommended|requirements|(?:which|what) (?:\\p{L}+ )?version)${E}`,
	),
	cue(
		'how_to_ru',
		'self_service',
		`${B}(?:как (?:настро|измен|помен|добав|включ|отключ|подключ|сдела|установ|указ|зада|выгруз|загруз|удал|посмотр|найти|скры|перевест|создат|очист|привяз|дать|сменит|отредакт|огранич|работает|считается)|где${gap(2)}${SP}(?:настро|найти|посмотр|находит|указ|измен|включ|помен|зада|редакт)|куда (?:загруз|вставить|прописать)|каким образом|инструкц|руководств|документац|что означа|что значит|в каком разделе)`,
	),
	cue(
		'question_start_ru',
		'self_service',
		`^(?:подскажите,? )?(?:как|где|куда|каким образом|какая|какой|что означает|что значит)${E}`,
	),
	cue(
		'store_payments',
		'self_service',
		`${B}(?:(?:${SHOPPERS}) (?:to |can |could )?pay|payment (?:methods?|options?|systems?|gateways?) (?:for|on|in|at) (?:my |our |the )?(?:${SHOPPERS}|checkout|storefront|site|store|shop))${E}`,
	),
	cue(
		'store_payments_ru',
		'self_service',
		`${B}(?:(?:способ|систем|прием)[\\p{L}]* (?:оплат|платеж)[\\p{L}]* (?:для|на|в|у) (?:покупател|клиент|сайт|витрин|магазин)|(?:покупател|клиент)[\\p{L}]* (?:мог[\\p{L}]* )?(?:платить|оплачивать|оплатить))`,
	),
	cue(
		'settings_ru',
		'self_service',
		`${B}(?:как(?:ая|ой|ие) (?:[\\p{L}]+ )?верси|требовани|рекомендуем|настро[ейи][\\p{L}]*|настраива[\\p{L}]*|в админке|в настройках|включ[\\p{L}]*|отключ[\\p{L}]*)`,
	),
];
