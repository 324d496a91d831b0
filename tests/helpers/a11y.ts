/**
 * Accessibility checks with axe-core inside the page. The script is evaluated through the DevTools
 * protocol rather than added as a <script> tag, so our strict Content-Security-Policy stays as it is.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface A11yViolation {
	id: string;
	impact: string | null;
	help: string;
	targets: string[];
}

/** The serious and critical WCAG 2.x A/AA violations on the page as it is now. */
export async function seriousA11yViolations(page: Page): Promise<A11yViolation[]> {
	await page.evaluate(axeSource);
	return page.evaluate(async () => {
		const axe = (
			window as unknown as {
				axe: {
					run: (
						ctx: Document,
						opts: object
					) => Promise<{
						violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
					}>;
				};
			}
		).axe;
		const result = await axe.run(document, {
			runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }
		});
		return result.violations
			.filter((v) => v.impact === 'serious' || v.impact === 'critical')
			.map((v) => ({
				id: v.id,
				impact: v.impact,
				help: v.help,
				targets: v.nodes.map((n) => n.target.join(' '))
			}));
	});
}
