/**
 * Message forms with files post `multipart/form-data` to their own page with `?_upload=<key>`
 * (not `?_action=`, which would make Astro buffer the body): the page reads the files as they
 * stream (src/server/attachments/form-rewrite.ts), then runs the form's action with the text
 * fields and the stored files' ids, and shows the outcome like any other form (readAction).
 * The page's script uploads files ahead with a progress bar; the post then carries only ids.
 */
import type { AstroGlobal } from 'astro';
import { isInputError, type ActionClient } from 'astro:actions';
import { getDb } from '#server/app.ts';
import { getAttachmentFor } from '#server/files/access.ts';
import { isUploadFormPost, rewriteUploadForm } from '#server/attachments/form-rewrite.ts';
import { UPLOADED_ID_FIELD } from '#server/attachments/upload-request.ts';
import { toAttachmentView, type AttachmentView } from '#server/attachments/views.ts';
import { NotFoundError } from '#server/errors.ts';
import { readAction, type FormState } from './action-result.ts';
import { pageTranslator } from './page-translator.ts';

type AnyAction = ActionClient<any, any, any>;
type ActionData<A> = A extends ActionClient<infer Output, any, any> ? Awaited<Output> : never;

export const UPLOAD_PARAM = '_upload';

/** The `action` attribute of a form with files: this page, `?_upload=<key>`. */
export function uploadFormAction(pathname: string, key: string): string {
	return `${pathname}?${UPLOAD_PARAM}=${encodeURIComponent(key)}`;
}

export interface UploadFormState<T> extends FormState<T> {
	/** Files stored with a post that failed otherwise, to send again without uploading again. */
	uploaded: AttachmentView[];
}

/**
 * The outcome of the form `key` posted to this page with its files, or (for a post of another
 * form, or none) what readAction says about `action`.
 */
export async function readUploadForm<A extends AnyAction>(
	astro: AstroGlobal,
	key: string,
	action: A,
): Promise<UploadFormState<ActionData<A>>> {
	const { user } = astro.locals;
	const posted =
		astro.url.searchParams.get(UPLOAD_PARAM) === key && astro.request.method === 'POST';
	if (!posted || !user) return { ...(await readAction(astro, action)), uploaded: [] };
	const db = await getDb();
	// A post without files may come urlencoded (a script, a client that sends only ids).
	const form = isUploadFormPost(astro.request)
		? await (await rewriteUploadForm(db, user, astro.request)).formData()
		: await astro.request.formData();
	const result = await astro.callAction(action, form);
	const state: UploadFormState<ActionData<A>> = {
		action: key,
		data: undefined,
		values: {},
		fieldErrors: {},
		formError: undefined,
		redirect: undefined,
		uploaded: [],
	};
	if (!result.error) {
		state.data = result.data as ActionData<A>;
		state.redirect = `${astro.url.pathname}`;
		return state;
	}
	astro.response.status = result.error.status;
	// Attachment errors are message references (the other forms' messages are English for now).
	const { text } = pageTranslator(astro);
	for (const [name, value] of form) {
		if (typeof value === 'string' && name !== UPLOADED_ID_FIELD) state.values[name] = value;
	}
	if (isInputError(result.error)) {
		for (const [field, messages] of Object.entries(result.error.fields)) {
			if (messages?.[0]) state.fieldErrors[field] = text(messages[0]);
		}
		const issues = result.error.issues as { path: unknown[]; message: string }[];
		state.formError = text(
			issues.find((issue) => issue.path.length === 0)?.message ??
				'Please correct the fields marked below.',
		);
	} else state.formError = text(result.error.message || 'Something went wrong. Please try again.');
	state.uploaded = await pendingViews(db, user, form.getAll(UPLOADED_ID_FIELD));
	return state;
}

async function pendingViews(
	db: Awaited<ReturnType<typeof getDb>>,
	user: NonNullable<App.Locals['user']>,
	ids: FormDataEntryValue[],
): Promise<AttachmentView[]> {
	const views: AttachmentView[] = [];
	for (const id of ids) {
		if (typeof id !== 'string') continue;
		try {
			const file = await getAttachmentFor(db, user, id);
			if (file.parent.kind === 'pending') views.push(toAttachmentView(file));
		} catch (error) {
			if (!(error instanceof NotFoundError)) throw error;
		}
	}
	return views;
}
