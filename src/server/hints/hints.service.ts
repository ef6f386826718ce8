/**
 * Hints: short how-tos staff write and publish from the browser. Every save keeps a revision
 * (a full snapshot); restoring copies an old revision's text into a new one, so history is
 * never rewritten. Drafts, archived and future-dated hints exist only for staff.
 */
import type { Db } from '#server/db/schema.ts';
import type { SessionUser } from '#server/auth/sessions.ts';
import { isStaff, requireRole } from '#server/auth/guards.ts';
import { now as clockNow } from '#server/clock.ts';
import { BadRequestError, ConflictError, NotFoundError } from '#server/errors.ts';
import { renderMarkdownDocument, type RenderedMarkdown } from '#server/markdown/render.ts';
import { slugifyTitle } from '#lib/hint-slug.ts';
import {
	findHintById,
	findHintBySlug,
	insertHint,
	isSlugTaken,
	listHintRows,
	updateHintContent,
	type Hint,
	type HintContent,
	type StaffHintRowFilter,
} from './hints.repo.ts';
import {
	findRevision,
	insertRevision,
	listRevisions,
	type HintRevision,
} from './hint-revisions.repo.ts';
import type {
	CreateHint,
	HintFields,
	RestoreHint,
	StaffHintFilter,
	UpdateHint,
} from './hints.schema.ts';
import { isHintPublic, syncHintSearch } from './hints-search.ts';
import { describeChange, sameContent } from './hint-changes.ts';

export type { Hint } from './hints.repo.ts';
export type { HintRevision } from './hint-revisions.repo.ts';

/** What the service needs to know from outside the database. */
export interface HintContext {
	/** Ids of existing manual pages (`admin-panel/currencies`); related links must be among them. */
	knownManualIds: ReadonlySet<string>;
}

export type HintVisibility = 'public' | 'draft' | 'scheduled' | 'archived';

export function hintVisibility(
	hint: Pick<Hint, 'state' | 'publishedAt'>,
	now: Date,
): HintVisibility {
	if (hint.state === 'draft') return 'draft';
	if (hint.state === 'archived') return 'archived';
	return isHintPublic(hint, now) ? 'public' : 'scheduled';
}

/**
 * Renders a hint body with the portal's one Markdown renderer: the public page and the editor
 * preview both use this, so the preview is exactly what readers get.
 */
export function renderHintMarkdown(body: string): RenderedMarkdown {
	return renderMarkdownDocument(body, { headingIdPrefix: 'hint-' });
}

/**
 * Preview HTML for the editor.
 * @throws ForbiddenError unless `user` is staff.
 */
export function previewHintMarkdown(user: SessionUser, body: string): string {
	requireRole(user, 'staff');
	return renderHintMarkdown(body).html;
}

function sameMinute(a: Date, b: Date): boolean {
	return Math.floor(a.getTime() / 60_000) === Math.floor(b.getTime() / 60_000);
}

/** Validates and completes what the editor sent: slug, related pages, publish date. */
async function resolveContent(
	db: Db,
	input: HintFields,
	existing: Hint | undefined,
	context: HintContext,
	now: Date,
): Promise<HintContent> {
	const related = [...new Set(input.relatedManuals.filter((id) => id !== ''))];
	const unknown = related.filter((id) => !context.knownManualIds.has(id));
	if (unknown.length > 0) {
		throw new BadRequestError('Please correct the fields marked below.', {
			relatedManuals: `No such manual page: ${unknown.join(', ')}.`,
		});
	}
	const slug = await resolveSlug(db, input, existing);
	let publishedAt = input.publishedAt ?? null;
	// The editor shows minutes only; saving the form unchanged must not move the date.
	if (publishedAt && existing?.publishedAt && sameMinute(publishedAt, existing.publishedAt)) {
		publishedAt = existing.publishedAt;
	}
	if (!publishedAt && input.state === 'published') publishedAt = now;
	return {
		slug,
		title: input.title,
		body: input.body,
		tags: input.tags ?? [],
		relatedManuals: related,
		state: input.state,
		publishedAt,
	};
}

async function resolveSlug(db: Db, input: HintFields, existing: Hint | undefined): Promise<string> {
	if (input.slug) {
		if (await isSlugTaken(db, input.slug, existing?.id)) {
			throw new ConflictError('Please correct the fields marked below.', {
				slug: 'Another hint uses this address already.',
			});
		}
		return input.slug;
	}
	// An existing hint keeps its address when the field is left empty.
	if (existing) return existing.slug;
	const base = slugifyTitle(input.title);
	if (base.length < 3) {
		throw new BadRequestError('Please correct the fields marked below.', {
			slug: 'Enter an address: the title has too few Latin letters or digits to make one.',
		});
	}
	for (let n = 1; n < 100; n++) {
		const candidate = n === 1 ? base : `${base.slice(0, 76)}-${n}`;
		if (!(await isSlugTaken(db, candidate))) return candidate;
	}
	throw new ConflictError('Please correct the fields marked below.', {
		slug: 'Choose an address: the one made from the title is taken.',
	});
}

function isScheduled(content: Pick<HintContent, 'state' | 'publishedAt'>, now: Date): boolean {
	return content.state === 'published' && content.publishedAt !== null && content.publishedAt > now;
}

/**
 * Creates a hint with its first revision.
 * @throws ForbiddenError unless staff; BadRequestError / ConflictError with field details.
 */
