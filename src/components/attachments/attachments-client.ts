// Browser side of AttachmentPicker.astro: files chosen, dropped or pasted upload at once to
// POST /api/attachments with a progress bar; each gets a remove button and a hidden input with
// its id, and the file input is emptied so the form does not send the bytes a second time.
// Without this script the form posts the files itself (multipart), with the same limits.

import { isLocale } from '#i18n/locales.ts';
import { createTranslator, type Translator } from '#i18n/translator.ts';
import { megabytes, sizeText, typeText } from '#lib/attachment-text.ts';

interface UploadedFile {
	id: string;
	name: string;
	typeKey: string;
	bytes: number;
	url: string;
	thumbnail: { url: string } | null;
}

function translatorOf(picker: HTMLElement): Translator {
	const locale = picker.dataset.locale;
	let messages = {};
	try {
		messages = JSON.parse(picker.dataset.messages ?? '{}') as object;
	} catch {
		// Messages missing: keys show instead, the control still works.
	}
	return createTranslator(isLocale(locale) ? locale : 'en', messages, {
		timeZone: 'UTC',
		zoneLabel: 'UTC',
	});
}

export function enhanceAttachmentPickers(root: ParentNode = document): void {
	for (const picker of root.querySelectorAll<HTMLElement>('[data-attachments]')) {
		if (picker.dataset.enhanced) continue;
		picker.dataset.enhanced = '1';
		enhance(picker);
	}
}

