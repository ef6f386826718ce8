import { buildReason, emptyReason, unsureReason } from './explain.ts';
import { extractFeatures, type Extracted } from './features.ts';
import { classifyFeatures, featureMargin, loadWeights, type RouterModelJson } from './model.ts';
import model from './model.json' with { type: 'json' };
import { ROUTES, type Lang, type Route } from './routes.ts';

export { ROUTES, type Lang, type Route } from './routes.ts';

export interface RouteDecision {
	readonly route: Route;
	/** One sentence in the question's language explaining the choice. */
	readonly reason: string;
	/** Probability of `route`, 0..1 (0 when the input has no words). */
	readonly confidence: number;
	readonly lang: Lang;
}

// Loaded once at import; routeQuestion itself does no I/O.
const WEIGHTS = loadWeights(model as unknown as RouterModelJson);
/** Longer input adds nothing for routing and would only slow the rules down. */
const MAX_INPUT = 2000;
const MIN_EVIDENCE_WEIGHT = 0.3;
/** Where a question goes when there is nothing to go on: the manuals cost nobody anything. */
const FALLBACK_ROUTE: Route = 'self_service';
/** A fragment ("price", "the site") with no rule hit and fewer words than this is too vague. */
const VAGUE_WORDS = 3;
const VAGUE_MARGIN = 0.5;
/** Words too plain to quote back as a reason. */
const STOPWORDS = new Set(
	(
		'the and for you your our with can how what where who why does not this that are have from ' +
		'как где что это для или все нас нам наш мне меня при уже еще есть можно'
	).split(' '),
);

/**
 * The question's own words that pushed hardest towards `route`: matched rule phrases first,
 * then words by how much more they favour `route` than any other route.
 */
function evidenceFor(x: Extracted, route: Route): string[] {
	const k = ROUTES.indexOf(route);
	const fromRules = x.cues.filter((c) => c.route === route).map((c) => c.text);
	const scored: { text: string; margin: number }[] = [];
	for (const [f, surface] of x.surfaceOf) {
		if (!f.startsWith('w:') || STOPWORDS.has(surface)) continue;
		const w = WEIGHTS.get(f);
		if (!w) continue;
		const margin = (w[k] ?? 0) - Math.max(...w.filter((_, i) => i !== k));
		if (margin > MIN_EVIDENCE_WEIGHT && surface.length > 2) scored.push({ text: surface, margin });
	}
	scored.sort((a, b) => b.margin - a.margin || a.text.localeCompare(b.text));
	return [...fromRules, ...scored.map((s) => s.text)];
}

/**
 * Decide where a question typed into the portal belongs (manuals, Co-development forum,
 * ticket, Severity 1 ticket, or the customer-support chat) and say why.
 * Pure and synchronous. Input without words gets the manuals with confidence 0; a vague
 * fragment gets the manuals with the model's (low) confidence and a reason asking for more.
 */
export function routeQuestion(text: string): RouteDecision {
	const x = extractFeatures(text.slice(0, MAX_INPUT));
	if (x.tokens.length === 0) {
		return { route: FALLBACK_ROUTE, reason: emptyReason(x.lang), confidence: 0, lang: x.lang };
	}
	const { route, probs } = classifyFeatures(WEIGHTS, x.features);
	const probOf = (r: Route): number => Math.round((probs[ROUTES.indexOf(r)] ?? 0) * 1000) / 1000;
	// NOTE: without cues the learned prior leans to "ticket" (problem reports rarely share
	// wording), which is wrong for half-typed fragments; send those to the manuals instead.
	const contentWords = x.tokens.filter((t) => !STOPWORDS.has(t.surface)).length;
	if (
		x.cues.length === 0 &&
		contentWords < VAGUE_WORDS &&
		featureMargin(WEIGHTS, x.features) < VAGUE_MARGIN
	) {
		return {
			route: FALLBACK_ROUTE,
			reason: unsureReason(x.lang),
			confidence: probOf(FALLBACK_ROUTE),
			lang: x.lang,
		};
	}
	const confidence = probOf(route);
	const reason = buildReason({ route, lang: x.lang, confidence, evidence: evidenceFor(x, route) });
	return { route, reason, confidence, lang: x.lang };
}
