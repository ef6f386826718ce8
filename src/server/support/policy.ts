import { readFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import type { z } from 'astro/zod';
import { config } from '../config.ts';
import { PolicySchema, type Policy } from './policy.schema.ts';

export const POLICY_FILE = 'support-policy.yaml';

/** Thrown when the policy file is missing, is not YAML, or breaks the schema. */
export class PolicyError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'PolicyError';
	}
}

/** Where the policy lives: `$CONTENT_DIR/support-policy.yaml`, CONTENT_DIR defaulting to `content`. */
export function defaultPolicyPath(): string {
	return resolve(process.cwd(), config().contentDir, POLICY_FILE);
}

/**
 * Reads and validates a support policy file.
 * @throws PolicyError naming the file and the bad key, e.g.
 *   `support-policy.yaml: departments.0.hours.opens: expected HH:MM`.
 */
export function loadPolicy(path: string = defaultPolicyPath()): Policy {
	const name = basename(path);
	let source: string;
	try {
		source = readFileSync(path, 'utf8');
	} catch (error) {
		throw new PolicyError(`${name}: cannot read ${path}: ${(error as Error).message}`);
	}
	return parsePolicy(source, name);
}

/**
 * Validates policy YAML text; `name` prefixes error messages.
 * @throws PolicyError on YAML syntax errors or schema violations.
 */
export function parsePolicy(source: string, name: string = POLICY_FILE): Policy {
	let data: unknown;
	try {
		data = parseYaml(source);
	} catch (error) {
		throw new PolicyError(`${name}: not valid YAML: ${(error as Error).message}`);
	}
	return validatePolicy(data, name);
}

/** Validates already-parsed policy data. @throws PolicyError listing every bad key. */
export function validatePolicy(data: unknown, name: string = POLICY_FILE): Policy {
	const result = PolicySchema.safeParse(data, {
		error: (issue) => (issue.input === undefined ? 'is required' : undefined),
	});
	if (result.success) return result.data;
	throw new PolicyError(formatIssues(result.error.issues, name));
}

function formatIssues(issues: readonly z.core.$ZodIssue[], name: string): string {
	return issues
		.map((issue) => {
			const path = issue.path.map(String).join('.');
			return `${name}: ${path === '' ? '(top level)' : path}: ${issue.message}`;
		})
		.join('\n');
}

let cached: Policy | undefined;

/** The policy from the default path, loaded once per process. @throws PolicyError */
export function getPolicy(): Policy {
	cached ??= loadPolicy();
	return cached;
}
