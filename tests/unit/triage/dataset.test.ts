import { describe, expect, it } from 'vitest';
import { parseRoutingTsv } from '#server/triage/dataset.ts';

describe('parseRoutingTsv', () => {
	it('skips the header, blank lines and comments', () => {
		const rows = parseRoutingTsv(
			'route\tquestion\n\n# note\nchat\tHow much is a key?\r\nforum\tCustom theme\n',
		);
		expect(rows).toEqual([
			{ route: 'chat', question: 'How much is a key?' },
			{ route: 'forum', question: 'Custom theme' },
		]);
	});

	it('rejects an unknown route, naming the line', () => {
		expect(() => parseRoutingTsv('route\tquestion\nsales\tBuy')).toThrow(/line 2/);
	});
});
