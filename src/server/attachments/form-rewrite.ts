/**
 * One way for every message form to take files: before its action runs, a multipart post from
 * a signed-in person is read as it streams (./multipart.ts), its files are stored pending
 * (./attachments.service.ts), and the action gets an ordinary form post carrying their ids in
 * `attachment` fields. With the page's script the files were uploaded already and the form sends
 * only ids; without it the browser sends the files: the action sees the same thing either way.
 *
 * A refused file does not stop the form: the action gets the typed text and
 * `attachmentsError`/`attachmentsErrorCode` (see `uploadFailure`), so the page shows the reason
 * next to the file control with everything typed kept, as for any other field error.
 */
import type { SessionUser } from '#server/auth/sessions.ts';
import type { Db } from '#server/db/schema.ts';
import { AppError, ERROR_STATUS, TooManyRequestsError, type ErrorCode } from '#server/errors.ts';
import { receiveUploads } from './attachments.service.ts';
import { UPLOAD_LIMITS } from './limits.ts';
import { messageTooLarge, readMultipart, type MultipartForm } from './multipart.ts';
import { UPLOAD_BODY_LIMIT, UPLOADED_ID_FIELD } from './upload-request.ts';

export const ERROR_FIELD = 'attachmentsError';
export const ERROR_CODE_FIELD = 'attachmentsErrorCode';

/** Whether `request` is a form post that may carry files (multipart). */
export function isUploadFormPost(request: Request): boolean {
	return (
		request.method === 'POST' &&
		/^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '')
	);
}

/**
 * The same post as `application/x-www-form-urlencoded`: its text fields, plus an `attachment`
 * field per stored file, plus the error fields when its files were refused (nothing stored).
 * Precondition: `isUploadFormPost(request)` and `user` signed in.
 */
export async function rewriteUploadForm(
	db: Db,
	user: SessionUser,
	request: Request,
): Promise<Request> {
	const fields = new URLSearchParams();
	let form: MultipartForm | undefined;
	try {
		if (Number(request.headers.get('content-length') ?? 0) > UPLOAD_BODY_LIMIT)
			throw messageTooLarge(UPLOAD_LIMITS);
		form = await readMultipart(
			request.headers.get('content-type'),
			request.body as AsyncIterable<Uint8Array> | null,
		);
		copyFields(form.fields, fields);
		const stored = form.files.length ? await receiveUploads(db, user, form.files) : [];
		for (const file of stored) fields.append(UPLOADED_ID_FIELD, file.id);
	} catch (error) {
		if (!(error instanceof AppError)) throw error;
		fields.delete(ERROR_FIELD);
		fields.delete(ERROR_CODE_FIELD);
		fields.append(ERROR_FIELD, error.message);
		// A quota refusal keeps its wait for the Retry-After header: `TOO_MANY_REQUESTS:3600`.
		const wait = error instanceof TooManyRequestsError ? `:${error.retryAfter}` : '';
		fields.append(ERROR_CODE_FIELD, `${error.code}${wait}`);
	} finally {
		await form?.dispose();
	}
	const headers = new Headers(request.headers);
	headers.set('content-type', 'application/x-www-form-urlencoded;charset=UTF-8');
	headers.delete('content-length');
	headers.delete('transfer-encoding');
	return new Request(request.url, { method: 'POST', headers, body: fields.toString() });
}

function copyFields(from: Map<string, string[]>, to: URLSearchParams): void {
	for (const [name, values] of from) for (const value of values) to.append(name, value);
}

/**
 * For services taking a message with files: throws what `uploadFailure` finds (a refused file
 * refuses the message, before anything is counted or written).
 */
export function requireUploadsAccepted(input: Parameters<typeof uploadFailure>[0]): void {
	const failure = uploadFailure(input);
	if (failure) throw failure;
}

/**
 * For actions: the error the rewrite recorded, as the AppError to throw (status 400, 413 or 429,
 * field `attachments`), or undefined when the files were fine.
 */
export function uploadFailure(input: {
	attachmentsError?: string | undefined;
	attachmentsErrorCode?: string | undefined;
}): AppError | undefined {
	const message = input.attachmentsError;
	if (!message) return undefined;
	const [given = '', wait] = (input.attachmentsErrorCode ?? '').split(':');
	const details = { attachments: message };
	if (given === 'TOO_MANY_REQUESTS')
		return new TooManyRequestsError(message, Number(wait) || 3600, details);
	const code = (given in ERROR_STATUS ? given : 'BAD_REQUEST') as ErrorCode;
	return new AppError(code, message, details);
}
