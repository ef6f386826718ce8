import { resolve } from 'node:path';
import { loadPolicy, validatePolicy } from '#server/support/policy.ts';
import type { Policy, PolicyInput } from '#server/support/policy.schema.ts';

/** The shipped policy file, as the server loads it. */
export const POLICY_PATH = resolve(import.meta.dirname, '../../../content/support-policy.yaml');

export function defaultPolicy(): Policy {
	return loadPolicy(POLICY_PATH);
}

/** A copy of the shipped policy with `change` applied to its raw data, validated again. */
export function policyWith(change: (data: PolicyInput) => void): Policy {
	const data = structuredClone(defaultPolicy()) as PolicyInput;
	change(data);
	return validatePolicy(data);
}

/** A Moscow wall-clock time (`2026-11-27T17:30`) as an instant; Moscow is UTC+3 all year. */
export function msk(local: string): Date {
	return new Date(`${local}+03:00`);
}