function enhance(picker: HTMLElement): void {
	const input = picker.querySelector<HTMLInputElement>('input[type=file]');
	const list = picker.querySelector<HTMLUListElement>('[data-uploads]');
	const errorLine = picker.querySelector<HTMLElement>('[data-upload-error]');
	const form = picker.closest('form');
	if (!input || !list || !errorLine || !form) return;
	const idField = picker.dataset.idField ?? 'attachment';
	const maxFiles = Number(picker.dataset.maxFiles ?? 10);
	const maxBytes = Number(picker.dataset.maxBytes ?? 10 * 1024 * 1024);
	const target = picker.dataset.markdownTarget
		? document.getElementById(picker.dataset.markdownTarget)
		: null;
	const textarea = target instanceof HTMLTextAreaElement ? target : null;
	picker.querySelector<HTMLElement>('[data-enhanced-hint]')?.removeAttribute('hidden');
	const i18n = translatorOf(picker);
	const t = i18n.t.bind(i18n);
	let inFlight = 0;

	const showError = (message: string) => {
		errorLine.textContent = message;
		errorLine.hidden = !message;
	};

	const add = (files: File[]) => {
		showError('');
		const room = maxFiles - list.children.length;
		if (files.length > room) {
			showError(t('attachments.errors.tooManyFiles', { max: maxFiles }));
			files = files.slice(0, Math.max(0, room));
		}
		for (const file of files) {
			if (file.size > maxBytes) {
				showError(
					t('attachments.errors.fileTooLarge', { name: file.name, limit: megabytes(maxBytes) }),
				);
				continue;
			}
			uploadOne(file);
		}
		input.value = '';
	};

	const uploadOne = (file: File) => {
		const item = document.createElement('li');
		const name = document.createElement('span');
		name.className = 'name';
		name.textContent = file.name;
		const progress = document.createElement('progress');
		progress.max = 100;
		progress.value = 0;
		progress.setAttribute('aria-label', t('attachments.picker.uploading', { name: file.name }));
		const remove = document.createElement('button');
		remove.type = 'button';
		remove.className = 'secondary';
		remove.textContent = t('attachments.picker.remove');
		remove.setAttribute('aria-label', t('attachments.picker.removeNamed', { name: file.name }));
		item.append(name, progress, remove);
		list.append(item);

		const body = new FormData();
		body.append(picker.dataset.fileField ?? 'attachments', file, file.name);
		const xhr = new XMLHttpRequest();
		xhr.open('POST', '/api/attachments');
		xhr.responseType = 'json';
		xhr.upload.addEventListener('progress', (event) => {
			if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
		});
		inFlight++;
		const settle = () => {
			inFlight--;
		};
		xhr.addEventListener('load', () => {
			settle();
			const data = xhr.response as { files?: UploadedFile[]; error?: { message?: string } } | null;
			const uploaded = data?.files?.[0];
			if (xhr.status !== 201 || !uploaded) {
				item.remove();
				const message = data?.error?.message;
				showError(
					message ? i18n.text(message) : t('attachments.picker.failed', { name: file.name }),
				);
				return;
			}
			done(item, progress, uploaded);
		});
		xhr.addEventListener('error', () => {
			settle();
			item.remove();
			showError(t('attachments.picker.connectionFailed', { name: file.name }));
		});
		remove.addEventListener('click', () => {
			if (xhr.readyState !== XMLHttpRequest.DONE) xhr.abort();
			const id = item.dataset.upload;
			if (id) void fetch(`/api/attachments/${id}`, { method: 'DELETE' });
			item.remove();
		});
		xhr.addEventListener('abort', settle);
		xhr.send(body);
	};

	const done = (item: HTMLLIElement, progress: HTMLProgressElement, file: UploadedFile) => {
		item.dataset.upload = file.id;
		const hidden = document.createElement('input');
		hidden.type = 'hidden';
		hidden.name = idField;
		hidden.value = file.id;
		const details = document.createElement('span');
		details.className = 'muted small';
		details.textContent = t('attachments.list.details', {
			type: typeText(i18n, file.typeKey),
			size: sizeText(i18n, file.bytes),
		});
		progress.replaceWith(details);
		item.prepend(hidden);
		if (file.thumbnail) {
			const image = document.createElement('img');
			image.src = file.thumbnail.url;
			image.alt = '';
			item.prepend(image);
			if (textarea) {
				const place = document.createElement('button');
				place.type = 'button';
				place.className = 'secondary';
				place.textContent = t('attachments.picker.place');
				place.addEventListener('click', () => insertImage(textarea, file));
				item.append(place);
			}
		}
	};

	input.addEventListener('change', () => add([...(input.files ?? [])]));

	// Drag and drop anywhere on the form; paste a screenshot into it.
	form.addEventListener('dragover', (event) => {
		if (!event.dataTransfer?.types.includes('Files')) return;
		event.preventDefault();
		picker.classList.add('dragging');
	});
	form.addEventListener('dragleave', () => picker.classList.remove('dragging'));
	form.addEventListener('drop', (event) => {
		const files = [...(event.dataTransfer?.files ?? [])];
		if (files.length === 0) return;
		event.preventDefault();
		picker.classList.remove('dragging');
		add(files);
	});
	form.addEventListener('paste', (event) => {
		const files = [...(event.clipboardData?.files ?? [])];
		if (files.length === 0) return;
		event.preventDefault();
		const stamp = new Date().toISOString().slice(0, 19).replace(/[T:]/g, '-');
		add(
			files.map((f, i) =>
				f.name && f.name !== 'image.png'
					? f
					: renamed(f, `screenshot-${stamp}${i ? `-${i}` : ''}.png`),
			),
		);
	});
	// Do not send the message while a file is still on its way.
	form.addEventListener('submit', (event) => {
		if (inFlight > 0) {
			event.preventDefault();
			showError(t('attachments.picker.wait'));
		}
	});
}

function renamed(file: File, name: string): File {
	return new File([file], name, { type: file.type });
}

function insertImage(textarea: HTMLTextAreaElement, file: UploadedFile): void {
	const alt = file.name.replace(/[[\]\\]/g, '').replace(/\.[a-z0-9]+$/i, '');
	const markdown = `![${alt}](${file.url})`;
	const { selectionStart, selectionEnd, value } = textarea;
	const before = value.slice(0, selectionStart);
	const gap = before && !before.endsWith('\n') ? '\n' : '';
	textarea.value = `${before}${gap}${markdown}\n${value.slice(selectionEnd)}`;
	textarea.focus();
	textarea.dispatchEvent(new Event('composer:changed'));
}
