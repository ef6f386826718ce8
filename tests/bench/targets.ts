// What `npm run bench` measures and the targets it checks (issue 8): one place to add a page.
export interface BenchTarget {
	name: string;
	/** A path, or 'topic20' / 'manual' resolved from the seeded data. */
	path: string;
	/** Several paths to cycle through (e.g. different questions for /api/suggest). */
	paths?: () => string[];
	as?: 'staff';
	connections?: number;
	minRps?: number;
	maxP99Ms?: number;
	maxP95Ms?: number;
}

const QUESTIONS = [
	'How do I set up payment methods?',
	'We want to change the design of the cart',
	'Prices are not updated after I changed the markup',
	'Our site is down, customers cannot place orders',
	'How can I pay for the API key?',
	'How do I change the yuan rate',
	'Delivery cost by weight',
	'Как изменить наценку на товары',
	'export orders to 1C',
	'discount coupon for first order',
];

/** What people type into the ask box: growing prefixes of real questions. */
function typedQuestions(): string[] {
	return QUESTIONS.flatMap((q) =>
		Array.from({ length: Math.ceil((q.length - 3) / 3) }, (_, i) => q.slice(0, 4 + i * 3)),
	).map((q) => `/api/suggest?${new URLSearchParams({ q })}`);
}

const WORDS = [
	'cart',
	'markup',
	'delivery',
	'payment',
	'currency',
	'order',
	'banner',
	'category',
	'email',
	'template',
	'discount',
	'install',
	'доставка',
	'наценка',
];

/** Questions nobody asked before (no answer can come from the suggestion cache). */
function newQuestions(): string[] {
	return Array.from({ length: 20_000 }, (_, n) => {
		const q = `${QUESTIONS[n % QUESTIONS.length]} ${WORDS[n % WORDS.length]} ${WORDS[Math.floor(n / WORDS.length) % WORDS.length]} ${n}`;
		return `/api/suggest?${new URLSearchParams({ q })}`;
	});
}

export const BENCH_TARGETS: BenchTarget[] = [
	{ name: 'home', path: '/', minRps: 500, maxP99Ms: 100 },
	{ name: 'manual page', path: '/manuals/getting-started/installation', minRps: 2000 },
	{ name: 'forum index', path: '/forum' },
	{ name: 'category page', path: '/forum/c/design-changes' },
	{ name: 'topic with 20 posts', path: 'topic20', minRps: 500, maxP99Ms: 100 },
	{ name: 'hints list', path: '/hints' },
	{
		name: '/api/suggest',
		path: '/api/suggest',
		paths: typedQuestions,
		connections: 20,
		maxP95Ms: 30,
	},
	// Reported, no target: the worst case, every question new (the typed workload above is what people do).
	{
		name: '/api/suggest new questions',
		path: '/api/suggest',
		paths: newQuestions,
		connections: 20,
	},
	{ name: 'staff ticket queue', path: '/staff/tickets', as: 'staff' },
];

export const DEFAULT_CONNECTIONS = 10;
export const MAX_RSS_MIB = 300;

/** The realistic data set of issue 8. */
export const DATA_SET = {
	users: 2_000,
	topics: 10_000,
	posts: 100_000,
	hints: 200,
	tickets: 5_000,
};
