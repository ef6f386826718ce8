import { B, E, SP, cue, gap, type Cue } from './cue-syntax.ts';

const SITE_EN =
	'(?<!(?:on|in|of|from|at|to) (?:the |our |my |your )?)(?:site|website|web site|store|storefront|shop|homepage|home page|main page)';
const SITE_RU =
	'(?<!(?:на|в|во|с|со|из|для) )(?:сайт|магазин|витрин|главн[\\p{L}]* страниц)[\\p{L}-]*';
const ORDER_VERB_EN = '(?:place|make|create|submit|complete|finish)';
const FAIL_EN =
	'(?:error|exception|fail[\\p{L}]*|crash[\\p{L}]*|broken|not work[\\p{L}]*|went wrong)';

/** Severity 1 (site down, ordering fails) and ordinary breakage. */
export const PROBLEM_CUES: readonly Cue[] = [
	// urgent: Severity 1 = the site fails to load, or ordering fails
	cue(
		'site_down',
		'urgent',
		`${B}${SITE_EN}${gap(4)}${SP}(?:is |went |goes |keeps |has gone )?(?:down|offline|unavailable|inaccessible|unreachable|crashed|dead|blank|timing out|times out)${E}`,
	),
	cue(
		'site_not_loading',
		'urgent',
		`${B}${SITE_EN}${gap(5)}${SP}(?:is |are )?(?:not|will not|does not|did not|fails? to|failed to|stopped|keeps) (?:\\p{L}+ )?(?:load|open|respond|work|access|avail|reach)`,
	),
	cue(
		'site_shows_error',
		'urgent',
		`${B}${SITE_EN}${gap(3)}${SP}(?:shows?|gives?|returns?|displays?|throws?)${gap(3)}${SP}(?:error|exception)${E}`,
	),
	cue(
		'orders_fail',
		'urgent',
		`${B}(?:orders? (?:fail|are failing|can not be|are not (?:created|placed|coming))|no orders (?:are )?(?:coming|created|placed)|(?:attempt|try|trying) to (?:order|checkout|buy))`,
	),
	cue(
		'server_error',
		'urgent',
		`${B}(?:50[0-4]|internal server error|bad gateway|service unavailable|white screen|blank (?:white )?page|white page|database connection|fatal error)${E}`,
	),
	cue(
		'cannot_order',
		'urgent',
		`${B}(?:can not|could not|unable to|not able to|impossible to|fails? to|failed to|nobody can|no one can)${gap(3)}${SP}(?:${ORDER_VERB_EN}${gap(2)}${SP}(?:orders?|purchases?)|checkout|check out|buy anything|order)${E}`,
	),
	cue(
		'checkout_error',
		'urgent',
		`${B}(?:checkout|check out|ordering|(?:place|confirm|submit) order|order (?:creation|placement|confirmation|button|form)|(?:plac|creat|submitt)ing (?:an |the )?orders?)${E}.{0,40}${B}${FAIL_EN}`,
	),
	cue(
		'error_checkout',
		'urgent',
		`${B}(?:error|exception|fail[\\p{L}]*|crash[\\p{L}]*)${E}.{0,30}${B}(?:checkout|check out|ordering|(?:plac|creat|submitt)ing (?:an |the )?orders?|order (?:creation|confirmation|placement))`,
	),
	cue(
		'site_down_ru',
		'urgent',
		`${B}${SITE_RU}${gap(3)}${SP}(?:не (?:открыва|грузит|загружа|работа|доступ|отвеча)|недоступ|лежит|упал|мертв|полностью пуст|пуст[\\p{L}]* полностью|перестал[\\p{L}]* (?:работать|открываться|грузиться))`,
	),
	cue(
		'down_site_ru',
		'urgent',
		`${B}(?:не (?:открывается|грузится|загружается)|лежит|упал|недоступ[\\p{L}]*)${gap(3)}${SP}${SITE_RU}`,
	),
	cue(
		'site_error_ru',
		'urgent',
		`${B}(?:${SITE_RU}${gap(3)}${SP}(?:выда|показыва|отда|пиш)[\\p{L}]*${gap(2)}${SP}ошибк|на сайте${gap(2)}${SP}ошибк)`,
	),
	cue(
		'blank_ru',
		'urgent',
		`${B}(?:бел[\\p{L}]* (?:экран|страниц)|пуст[\\p{L}]* страниц|баз[\\p{L}]* данных)`,
	),
	cue(
		'cannot_order_ru',
		'urgent',
		`${B}(?:ошибк|исключени|не (?:могут|можем|может|могу|получается|удается|проходит)|невозможно|нельзя)[\\p{L}]*${gap(4)}${SP}(?:оформ|(?:сделать|создать|разместить)${gap(1)}${SP}заказ|заказать|купить|заверш[\\p{L}]* покупк|(?:отправк|создани|подтверждени)[\\p{L}]* заказ)`,
	),
	cue(
		'checkout_error_ru',
		'urgent',
		`${B}(?:оформлени|оформить|оформля|заказать|купить|создани[\\p{L}]* заказ|подтверждени[\\p{L}]* заказ|отправк[\\p{L}]* заказ)[\\p{L}]*${gap(4)}${SP}(?:ошибк|исключени|не работ|невозможн|не получа|не проход|пада|слома|вылета|выда[\\p{L}]* ошибк)`,
	),
	cue(
		'orders_not_created_ru',
		'urgent',
		`${B}заказ[\\p{L}]* не (?:созда|оформля|проход|поступа|отправля)`,
	),

	// ticket: something that exists does not work
	cue(
		'not_working',
		'ticket',
		`${B}(?:not|no longer|never|stopped) (?:\\p{L}+ )?(?:work|updat|sync|load|show|display|appear|sav|send|sent|arriv|import|export|translat|calculat|chang|receiv|apply|applied|clear|found)`,
	),
	cue(
		'error_word',
		'ticket',
		`${B}(?:error|bug|broken|glitch[\\p{L}]*|wrong|incorrect[\\p{L}]*|fails?|failed|disappear[\\p{L}]*|empty|blurry|duplicat[\\p{L}]*|ignored|revert[\\p{L}]*|went wrong|access denied|denied|forbidden|4[0-9][0-9]|differs?|mismatch|does not match)${E}`,
	),
	cue(
		'not_working_ru',
		'ticket',
		`${B}(?:не (?:работа|обновля|отобража|приход|сохраня|загружа|грузит|показыва|счита|меня|перевод|выгружа|импортир|появля|срабатыва|видн|применя|синхронизир|очища|находит|отправля)|не [\\p{L}]+(?:ется|ются|ится|ятся)${E}|перестал)`,
	),
	cue(
		'error_word_ru',
		'ticket',
		`${B}(?:ошибк|баг|глюк|глючит|слома|пропал|неправильн|некорректн|криво|сбой|зависа|вылета|пуст|задублир|дублир|кракозябр|мутн|отличаются|не совпада|доступ запрещ)`,
	),

	cue(
		'symptom',
		'ticket',
		`${B}(?:why (?:does|do|is|are|did)|instead of|by itself|by themselves|too (?:big|small|high|low)|times (?:too|more|less|higher|lower)|absurd|strange|weird|stuck|hangs?|forever|slow|question marks|someone else|another user|keeps? (?:showing|reverting|logging|switching|changing)|still (?:shows?|shown|showing|there|old|the same|visible)|outdated|out of date)${E}`,
	),
	cue(
		'symptom_ru',
		'ticket',
		`${B}(?:почему|вместо|сам[\\p{L}]* по себе|сам[аои]? |странн|завис|висит|долго|медленн|тормоз|чуж[\\p{L}]*|одни и те же|в \\d+ раз|постоянно|то и дело|опять|снова)`,
	),
];
