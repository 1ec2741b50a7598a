import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** axe in WCAG 2.1 AA mode; serious and critical findings fail the test. */
export async function seriousViolations(page: Page) {
	const result = await new AxeBuilder({ page })
		.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
		.analyze();
	return result.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
}
