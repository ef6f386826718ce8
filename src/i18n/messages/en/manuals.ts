import type { SourceMessages } from '../types.ts';

/** The manuals: section names and what the reader is told about translations. */
export default {
	title: 'Manuals',
	// Keyed by the section's folder (src/lib/manual-sections.ts).
	'section.getting-started': 'Getting started',
	'section.api-key': 'API key',
	'section.admin-panel': 'Admin panel',
	'section.troubleshooting': 'Troubleshooting',
	'section.support': 'Support',
	'fallback.note':
		'This page has not been translated into your language yet, so it is shown in English.',
} as const satisfies SourceMessages;