export async function createHint(
	db: Db,
	user: SessionUser,
	input: CreateHint,
	context: HintContext,
): Promise<Hint> {
	requireRole(user, 'staff');
	const now = clockNow();
	return db.transaction().execute(async (trx) => {
		const content = await resolveContent(trx, input, undefined, context, now);
		const hint = await insertHint(trx, {
			...content,
			authorId: user.id,
			indexPending: isScheduled(content, now),
			createdAt: now,
		});
		if (!hint) {
			throw new ConflictError('Please correct the fields marked below.', {
				slug: 'Another hint uses this address already.',
			});
		}
		await insertRevision(trx, hint, describeChange(undefined, hint), user.id);
		await syncHintSearch(trx, undefined, hint, now);
		return hint;
	});
}

/** Loads a hint for writing and checks the editor started from its latest revision. */
async function loadForWrite(db: Db, id: string, version: number): Promise<Hint> {
	const existing = await findHintById(db, id);
	if (!existing) throw new NotFoundError('This hint does not exist.');
	if (existing.version !== version) {
		throw new ConflictError(
			`Someone saved this hint after you opened it (now at revision ${existing.version}). ` +
				'Your text is kept below: copy it, reload the editor and apply your change again.',
		);
	}
	return existing;
}

async function writeContent(
	trx: Db,
	user: SessionUser,
	existing: Hint,
	content: HintContent,
	note: string,
	now: Date,
): Promise<Hint> {
	const updated = await updateHintContent(trx, existing.id, existing.version, {
		...content,
		updatedBy: user.id,
		indexPending: isScheduled(content, now),
		now,
	});
	if (!updated)
		throw new ConflictError('Someone saved this hint at the same moment. Reload and try again.');
	await insertRevision(trx, updated, note, user.id);
	await syncHintSearch(trx, existing, updated, now);
	return updated;
}

/**
 * Saves an edit as a new revision. Saving unchanged content changes nothing.
 * @throws ForbiddenError unless staff; NotFoundError; ConflictError when the hint changed since
 * `input.version` or the slug is taken; BadRequestError with field details.
 */
export async function updateHint(
	db: Db,
	user: SessionUser,
	input: UpdateHint,
	context: HintContext,
): Promise<Hint> {
	requireRole(user, 'staff');
	const now = clockNow();
	return db.transaction().execute(async (trx) => {
		const existing = await loadForWrite(trx, input.id, input.version);
		const content = await resolveContent(trx, input, existing, context, now);
		if (sameContent(existing, content)) return existing;
		return writeContent(trx, user, existing, content, describeChange(existing, content), now);
	});
}

/**
 * Copies an older revision's title, text, tags and related pages into a new revision. The
 * address, state and publish date stay as they are.
 * @throws ForbiddenError unless staff; NotFoundError; ConflictError as `updateHint`.
 */
export async function restoreHintRevision(
	db: Db,
	user: SessionUser,
	input: RestoreHint,
): Promise<Hint> {
	requireRole(user, 'staff');
	const now = clockNow();
	return db.transaction().execute(async (trx) => {
		const existing = await loadForWrite(trx, input.id, input.version);
		const revision = await findRevision(trx, input.id, input.revision);
		if (!revision) throw new NotFoundError('This revision does not exist.');
		const content: HintContent = {
			slug: existing.slug,
			title: revision.title,
			body: revision.body,
			tags: revision.tags,
			relatedManuals: revision.relatedManuals,
			state: existing.state,
			publishedAt: existing.publishedAt,
		};
		return writeContent(trx, user, existing, content, `Restored revision ${revision.number}`, now);
	});
}

/** @throws ForbiddenError unless staff; NotFoundError. */
export async function getHintForStaff(db: Db, user: SessionUser, id: string): Promise<Hint> {
	requireRole(user, 'staff');
	const hint = await findHintById(db, id);
	if (!hint) throw new NotFoundError('This hint does not exist.');
	return hint;
}

/** Revisions newest first. @throws ForbiddenError unless staff; NotFoundError. */
export async function listHintRevisions(
	db: Db,
	user: SessionUser,
	id: string,
): Promise<{ hint: Hint; revisions: HintRevision[] }> {
	const hint = await getHintForStaff(db, user, id);
	return { hint, revisions: await listRevisions(db, id) };
}

/** Hints for the staff list, most recently changed first. @throws ForbiddenError unless staff. */
export async function listHintsForStaff(
	db: Db,
	user: SessionUser,
	filter: StaffHintFilter,
): Promise<Hint[]> {
	requireRole(user, 'staff');
	const rowFilter: StaffHintRowFilter =
		filter === 'all'
			? { kind: 'all' }
			: filter === 'scheduled'
				? { kind: 'scheduled', now: clockNow() }
				: { kind: 'state', state: filter };
	return listHintRows(db, rowFilter);
}

/**
 * A hint by its address for a reader. Staff get every hint (the page shows a banner when it is
 * not public); everyone else only public ones.
 * @throws NotFoundError when missing or not visible to `viewer`.
 */
export async function getHintForReader(
	db: Db,
	viewer: SessionUser | null,
	slug: string,
): Promise<{ hint: Hint; visibility: HintVisibility }> {
	const hint = await findHintBySlug(db, slug);
	const visibility = hint && hintVisibility(hint, clockNow());
	if (!hint || !visibility || (visibility !== 'public' && !isStaff(viewer))) {
		throw new NotFoundError('No such hint.');
	}
	return { hint, visibility };
}
