import { describe, expect, it } from 'vitest';
import { extractMentions, renderMarkdown } from '#server/markdown/render.ts';
import { MAX_MENTIONS } from '#server/markdown/transform.ts';
import { elements, textOf } from './inert.ts';

const KNOWN = new Set(['anna', 'bob.smith', 'dev_team', 'иван']);
const mentionUrl = (handle: string): string | undefined =>
	KNOWN.has(handle.toLowerCase()) ? `/users/${encodeURIComponent(handle)}` : undefined;

describe('mentions in rendered Markdown', () => {
	it('links known handles with the mention class', () => {
		const html = renderMarkdown('Thanks @anna and @bob.smith.', { mentionUrl });
		expect(elements(html, 'a')).toEqual([
			{ href: '/users/anna', class: 'mention' },
			{ href: '/users/bob.smith', class: 'mention' },
		]);
		expect(textOf(html)).toBe('Thanks @anna and @bob.smith.');
	});

	it('links Cyrillic handles', () => {
		const html = renderMarkdown('Спасибо, @иван!', { mentionUrl });
		expect(elements(html, 'a')[0]?.href).toBe(`/users/${encodeURIComponent('иван')}`);
	});

	it('leaves unknown handles as text', () => {
		expect(elements(renderMarkdown('Hi @nobody', { mentionUrl }), 'a')).toEqual([]);
	});

	it('does not link mentions without mentionUrl', () => {
		expect(elements(renderMarkdown('Hi @anna'), 'a')).toEqual([]);
	});

	it('ignores handles in code, links and e-mail addresses', () => {
		const source = '`@anna`\n\n```\n@anna\n```\n\n[@anna](/x) mail anna@example.com or x@anna';
		const links = elements(renderMarkdown(source, { mentionUrl }), 'a');
		expect(links.filter((link) => link.class === 'mention')).toEqual([]);
	});

	it('refuses a mention URL that fails the link policy', () => {
		const html = renderMarkdown('@anna', { mentionUrl: () => 'javascript:alert(1)' });
		expect(elements(html, 'a')).toEqual([]);
	});

	it(`links at most ${MAX_MENTIONS} mentions per document`, () => {
		const html = renderMarkdown('@anna '.repeat(MAX_MENTIONS + 50), { mentionUrl });
		expect(elements(html, 'a')).toHaveLength(MAX_MENTIONS);
	});
});

describe('extractMentions', () => {
	it('returns unique handles in order, first spelling kept', () => {
		expect(extractMentions('@Anna, @bob and @anna again; cc @dev_team')).toEqual([
			'Anna',
			'bob',
			'dev_team',
		]);
	});

	it('skips code blocks, inline code, links and e-mail addresses', () => {
		const source =
			'```\n@ghost\n```\n\n    @indented\n\n`@inline` [@linked](/u) me@example.com @real';
		expect(extractMentions(source)).toEqual(['real']);
	});

	it('drops trailing punctuation from handles', () => {
		expect(extractMentions('ask @bob.smith. or @dev-ops-')).toEqual(['bob.smith', 'dev-ops']);
	});

	it('ignores handles longer than 64 characters', () => {
		expect(extractMentions(`@${'a'.repeat(65)}`)).toEqual([]);
	});
});
