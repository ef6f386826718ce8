// Storefront vocabulary for generated titles and bodies (deterministic, English and Russian).
export const SUBJECTS = [
	'cart',
	'checkout page',
	'product card',
	'category menu',
	'markup rule',
	'delivery method',
	'payment gateway',
	'yuan rate',
	'order status',
	'customer account',
	'email template',
	'search filter',
	'banner slider',
	'footer links',
	'mobile header',
	'Tmall import',
	'Taobao prices',
	'discount coupon',
	'currency rounding',
	'admin rights',
	'корзина',
	'наценка',
	'доставка',
];
export const ASKS = [
	'How can we change the',
	'We would like to redesign the',
	'Is it possible to add a field to the',
	'Custom widget for the',
	'Need extra functionality in the',
	'Move the block under the',
	'Как изменить',
	'Хотим доработать',
];
const SENTENCES = [
	'We use the latest storefront release and a custom theme.',
	'The client wants the layout to match their brand book.',
	'Our developer tried to edit the template but the changes are lost after an update.',
	'Please advise which hook or event to use for this customization.',
	'Prices come from the marketplace in yuan and the markup is applied per category.',
	'Orders are exported to 1C every night and the status must be kept.',
	'Мы используем последнюю версию витрины и свою тему оформления.',
	'Подскажите, какой хук использовать для этой доработки.',
];

/** `count` Markdown bodies of a few paragraphs, some with a list or a code block. */
export function markdownBodies(count: number): string[] {
	return Array.from({ length: count }, (_, i) => {
		const paragraphs = Array.from({ length: 2 + (i % 3) }, (_, p) =>
			Array.from(
				{ length: 2 + ((i + p) % 3) },
				(_, s) => SENTENCES[(i * 3 + p * 5 + s) % SENTENCES.length],
			).join(' '),
		);
		if (i % 4 === 0)
			paragraphs.push(
				`- **${SUBJECTS[i % SUBJECTS.length]}**: see the admin panel\n- keep the *markup* above 10%`,
			);
		if (i % 5 === 0) paragraphs.push('```php\n$price = round($price * 1.15, 2);\n```');
		return paragraphs.join('\n\n');
	});
}
