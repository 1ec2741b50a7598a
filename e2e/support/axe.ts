import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/**
 * axe in WCAG 2.1 AA mode with its best practices, on the whole page or on the part `include`
 * selects: the serious and critical findings, each with the elements it names, so that a failed
 * `expect(…).toEqual([])` says what to fix. Every spec that checks accessibility uses this one.
 */
export async function seriousViolations(page: Page, include?: string) {
	let axe = new AxeBuilder({ page }).withTags([
		'wcag2a',
		'wcag2aa',
		'wcag21a',
		'wcag21aa',
		'best-practice'
	]);
	if (include) axe = axe.include(include);
	const result = await axe.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
