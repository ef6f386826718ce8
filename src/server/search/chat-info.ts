import type { ChatInfo } from '#lib/route-steps.ts';
import { hoursView } from '#server/support/hours-view.ts';
import type { Policy } from '#server/support/policy.schema.ts';
import { weekdaysText } from '#server/support/policy-text.ts';

/** The customer-support chat as the ask box's "chat" route shows it at `now`. */
export function chatInfo(policy: Policy, now: Date): ChatInfo {
	const view = hoursView(policy, now);
	const chat = view.departments.find((d) => d.id === 'customer-support') ?? view.departments[0];
	if (!chat) return { label: 'Support chat', url: '/support', hours: '', status: '' };
	const detail = chat.text.detail ? `, ${chat.text.detail}` : '';
	return {
		label: chat.channel.label,
		url: chat.channel.url,
		hours: `${weekdaysText(policy)}, ${chat.hours}`,
		status: `${chat.text.state} now${detail}`,
	};
}
