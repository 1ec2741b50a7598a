import { describe, expect, it } from 'vitest';
import { busy } from './busy.svelte';

describe('busy', () => {
	it('stays active until every hold is released, release is idempotent', () => {
		expect(busy.active).toBe(false);
		const a = busy.begin('edit');
		const b = busy.begin('import');
		expect(busy.active).toBe(true);
		a();
		a(); // a second call must not release b's hold
		expect(busy.active).toBe(true);
		b();
		expect(busy.active).toBe(false);
	});
});
